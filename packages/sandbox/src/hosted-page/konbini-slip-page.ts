/**
 * @module
 * The konbini payment slip: confirmation number, payment code, deadline (in Japan time) and how to
 * pay at the store, with the way back to the shop.
 */
import type { KonbiniVoucher, SessionRecord } from "../state/records";
import { html } from "./html";
import { layout } from "./layout";
import { orderSummary } from "./order-summary";
import { type Language, TEXTS } from "./texts";

/** What {@link konbiniSlipPage} shows. */
export interface KonbiniSlipPageInput {
  readonly session: SessionRecord;
  readonly voucher: KonbiniVoucher;
  readonly language: Language;
  readonly merchantName: string;
  /** Where "return to the shop" leads (the session's success URL). */
  readonly returnUrl: string;
}

/** The HTML of the slip page. */
export function konbiniSlipPage(input: KonbiniSlipPageInput): string {
  const { session, voucher, language, merchantName, returnUrl } = input;
  const texts = TEXTS[language];
  const state =
    voucher.state === "paid"
      ? texts.slipPaid
      : voucher.state === "expired"
        ? texts.slipExpired
        : undefined;
  const content = html`${orderSummary(session, texts)}
<section class="card">
<h2>${texts.slipHeading}</h2>
${state !== undefined && html`<p class="error" role="status">${state}</p>`}
<p>${texts.slipIntro}</p>
<p>${texts.confirmationNumber}<br><span class="numbers">${voucher.confirmationNumber}</span></p>
<p>${texts.paymentCode}<br><span class="numbers">${voucher.paymentCode}</span></p>
<p>${texts.payBy}<br><span class="deadline">${texts.deadline(new Date(voucher.expiresAt * 1000))}</span></p>
<ol>${texts.slipSteps.map((step) => html`<li>${step}</li>`)}</ol>
</section>
<p><a href="${returnUrl}">${texts.backToShop}</a></p>`;
  return layout({ language, title: texts.slipHeading, merchantName, content });
}
