/**
 * @module
 * The PayPay look-alike: a wallet-style approval page, plainly marked as a sandbox stand-in, where
 * the shopper approves or cancels the payment.
 */
import { html } from "../../hosted-page/html";
import { layout } from "../../hosted-page/layout";
import { displayAmount } from "../../hosted-page/order-summary";
import { type Language, TEXTS } from "../../hosted-page/texts";
import type { KomojuPaymentRecord } from "../state/komoju-records";
import { KOMOJU_TEXTS } from "./komoju-texts";

/** What {@link komojuWalletPage} shows. */
export interface KomojuWalletPageInput {
  readonly payment: KomojuPaymentRecord;
  readonly language: Language;
  readonly merchantName: string;
  /** `?lang=…` carried into the form's action, or "". */
  readonly lang: string;
}

/** The HTML of the PayPay look-alike. */
export function komojuWalletPage({
  payment,
  language,
  merchantName,
  lang,
}: KomojuWalletPageInput): string {
  const texts = TEXTS[language];
  const own = KOMOJU_TEXTS[language];
  const amount = displayAmount(payment.amount, payment.currency.toLowerCase(), texts);
  const content = html`<section class="card wallet">
<h1>${own.walletTitle}</h1>
<p class="error" role="note">${own.walletNotice}</p>
<table>
<tr><td>${own.walletPayee}</td><td class="payee">${merchantName}</td></tr>
<tr class="total"><td>${own.walletAmount}</td><td class="amount">${amount}</td></tr>
</table>
<form method="post" action="/komoju/wallet/paypay/${payment.id}${lang}">
<button type="submit" name="outcome" value="approve" class="wallet-approve">${own.walletApprove}</button>
<button type="submit" name="outcome" value="cancel" class="secondary">${own.walletCancel}</button>
</form>
</section>`;
  return layout({ language, title: own.walletTitle, merchantName, content, imitates: "KOMOJU" });
}
