/**
 * @module
 * The konbini payment slip: confirmation number, payment code, deadline (in Japan time) and how to
 * pay at the store, with the way back to the shop.
 */
import type { KonbiniVoucher } from "../state/records";
import { html } from "./html";
import { layout } from "./layout";
import { type OrderLines, orderSummary } from "./order-summary";
import { type Language, TEXTS } from "./texts";

/** What {@link konbiniSlipPage} shows. */
export interface KonbiniSlipPageInput {
  readonly session: OrderLines;
  /** The slip; KOMOJU's have no confirmation number at some stores (null). */
  readonly voucher: Pick<KonbiniVoucher, "paymentCode" | "expiresAt" | "state"> & {
    readonly confirmationNumber: string | null;
  };
  /** The chosen store, when the shopper chose one (KOMOJU). */
  readonly store?: string | undefined;
  /** The payment code's name at that store, in place of the default. */
  readonly paymentCodeLabel?: string | undefined;
  /** How to pay, in place of the default steps (e.g. at the one store the shopper chose). */
  readonly steps?: readonly string[] | undefined;
  readonly language: Language;
  readonly merchantName: string;
  /** Where "return to the shop" leads (the session's success URL). */
  readonly returnUrl: string;
  /** Which provider's page this imitates (e.g. `KOMOJU`), named under the banner. */
  readonly imitates?: string | undefined;
}

/** The HTML of the slip page. */
export function konbiniSlipPage(input: KonbiniSlipPageInput): string {
  const { session, voucher, language, merchantName, returnUrl, store, steps } = input;
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
${store !== undefined && html`<p class="store">${store}</p>`}
<p>${input.paymentCodeLabel ?? texts.paymentCode}<br><span class="numbers">${voucher.paymentCode}</span></p>
${voucher.confirmationNumber !== null && html`<p>${texts.confirmationNumber}<br><span class="numbers">${voucher.confirmationNumber}</span></p>`}
<p>${texts.payBy}<br><span class="deadline">${texts.deadline(new Date(voucher.expiresAt * 1000))}</span></p>
<ol>${(steps ?? texts.slipSteps).map((step) => html`<li>${step}</li>`)}</ol>
</section>
<p><a class="button" href="${returnUrl}">${texts.backToShop}</a></p>`;
  return layout({
    language,
    title: texts.slipHeading,
    merchantName,
    content,
    imitates: input.imitates,
  });
}
