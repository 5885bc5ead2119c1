/**
 * @module
 * Every text of the hosted payment page, in Japanese and English.
 */

/** The page languages. */
export type Language = "ja" | "en";

/** Why a card form was refused or a payment failed, as shown to the shopper. */
export type PaymentProblem =
  | "invalid_number"
  | "invalid_expiry"
  | "expired_card"
  | "invalid_cvc"
  | "generic_decline"
  | "insufficient_funds"
  | "authentication_failed";

/** The texts of one language. */
export interface PageTexts {
  readonly locale: string;
  readonly banner: string;
  /** Names the provider whose page the sandbox imitates. */
  readonly imitates: (provider: string) => string;
  readonly title: string;
  readonly total: string;
  /** "¥550 × 2" under a line of `count` units. */
  readonly unitTimes: (unitPrice: string, count: number) => string;
  /** "¥7,700 × 3 days" under a line priced per day. */
  readonly unitTimesDays: (unitPrice: string, days: number) => string;
  readonly cardHeading: string;
  readonly cardNumber: string;
  readonly expiry: string;
  readonly cvc: string;
  readonly cardholder: string;
  readonly pay: (amount: string) => string;
  readonly konbiniHeading: string;
  readonly konbiniIntro: string;
  readonly konbiniButton: string;
  readonly cancel: string;
  readonly testCardsHeading: string;
  readonly testCards: readonly (readonly [string, string])[];
  readonly problems: Readonly<Record<PaymentProblem, string>>;
  readonly challengeHeading: string;
  readonly challengeIntro: string;
  readonly challengePass: string;
  readonly challengeFail: string;
  readonly slipHeading: string;
  readonly slipIntro: string;
  readonly confirmationNumber: string;
  readonly paymentCode: string;
  readonly payBy: string;
  /** The slip's deadline, in Japan time (the stores' time). */
  readonly deadline: (at: Date) => string;
  readonly slipSteps: readonly string[];
  readonly slipPaid: string;
  readonly slipExpired: string;
  readonly backToShop: string;
  readonly completeHeading: string;
  readonly completeText: string;
  readonly expiredHeading: string;
  readonly expiredText: string;
  readonly notFoundHeading: string;
  readonly notFoundText: string;
  readonly forbiddenHeading: string;
  readonly forbiddenText: string;
}

const TEST_CARD_NUMBERS = [
  "4242 4242 4242 4242",
  "4000 0000 0000 0002",
  "4000 0000 0000 9995",
  "4000 0027 6000 3184",
] as const;

/** Pairs each test card number with what it does, in one language. */
function testCards(outcomes: readonly [string, string, string, string]) {
  return TEST_CARD_NUMBERS.map((number, index) => [number, outcomes[index] ?? ""] as const);
}

/** 「2026年12月9日(水) 23:59」 / "Wed, December 9, 2026 at 11:59 PM". */
const DEADLINE_FORMAT: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "long",
  day: "numeric",
  weekday: "short",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "Asia/Tokyo",
};

/** The texts by language. */
export const TEXTS: Readonly<Record<Language, PageTexts>> = {
  ja: {
    locale: "ja-JP",
    banner:
      "テスト用サンドボックスです。本物の決済ページではありません。実際のカード番号は絶対に入力しないでください。",
    imitates: (provider) => `${provider}の決済ページを模したテスト画面`,
    title: "お支払い",
    total: "合計",
    unitTimes: (unitPrice, count) => `${unitPrice} × ${count}`,
    unitTimesDays: (unitPrice, days) => `${unitPrice} × ${days}日`,
    cardHeading: "カードで支払う",
    cardNumber: "カード番号",
    expiry: "有効期限(月/年)",
    cvc: "セキュリティコード",
    cardholder: "カード名義(ローマ字)",
    pay: (amount) => `${amount} を支払う`,
    konbiniHeading: "コンビニで支払う",
    konbiniIntro: "払込票を発行します。期限までにコンビニの店頭で現金でお支払いください。",
    konbiniButton: "払込票を発行する",
    cancel: "キャンセルしてショップに戻る",
    testCardsHeading: "テストカード",
    testCards: testCards(["承認", "拒否", "拒否(残高不足)", "3Dセキュアの本人認証あり"]),
    problems: {
      invalid_number: "カード番号が正しくありません。",
      invalid_expiry: "有効期限は「月/年」の形で入力してください(例: 12/30)。",
      expired_card: "有効期限が過ぎています。カードに書かれた有効期限をご確認ください。",
      invalid_cvc: "セキュリティコードが正しくありません。",
      generic_decline: "カードが承認されませんでした。別のカードをお試しください。",
      insufficient_funds: "カードのご利用可能額が不足しています。別のカードをお試しください。",
      authentication_failed: "本人認証(3Dセキュア)に失敗しました。別のカードをお試しください。",
    },
    challengeHeading: "本人認証(3Dセキュア)",
    challengeIntro: "カード発行会社の認証画面を模したテストページです。結果を選んでください。",
    challengePass: "認証を完了する",
    challengeFail: "認証に失敗させる",
    slipHeading: "コンビニ払込票",
    slipIntro: "以下の番号で、期限までに店頭でお支払いください。",
    confirmationNumber: "確認番号",
    paymentCode: "お支払い受付番号",
    payBy: "お支払い期限",
    deadline: (at) => new Intl.DateTimeFormat("ja-JP", DEADLINE_FORMAT).format(at),
    slipSteps: [
      "ファミリーマート・ローソン・ミニストップ・セイコーマートでお支払いいただけます。",
      "店頭の端末またはレジで確認番号とお支払い受付番号をお伝えください。",
      "現金でお支払いください。",
    ],
    slipPaid: "このお支払いは完了しています。",
    slipExpired: "この払込票は期限切れです。",
    backToShop: "ショップに戻る",
    completeHeading: "お支払いは完了しています",
    completeText: "このチェックアウトはすでに完了しました。",
    expiredHeading: "有効期限切れ",
    expiredText: "このチェックアウトは期限切れです。ショップでもう一度お手続きください。",
    notFoundHeading: "見つかりません",
    notFoundText: "このチェックアウトは存在しません。",
    forbiddenHeading: "リクエストを拒否しました",
    forbiddenText: "別のサイトから送信されたフォームは受け付けません。",
  },
  en: {
    locale: "en-US",
    banner: "Test sandbox. This is not a real payment page. Never enter a real card number.",
    imitates: (provider) => `A test page imitating ${provider}'s checkout`,
    title: "Checkout",
    total: "Total",
    unitTimes: (unitPrice, count) => `${unitPrice} × ${count}`,
    unitTimesDays: (unitPrice, days) => `${unitPrice} × ${days} day${days === 1 ? "" : "s"}`,
    cardHeading: "Pay by card",
    cardNumber: "Card number",
    expiry: "Expiry (MM/YY)",
    cvc: "Security code",
    cardholder: "Name on card",
    pay: (amount) => `Pay ${amount}`,
    konbiniHeading: "Pay at a convenience store",
    konbiniIntro: "Get a payment slip and pay in cash at the store.",
    konbiniButton: "Get a payment slip",
    cancel: "Cancel and return to the shop",
    testCardsHeading: "Test cards",
    testCards: testCards([
      "approved",
      "declined",
      "declined (insufficient funds)",
      "asks for 3-D Secure",
    ]),
    problems: {
      invalid_number: "Your card number is invalid.",
      invalid_expiry: "Enter the expiry as month / year, e.g. 12/30.",
      expired_card: "Your card has expired. Check the expiry date.",
      invalid_cvc: "Your card's security code is invalid.",
      generic_decline: "Your card was declined.",
      insufficient_funds: "Your card has insufficient funds.",
      authentication_failed: "3-D Secure authentication failed. Please try another card.",
    },
    challengeHeading: "3-D Secure authentication",
    challengeIntro:
      "A test stand-in for your card issuer's authentication page. Choose the outcome.",
    challengePass: "Complete authentication",
    challengeFail: "Fail authentication",
    slipHeading: "Konbini payment slip",
    slipIntro: "Pay at the store with these numbers before the deadline.",
    confirmationNumber: "Confirmation number",
    paymentCode: "Payment code",
    payBy: "Pay by",
    deadline: (at) =>
      `${new Intl.DateTimeFormat("en-US", DEADLINE_FORMAT).format(at)} (Japan time)`,
    slipSteps: [
      "Pay at FamilyMart, Lawson, Ministop or Seicomart.",
      "Give the confirmation number and payment code at the terminal or the register.",
      "Pay in cash.",
    ],
    slipPaid: "This payment is complete.",
    slipExpired: "This payment slip has expired.",
    backToShop: "Return to the shop",
    completeHeading: "Payment complete",
    completeText: "This checkout has already been completed.",
    expiredHeading: "Checkout expired",
    expiredText: "This checkout has expired. Please start again at the shop.",
    notFoundHeading: "Not found",
    notFoundText: "This checkout does not exist.",
    forbiddenHeading: "Request refused",
    forbiddenText: "Forms sent from another site are not accepted.",
  },
};
