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
    days: (n: number, hours = 0) => (hours > 0 ? `${n}日と${hours}時間` : `${n}日間`),
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
    // The booking form and the confirmation step (確認画面).
    yourRental: "ご利用内容",
    changeSearch: "日時・店舗を変更する",
    kana: "フリガナ",
    kanaHint: "カタカナで入力してください(ひらがなで入力しても自動でカタカナになります)。",
    optionsHint: "オプションの料金は、次の確認画面で合計に反映されます。",
    rentalRate: (price: string) => `1回 ${price}`,
    review: "予約内容を確認する",
    fieldProblem: {
      name: "お名前を入力してください。",
      kana: "フリガナをカタカナで入力してください。",
      email: "メールアドレスを正しく入力してください(例: hanako@example.jp)。",
      phone: "電話番号を数字で入力してください(例: 090-1234-5678)。",
    },
    confirmTitle: "ご予約内容の確認",
    confirmIntro: "まだご予約は確定していません。内容をご確認のうえ、お支払いへお進みください。",
    confirmLines: "料金の内訳",
    customerTitle: "ご予約者",
    edit: "修正する",
    acceptTerms: "キャンセルポリシーと免責補償の内容を確認し、同意します",
    acceptProblem: "お支払いへ進むには、キャンセルポリシーと免責補償の内容への同意が必要です。",
    proceedToPayment: "お支払いへ進む",
    draftGone: "この予約内容は見つかりませんでした。お手数ですが、もう一度検索してください。",
    draftOtherBrowser:
      "この予約内容は別のブラウザで入力されたため、表示できません。お手数ですが、このブラウザでもう一度検索してください。",
    draftExpired:
      "入力から時間が経ちました。空き状況と料金を確認しますので、もう一度内容をご確認ください。",
    priceChanged: "料金が変わりました。新しい料金をご確認のうえ、もう一度お進みください。",
    waiverTitle: "免責補償とNOC(ノンオペレーションチャージ)",
    waiverCovers: (price: string, deductible: string) =>
      `免責補償(1日あたり ${price})にご加入いただくと、事故で車両や他人の物に損害を与えたときにお客様にご負担いただく免責額(車両・対物それぞれ ${deductible})のお支払いが免除されます。`,
    waiverNoc: (drivable: string, towed: string) =>
      `ノンオペレーションチャージ(NOC)は免責補償の対象外です。事故・故障・汚損などで車両の修理や清掃が必要になった場合、その間の休業補償の一部として、予定の店舗まで自走して返却できたときは ${drivable}、自走できなかったときは ${towed} をお支払いいただきます。`,
    waiverWithout:
      "免責補償に加入されない場合、事故の際は免責額とNOCをお客様にご負担いただきます。",
    waiverPolice: "警察への届け出がない事故には、保険・補償は適用されません。",
    waiverChosen: "このご予約には免責補償が含まれています。",
    waiverNotChosen:
      "このご予約には免責補償が含まれていません。加入される場合は「修正する」から追加できます。",
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
    confirmingText: "決済代行会社からの確認を待っています。このページは自動で更新されます。",
    konbiniText: "コンビニでのお支払いをお待ちしています。お支払いが確認されると予約が確定します。",
    confirmedTitle: "ご予約が確定しました",
    confirmedText: "ご予約確定のお知らせをメールでお送りします。",
    notConfirmedTitle: "ご予約は確定していません",
    notPaidTitle: "お支払いはまだ完了していません",
    notPaidText:
      "ご予約はまだ確定していません。お支払い期限まではお車を確保していますので、お支払いページに戻ってお手続きを完了してください。別のお支払い方法もお選びいただけます。",
    backToPayment: "お支払いページに戻る",
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
    // Pages: separators, car pictures, shops, honest payment states (the pages' helper).
    listSeparator: "・",
    carExample: (model: string) => `${model}など`,
    dailyRate: (price: string) => `1日あたり ${price}`,
    dropFeeIncluded: (fee: string) => `乗り捨て料金 ${fee} を含む`,
    noDropFee: "乗り捨て料金なし",
    fleetTitle: "車両クラスと料金",
    carPictureAlt: (name: string, model: string) => `${name}(${model}など)の外観イラスト`,
    shopTitle: { pickUp: "貸出店舗", return: "返却店舗", both: "貸出・返却店舗" },
    shopAddress: "住所",
    shopHours: "営業時間",
    shopAccess: "アクセス",
    openingHours: (opens: string, closes: string) => `毎日 ${opens}〜${closes}`,
    checkingPayment: "お支払いを確認しています",
    awaitingKonbini: "コンビニでのお支払い待ち",
    mailOnConfirm: "ご予約が確定すると、確認メールをお送りします。",
    requestIdLine: (status: number, id: string) => `エラーコード ${status}・お問い合わせ番号 ${id}`,
    notFoundHint:
      "予約確認メールに記載の予約番号(RC-で始まる英数字)と、ご予約時に入力したメールアドレスをご確認ください。",
    errorMessages: {
      NOT_FOUND: "お探しのページは見つかりませんでした。URLをご確認ください。",
      ORDER_NOT_FOUND:
        "このリンクのご予約は見つかりませんでした。予約確認メールのリンクをもう一度開くか、「予約の確認」からお探しください。",
      CARD_DATA_DETECTED:
        "カード番号のような数字が含まれていたため、送信を受け付けませんでした。カード情報は決済代行会社のページでのみ入力してください。",
      CROSS_SITE_REQUEST_REFUSED:
        "送信を受け付けられませんでした。ページを再読み込みしてから、もう一度お試しください。",
      RATE_LIMITED: "短時間にアクセスが集中しました。しばらく待ってから、もう一度お試しください。",
      CHECKOUT_ALREADY_PAID: "このご予約はお支払い済みか、お支払いの手続き中です。",
      INTERNAL_ERROR:
        "申し訳ありません。問題が発生しました。しばらくしてから、もう一度お試しください。",
      UNAVAILABLE:
        "ただいま一時的にご利用いただけません。少し時間をおいてから、もう一度お試しください。",
      OTHER: "リクエストを処理できませんでした。入力内容をご確認のうえ、もう一度お試しください。",
    } as Readonly<Record<string, string>>,
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
    days: (n: number, hours = 0) =>
      `${n} day${n === 1 ? "" : "s"}${hours > 0 ? ` ${hours} hour${hours === 1 ? "" : "s"}` : ""}`,
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
    // The booking form and the confirmation step.
    yourRental: "Your rental",
    changeSearch: "Change dates or shops",
    kana: "Name in katakana (optional)",
    kanaHint:
      "Only if your name has a katakana form, e.g. スズキ ハナコ. Hiragana is turned into katakana.",
    optionsHint: "Options are added to the total on the next page, where you review everything.",
    rentalRate: (price: string) => `${price} per rental`,
    review: "Review your booking",
    fieldProblem: {
      name: "Please enter your name.",
      kana: "Please write this in katakana, or leave it empty.",
      email: "Please enter a valid e-mail address (e.g. hanako@example.com).",
      phone: "Please enter a phone number in digits (e.g. 090-1234-5678 or +44 20 7946 0000).",
    },
    confirmTitle: "Review your booking",
    confirmIntro:
      "Your booking is not made yet. Please check the details, then continue to payment.",
    confirmLines: "Price breakdown",
    customerTitle: "Booked by",
    edit: "Edit",
    acceptTerms: "I have read and accept the cancellation policy and the damage-waiver terms",
    acceptProblem:
      "To continue to payment, please accept the cancellation policy and the damage-waiver terms.",
    proceedToPayment: "Continue to payment",
    draftGone: "We could not find this booking. Please search again.",
    draftOtherBrowser:
      "This booking was entered in another browser, so it cannot be shown here. Please search again in this browser.",
    draftExpired:
      "Some time has passed since you entered this. Please review it again: we check availability and prices anew.",
    priceChanged: "The price has changed. Please check the new total, then continue again.",
    waiverTitle: "Damage waiver and NOC (non-operation charge)",
    waiverCovers: (price: string, deductible: string) =>
      `With the collision damage waiver (${price} per day), you do not pay the deductible — ${deductible} each for damage to the car and to other people's property — after an accident.`,
    waiverNoc: (drivable: string, towed: string) =>
      `The waiver does not cover the non-operation charge (NOC). If the car needs repair or cleaning after an accident, a breakdown or soiling, you pay ${drivable} if it can be driven back to the agreed shop, or ${towed} if it cannot, towards the business lost while it is off the road.`,
    waiverWithout: "Without the waiver, you pay both the deductible and the NOC after an accident.",
    waiverPolice:
      "Insurance and the waiver do not apply to accidents that were not reported to the police.",
    waiverChosen: "This booking includes the damage waiver.",
    waiverNotChosen: "This booking does not include the damage waiver. To add it, choose “Edit”.",
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
    confirmingTitle: "Checking your payment",
    confirmingText:
      "We are waiting for the payment provider's confirmation. This page refreshes by itself.",
    konbiniText:
      "We are waiting for your konbini payment. Your booking is confirmed once it arrives.",
    confirmedTitle: "Your booking is confirmed",
    confirmedText: "A confirmation e-mail is on its way to you.",
    notConfirmedTitle: "Your booking is not confirmed",
    notPaidTitle: "Your payment is not complete yet",
    notPaidText:
      "Your booking is not confirmed yet. We are holding the car until the payment deadline: go back to the payment page to finish paying. You can also choose another way to pay there.",
    backToPayment: "Back to the payment page",
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
    // Pages: separators, car pictures, shops, honest payment states (the pages' helper).
    listSeparator: " · ",
    carExample: (model: string) => `${model} or similar`,
    dailyRate: (price: string) => `${price} per day`,
    dropFeeIncluded: (fee: string) => `incl. one-way fee ${fee}`,
    noDropFee: "no one-way fee",
    fleetTitle: "Our cars and daily rates",
    carPictureAlt: (name: string, model: string) => `${name} (${model} or similar), side view`,
    shopTitle: { pickUp: "Pick-up shop", return: "Return shop", both: "Pick-up and return shop" },
    shopAddress: "Address",
    shopHours: "Opening hours",
    shopAccess: "Getting there",
    openingHours: (opens: string, closes: string) => `${opens}–${closes}, every day`,
    checkingPayment: "Checking your payment",
    awaitingKonbini: "Awaiting konbini payment",
    mailOnConfirm: "We will e-mail you a confirmation as soon as your booking is confirmed.",
    requestIdLine: (status: number, id: string) => `Error ${status} · Support reference ${id}`,
    notFoundHint:
      "Check the reference in your confirmation e-mail (it starts with RC-) and the e-mail address you booked with.",
    errorMessages: {
      NOT_FOUND: "We could not find this page. Please check the address.",
      ORDER_NOT_FOUND:
        "We found no booking for this link. Open the link in your confirmation e-mail again, or use “Find my booking”.",
      CARD_DATA_DETECTED:
        "Card numbers are entered on the payment provider's page only. Please remove it and try again.",
      CROSS_SITE_REQUEST_REFUSED:
        "We could not accept this form. Please reload the page and try again.",
      RATE_LIMITED: "Too many requests in a short time. Please wait a moment and try again.",
      CHECKOUT_ALREADY_PAID: "This booking is already paid, or its payment is in progress.",
      INTERNAL_ERROR: "Sorry, something went wrong on our side. Please try again shortly.",
      UNAVAILABLE: "The service is briefly unavailable. Please try again shortly.",
      OTHER: "We could not process this request. Please check what you entered and try again.",
    } as Readonly<Record<string, string>>,
  },
} as const;

/** The texts of one language. */
export type Texts = (typeof TEXTS)[Lang];
