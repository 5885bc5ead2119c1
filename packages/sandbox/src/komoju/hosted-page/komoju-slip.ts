/**
 * @module
 * The KOMOJU konbini slip, drawn with the shared slip page: the chosen store, its receipt number
 * named as the chain names it (and the confirmation number where the chain has one), the deadline in Japan time, how to pay there,
 * and a button back to the shop.
 */
import { konbiniSlipPage } from "../../hosted-page/konbini-slip-page";
import { type Language, TEXTS } from "../../hosted-page/texts";
import type {
  KomojuPaymentDetails,
  KomojuPaymentRecord,
  KomojuSessionRecord,
} from "../state/komoju-records";
import { orderOf, returnTarget } from "./komoju-order";
import { KOMOJU_TEXTS } from "./komoju-texts";

/** What {@link komojuSlipPage} shows. */
export interface KomojuSlipInput {
  readonly session: KomojuSessionRecord;
  readonly payment: KomojuPaymentRecord;
  readonly details: Extract<KomojuPaymentDetails, { type: "konbini" }>;
  readonly language: Language;
  readonly merchantName: string;
}

/** The HTML of the slip page. */
export function komojuSlipPage(input: KomojuSlipInput): string {
  const { session, payment, details, language, merchantName } = input;
  const own = KOMOJU_TEXTS[language];
  const storeName = own.stores[details.store];
  const deadline = payment.paymentDeadline ?? session.expiresAt;
  return konbiniSlipPage({
    session: orderOf(session, TEXTS[language]),
    voucher: {
      confirmationNumber: details.confirmationCode,
      paymentCode: details.receipt,
      expiresAt: Math.floor(deadline / 1000),
      state:
        payment.status === "captured" || payment.status === "refunded"
          ? "paid"
          : payment.status === "authorized"
            ? "pending"
            : "expired",
    },
    store: storeName,
    paymentCodeLabel: own.receiptLabel(details.store),
    steps: own.slipSteps(storeName, details.confirmationCode !== null),
    language,
    merchantName,
    returnUrl: returnTarget(session),
    imitates: "KOMOJU",
  });
}
