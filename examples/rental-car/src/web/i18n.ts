/**
 * @module
 * The site's two languages: chosen by `?lang=` (remembered in a cookie), else by Accept-Language,
 * else Japanese. Every text of every page is here, so a page never mixes languages.
 */
import type { Request, Response } from "express";
import type { Lang } from "./format";

const COOKIE = "lang";

/** Languages already chosen, per response (a page and its error page ask again). */
const chosen = new WeakMap<Response, Lang>();

/** The language of this request; remembers an explicit `?lang=` choice (one cookie per answer). */
export function chooseLanguage(req: Request, res: Response): Lang {
  const known = chosen.get(res);
  if (known !== undefined) return known;
  const lang = decideLanguage(req, res);
  chosen.set(res, lang);
  return lang;
}

function decideLanguage(req: Request, res: Response): Lang {
  const asked = req.query.lang;
  if (asked === "ja" || asked === "en") {
    res.cookie(COOKIE, asked, {
      sameSite: "lax",
      httpOnly: true,
      path: "/",
      maxAge: 31_536_000_000,
    });
    return asked;
  }
  const remembered = req.cookies?.[COOKIE];
  if (remembered === "ja" || remembered === "en") return remembered;
  return req.acceptsLanguages("ja", "en") === "en" ? "en" : "ja";
}

/** Every text, in both languages. */
export const TEXTS = {
  ja: {
    siteName: "リンクペイ・レンタカー",
    tagline: "空港・駅前でお得にレンタカー",
    otherLanguage: "English",
    sandboxNotice:
      "デモ環境です。実際の決済は行われません。テストカード 4242 4242 4242 4242 をお使いください。",
    searchTitle: "レンタカーを探す",
    pickUpLocation: "貸出店舗",
    returnLocation: "返却店舗",
    pickUpDate: "貸出日",
    pickUpTime: "貸出時刻",
    returnDate: "返却日",
    returnTime: "返却時刻",
    search: "空車を検索",
    resultsTitle: "ご利用可能な車両",
    seats: (n: number) => `${n}人乗り`,
    perDay: "1日あたり",
    days: (n: number) => `${n}日間`,
    carsLeft: (n: number) => `残り${n}台`,
    soldOut: "満車",
    choose: "この車を選ぶ",
    noResults: "この条件でご利用いただける車両はありません。",
    bookTitle: "ご予約内容の入力",
    options: "オプション",
    perRental: "1回あたり",
    quantity: "数量",
    yourDetails: "お客様情報",
    name: "お名前",
    email: "メールアドレス",
    phone: "電話番号",
    noCardHere:
      "カード情報はこのサイトでは入力しません。次の画面で決済代行会社の安全な決済ページに移動します。",
    total: "お支払い合計(税込)",
    payNow: "決済ページへ進む",
    bookingTitle: "ご予約",
    reference: "予約番号",
    status: "状態",
    carClass: "車両クラス",
    pickUp: "貸出",
    return: "返却",
    statusText: {
      awaiting_payment: "お支払い待ち",
      confirmed: "予約確定",
      payment_failed: "お支払いが完了しませんでした(車両の確保を解除しました)",
      expired: "お支払い期限切れ(車両の確保を解除しました)",
    },
    paymentText: {
      open: "お支払いを待っています",
      processing: "コンビニでのお支払いを待っています",
      paid: "お支払い済み",
      partially_refunded: "一部返金済み",
      refunded: "返金済み",
      failed: "お支払いに失敗しました",
      expired: "お支払い期限が切れました",
      canceled: "キャンセルされました",
    },
    canceledNotice: "お支払いはキャンセルされました。もう一度お試しください。",
    tryAgain: "もう一度お支払いへ進む",
    searchAgain: "もう一度検索する",
    confirmingTitle: "お支払いを確認しています",
    confirmingText: "決済代行会社からの通知を待っています。このページは自動で更新されます。",
    konbiniText: "コンビニでのお支払いをお待ちしています。お支払いが確認されると予約が確定します。",
    confirmedTitle: "ご予約が確定しました",
    confirmedText: "確認メールをお送りしました。",
    notConfirmedTitle: "ご予約は確定していません",
    myBookingTitle: "予約の確認",
    myBookingIntro: "予約番号とメールアドレスを入力してください。",
    show: "予約を表示",
    notFound: "予約番号またはメールアドレスが正しくありません。",
    pageNotFound: "ページが見つかりません。",
    errorTitle: "エラー",
    formProblem: "入力内容をご確認ください。",
    pricingProblem: "この条件ではご予約いただけません。日付と店舗をご確認ください。",
    soldOutProblem: "申し訳ありません。この車両クラスは他のお客様のご予約で満車になりました。",
    paymentUnavailable: "決済ページを準備できませんでした。しばらくしてからお試しください。",
    home: "トップへ戻る",
  },
  en: {
    siteName: "Linkpay Rent-a-Car",
    tagline: "Cars at airports and stations across Japan",
    otherLanguage: "日本語",
    sandboxNotice: "Demo environment: no real payments. Use the test card 4242 4242 4242 4242.",
    searchTitle: "Find a car",
    pickUpLocation: "Pick-up at",
    returnLocation: "Return to",
    pickUpDate: "Pick-up date",
    pickUpTime: "Pick-up time",
    returnDate: "Return date",
    returnTime: "Return time",
    search: "Search",
    resultsTitle: "Available cars",
    seats: (n: number) => `${n} seats`,
    perDay: "per day",
    days: (n: number) => `${n} day${n === 1 ? "" : "s"}`,
    carsLeft: (n: number) => `${n} left`,
    soldOut: "Sold out",
    choose: "Choose this car",
    noResults: "No cars are available for this search.",
    bookTitle: "Your booking",
    options: "Options",
    perRental: "per rental",
    quantity: "Quantity",
    yourDetails: "Your details",
    name: "Name",
    email: "E-mail",
    phone: "Phone",
    noCardHere:
      "You never enter card details on this site: the next step is our payment provider's secure page.",
    total: "Total (tax included)",
    payNow: "Continue to payment",
    bookingTitle: "Booking",
    reference: "Reference",
    status: "Status",
    carClass: "Car class",
    pickUp: "Pick-up",
    return: "Return",
    statusText: {
      awaiting_payment: "Awaiting payment",
      confirmed: "Confirmed",
      payment_failed: "Payment not completed (the car has been released)",
      expired: "Payment expired (the car has been released)",
    },
    paymentText: {
      open: "Waiting for payment",
      processing: "Waiting for the konbini payment",
      paid: "Paid",
      partially_refunded: "Partly refunded",
      refunded: "Refunded",
      failed: "Payment failed",
      expired: "Payment window expired",
      canceled: "Canceled",
    },
    canceledNotice: "The payment was canceled. Please try again.",
    tryAgain: "Try the payment again",
    searchAgain: "Search again",
    confirmingTitle: "Confirming your payment",
    confirmingText:
      "We are waiting for the payment provider's confirmation. This page refreshes by itself.",
    konbiniText:
      "We are waiting for your konbini payment. Your booking is confirmed once it arrives.",
    confirmedTitle: "Your booking is confirmed",
    confirmedText: "We have sent you a confirmation e-mail.",
    notConfirmedTitle: "Your booking is not confirmed",
    myBookingTitle: "Find my booking",
    myBookingIntro: "Enter your booking reference and e-mail address.",
    show: "Show booking",
    notFound: "The reference or the e-mail address is not correct.",
    pageNotFound: "Page not found.",
    errorTitle: "Error",
    formProblem: "Please check what you entered.",
    pricingProblem: "We cannot book this. Please check the dates and locations.",
    soldOutProblem: "Sorry, another shopper just booked the last car of this class.",
    paymentUnavailable: "We could not prepare the payment page. Please try again shortly.",
    home: "Back to the start",
  },
} as const;

/** The texts of one language. */
export type Texts = (typeof TEXTS)[Lang];
