/**
 * @module
 * The texts the KOMOJU hosted pages add to the shared ones (hosted-page/texts.ts), in Japanese
 * and English: store choice, PayPay, leaving without paying, the cancelled notice and the
 * PayPay look-alike.
 */
import type { Language } from "../../hosted-page/texts";
import type { KomojuStore } from "../state/komoju-records";

/** KOMOJU-only texts of one language. */
export interface KomojuTexts {
  readonly konbiniIntro: string;
  readonly storeLegend: string;
  readonly stores: Readonly<Record<KomojuStore, string>>;
  /** The name of the number the shopper gives at the store. */
  readonly receiptLabel: (store: KomojuStore) => string;
  readonly slipSteps: (store: string, withConfirmation: boolean) => readonly string[];
  /** The short chooser at the top of the page: its name and the link to each method. */
  readonly methodsLabel: string;
  readonly methodNames: Readonly<Record<"credit_card" | "konbini" | "paypay", string>>;
  readonly paypayHeading: string;
  readonly paypayIntro: string;
  readonly paypayButton: string;
  readonly paypayCancelled: string;
  readonly leaveWithoutPaying: string;
  readonly cancelledHeading: string;
  readonly cancelledText: string;
  readonly walletTitle: string;
  readonly walletNotice: string;
  readonly walletPayee: string;
  readonly walletAmount: string;
  readonly walletApprove: string;
  readonly walletCancel: string;
}

/** The KOMOJU texts by language. */
export const KOMOJU_TEXTS: Readonly<Record<Language, KomojuTexts>> = {
  ja: {
    konbiniIntro:
      "お支払いに使うコンビニを選ぶと払込票を発行します。期限までに店頭で現金でお支払いください。",
    storeLegend: "お支払いに使うコンビニ",
    stores: {
      "seven-eleven": "セブン-イレブン",
      lawson: "ローソン",
      "family-mart": "ファミリーマート",
      ministop: "ミニストップ",
      "daily-yamazaki": "デイリーヤマザキ",
      seicomart: "セイコーマート",
    },
    receiptLabel: (store) => (store === "seven-eleven" ? "払込票番号" : "お客様番号"),
    slipSteps: (store, withConfirmation) =>
      withConfirmation
        ? [
            `${store}の店頭端末にお客様番号と確認番号を入力するか、レジで番号をお伝えください。`,
            "レジで代金を現金でお支払いください。",
            "お支払いが確認されると、ショップに通知されます。",
          ]
        : [
            `${store}のレジで「インターネット支払い」とお伝えください。`,
            "払込票番号をお伝えください。",
            "代金を現金でお支払いください。お支払いが確認されると、ショップに通知されます。",
          ],
    methodsLabel: "お支払い方法",
    methodNames: { credit_card: "カード", konbini: "コンビニ", paypay: "PayPay" },
    paypayHeading: "PayPayで支払う",
    paypayIntro: "PayPayの模擬画面(テスト用)に移動して、お支払いを承認してください。",
    paypayButton: "PayPayに進む",
    paypayCancelled:
      "PayPayでのお支払いはキャンセルされました。別のお支払い方法もお選びいただけます。",
    leaveWithoutPaying: "支払わずにショップに戻る",
    cancelledHeading: "お支払いはキャンセルされました",
    cancelledText:
      "ショップがこのお支払いをキャンセルしました。お支払いが必要な場合は、ショップからもう一度お手続きください。",
    walletTitle: "PayPay(テスト用の模擬画面)",
    walletNotice:
      "linkpayサンドボックスのテスト用の模擬画面です。本物のPayPayではなく、お金は動きません。",
    walletPayee: "支払先",
    walletAmount: "お支払い金額",
    walletApprove: "支払う",
    walletCancel: "キャンセルして戻る",
  },
  en: {
    konbiniIntro:
      "Choose the convenience store you will pay at to get a payment slip, then pay in cash at the store before the deadline.",
    storeLegend: "Store",
    stores: {
      "seven-eleven": "7-Eleven",
      lawson: "Lawson",
      "family-mart": "FamilyMart",
      ministop: "Ministop",
      "daily-yamazaki": "Daily Yamazaki",
      seicomart: "Seicomart",
    },
    receiptLabel: (store) => (store === "seven-eleven" ? "Payment slip number" : "Customer number"),
    slipSteps: (store, withConfirmation) =>
      withConfirmation
        ? [
            `At any ${store}, enter the customer number and the confirmation number at the in-store terminal, or give them at the register.`,
            "Pay in cash at the register.",
            "The shop is told once your payment arrives.",
          ]
        : [
            `At the register of any ${store}, say you want to make an internet payment.`,
            "Give the payment slip number.",
            "Pay in cash. The shop is told once your payment arrives.",
          ],
    methodsLabel: "Payment method",
    methodNames: { credit_card: "Card", konbini: "Konbini", paypay: "PayPay" },
    paypayHeading: "Pay with PayPay",
    paypayIntro: "Go to a test look-alike of PayPay and approve the payment there.",
    paypayButton: "Continue to PayPay",
    paypayCancelled: "The PayPay payment was cancelled. You can choose another way to pay.",
    leaveWithoutPaying: "Return to the shop without paying",
    cancelledHeading: "Checkout cancelled",
    cancelledText: "The shop cancelled this checkout. To pay, start again at the shop.",
    walletTitle: "PayPay (look-alike)",
    walletNotice:
      "A test look-alike in the linkpay sandbox. This is not PayPay, and no money moves.",
    walletPayee: "Pay to",
    walletAmount: "Amount",
    walletApprove: "Pay",
    walletCancel: "Cancel and go back",
  },
};
