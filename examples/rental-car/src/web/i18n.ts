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
      cancelled: "キャンセル済み",
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
    cancelLink: "予約をキャンセルする",
    cancelFreeUntil: (days: number) => `貸出日の${days}日前までは無料でキャンセルできます。`,
    policyLink: "キャンセルポリシー",
    cancelTitle: "予約のキャンセル",
    cancelTiming: (days: number) =>
      days === 0 ? "本日は貸出日の当日です。" : `本日は貸出日の${days}日前です。`,
    cancelFee: (percent: number) => `キャンセル料(${percent}%)`,
    alreadyRefunded: "返金済みの金額",
    refundAmount: "返金額",
    refundNote:
      "返金はお支払いに使われたカード等に行います。ご利用明細に反映されるまで数日かかることがあります。",
    cancelIrreversible: "キャンセルを確定すると、取り消すことはできません。",
    confirmCancel: "キャンセルを確定する",
    keepBooking: "キャンセルせずに予約に戻る",
    viewBooking: "予約内容を見る",
    cannotCancelTitle: "この予約はキャンセルできません",
    notPaidCannotCancel:
      "お支払いが完了していないご予約です。キャンセルの手続きは不要で、お支払い期限を過ぎると自動的に取り消されます。",
    alreadyCancelled: "このご予約はすでにキャンセルされています。",
    notCancellable: "このご予約は現在キャンセルできる状態ではありません。",
    tooLateToCancel: "貸出時刻を過ぎた後のキャンセルはできません。",
    cancellationTitle: "キャンセルの内容",
    cancelledAt: "キャンセル日時",
    refundStatus: "返金状況",
    refundState: {
      in_progress: "返金手続き中",
      refunded: "返金済み",
      failed: "返金の手続きを完了できませんでした。当店よりご連絡いたします。",
    },
    policyTitle: "キャンセルポリシー",
    policyIntro:
      "キャンセル料は、キャンセルされた日から貸出日までの日数(日本時間)によって決まります。",
    policyWhen: "キャンセルの時期",
    policyFee: "キャンセル料",
    policyTier: (fromDays: number, toDays: number | undefined) =>
      toDays === undefined
        ? `貸出日の${fromDays}日前まで`
        : fromDays === 0
          ? "当日"
          : fromDays === toDays
            ? `${fromDays}日前`
            : `${toDays}〜${fromDays}日前`,
    policyFree: "無料",
    policyPercent: (percent: number) => `${percent}%`,
    policyRefund:
      "キャンセル料はご予約金額(税込)に対する割合で、1円未満は切り捨てます。キャンセル料を差し引いた金額を返金します。",
    policyHowTo:
      "キャンセルは、予約確認メールのリンク、または「予約の確認」からご予約を開いてお手続きください。",
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
      cancelled: "Cancelled",
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
    cancelLink: "Cancel this booking",
    cancelFreeUntil: (days: number) =>
      `Cancelling is free until ${days} days before the pick-up day.`,
    policyLink: "Cancellation policy",
    cancelTitle: "Cancel your booking",
    cancelTiming: (days: number) =>
      days === 0
        ? "Today is the pick-up day."
        : `Today is ${days} day${days === 1 ? "" : "s"} before the pick-up day.`,
    cancelFee: (percent: number) => `Cancellation fee (${percent}%)`,
    alreadyRefunded: "Already refunded",
    refundAmount: "Refund",
    refundNote:
      "We refund to the card (or other method) you paid with. It can take a few days to show on your statement.",
    cancelIrreversible: "Once you confirm, the cancellation cannot be undone.",
    confirmCancel: "Confirm cancellation",
    keepBooking: "Keep my booking",
    viewBooking: "View your booking",
    cannotCancelTitle: "This booking cannot be cancelled",
    notPaidCannotCancel:
      "This booking is not paid. There is nothing to cancel: it is released by itself when the payment window ends.",
    alreadyCancelled: "This booking has already been cancelled.",
    notCancellable: "This booking cannot be cancelled in its current state.",
    tooLateToCancel: "A booking cannot be cancelled after its pick-up time.",
    cancellationTitle: "Cancellation",
    cancelledAt: "Cancelled on",
    refundStatus: "Refund status",
    refundState: {
      in_progress: "Refund in progress",
      refunded: "Refunded",
      failed: "We could not complete the refund. We will contact you.",
    },
    policyTitle: "Cancellation policy",
    policyIntro:
      "The cancellation fee depends on how many days before the pick-up day (Japan time) you cancel.",
    policyWhen: "When you cancel",
    policyFee: "Cancellation fee",
    policyTier: (fromDays: number, toDays: number | undefined) =>
      toDays === undefined
        ? `Until ${fromDays} days before the pick-up day`
        : fromDays === 0
          ? "On the pick-up day"
          : fromDays === toDays
            ? `${fromDays} day${fromDays === 1 ? "" : "s"} before`
            : `${toDays} to ${fromDays} days before`,
    policyFree: "Free",
    policyPercent: (percent: number) => `${percent}%`,
    policyRefund:
      "The fee is a share of the booking total (tax included), rounded down to the yen. We refund the rest.",
    policyHowTo:
      "To cancel, open your booking from the link in your confirmation e-mail or from “Find my booking”.",
  },
} as const;

/** The texts of one language. */
export type Texts = (typeof TEXTS)[Lang];
