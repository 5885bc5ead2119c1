/**
 * @module
 * Creating a Checkout Session from validated parameters, after the rules Stripe applies across
 * fields: `mode=payment`, inline prices in one currency, amount limits, the `expires_at` window
 * (30 minutes to 24 hours) and konbini's JPY range.
 */
import { formatMoney } from "@linkpay/core";
import type { CreateSessionParams } from "../api/create-session-params";
import { invalidRequest } from "../api/sandbox-api-error";
import { unixSeconds } from "../clock/clock";
import { newId } from "../ids/new-id";
import { assertStripeAmount, moneyFromStripe } from "../objects/stripe-amounts";
import type { LineItemRecord, PaymentMethodType, SessionRecord } from "../state/records";
import type { SandboxContext } from "./sandbox-context";

const MIN_EXPIRY = 30 * 60;
const MAX_EXPIRY = 24 * 60 * 60;
const MAX_AMOUNT = 99_999_999;
/** Stripe's minimum charge amounts for the most common currencies (minor units). */
const MINIMUM_AMOUNTS: Readonly<Record<string, number>> = {
  jpy: 50,
  usd: 50,
  eur: 50,
  gbp: 30,
  aud: 50,
  cad: 50,
};
const KONBINI_RANGE = { min: 120, max: 300_000 } as const;

function lineItems(params: CreateSessionParams): LineItemRecord[] {
  return params.line_items.map((item, index) => {
    if (item.price !== undefined) {
      throw invalidRequest(`No such price: '${item.price}'`, {
        param: `line_items[${index}][price]`,
        code: "resource_missing",
      });
    }
    if (item.price_data === undefined) {
      throw invalidRequest(`Missing required param: line_items[${index}][price_data].`, {
        param: `line_items[${index}][price_data]`,
        code: "parameter_missing",
      });
    }
    const { currency, unit_amount: unitAmount, product_data: product } = item.price_data;
    assertStripeAmount(unitAmount, currency, `line_items[${index}][price_data][unit_amount]`);
    return {
      id: newId("lineItem"),
      priceId: newId("price"),
      productId: newId("product"),
      name: product.name,
      currency,
      unitAmount,
      quantity: item.quantity,
      amountTotal: unitAmount * item.quantity,
    };
  });
}

/**
 * The methods offered: `allowed_payment_method_types` (stripe-node 23's API version) or the older
 * `payment_method_types`, card only by default.
 */
function paymentMethods(params: CreateSessionParams): PaymentMethodType[] {
  const { allowed_payment_method_types: allowed, payment_method_types: legacy } = params;
  if (allowed !== undefined && legacy !== undefined) {
    throw invalidRequest(
      "You may only specify one of these parameters: allowed_payment_method_types, payment_method_types.",
    );
  }
  const card: PaymentMethodType[] = ["card"];
  return [...new Set(allowed ?? legacy ?? card)];
}

function checkAmount(total: number, currency: string, konbini: boolean): void {
  const shown = (amount: number) => formatMoney(moneyFromStripe(amount, currency), "en-US");
  const minimum = MINIMUM_AMOUNTS[currency] ?? 1;
  if (total < minimum || total > MAX_AMOUNT) {
    throw invalidRequest(
      `The Checkout Session's total amount due must be between ${shown(minimum)} and ${shown(MAX_AMOUNT)}.`,
      { param: "line_items", code: "amount_too_small" },
    );
  }
  if (konbini && (currency !== "jpy" || total < KONBINI_RANGE.min || total > KONBINI_RANGE.max)) {
    throw invalidRequest(
      "The payment method `konbini` takes JPY amounts from ¥120 to ¥300,000 only.",
      { param: "allowed_payment_method_types", code: "payment_method_invalid_parameter" },
    );
  }
}

function expiresAt(params: CreateSessionParams, now: number): number {
  const requested = params.expires_at;
  if (requested === undefined) return now + MAX_EXPIRY;
  if (requested < now + MIN_EXPIRY) {
    throw invalidRequest(
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      { param: "expires_at" },
    );
  }
  if (requested > now + MAX_EXPIRY) {
    throw invalidRequest(
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      { param: "expires_at" },
    );
  }
  return requested;
}

/**
 * Creates a session in payment mode, belonging to `account`.
 *
 * @throws SandboxApiError 400 naming the offending parameter, as Stripe does.
 */
export function createSession(
  context: SandboxContext,
  params: CreateSessionParams,
  account: string,
): SessionRecord {
  if (params.mode !== undefined && params.mode !== "payment") {
    throw invalidRequest(`The sandbox supports mode=payment only, not ${params.mode}.`, {
      param: "mode",
    });
  }
  const items = lineItems(params);
  const [first] = items;
  if (first === undefined)
    throw invalidRequest("Missing required param: line_items.", { param: "line_items" });
  const mixed = items.findIndex((item) => item.currency !== first.currency);
  if (mixed !== -1) {
    throw invalidRequest(`All line items must use the same currency (${first.currency}).`, {
      param: `line_items[${mixed}][price_data][currency]`,
    });
  }
  const total = items.reduce((sum, item) => sum + item.amountTotal, 0);
  const methods = paymentMethods(params);
  checkAmount(total, first.currency, methods.includes("konbini"));
  const now = unixSeconds(context.clock);
  const session: SessionRecord = {
    id: newId("checkoutSession"),
    account,
    seq: context.state.nextSeq(),
    created: now,
    expiresAt: expiresAt(params, now),
    currency: first.currency,
    lineItems: items,
    amountSubtotal: total,
    amountTotal: total,
    clientReferenceId: params.client_reference_id ?? null,
    metadata: params.metadata ?? {},
    customerEmail: params.customer_email ?? null,
    locale: params.locale ?? null,
    successUrl: params.success_url ?? null,
    cancelUrl: params.cancel_url ?? null,
    paymentMethodTypes: methods,
    allowedPaymentMethodTypes: params.allowed_payment_method_types === undefined ? null : methods,
    paymentIntentMetadata: params.payment_intent_data?.metadata ?? {},
    paymentIntentDescription: params.payment_intent_data?.description ?? null,
    konbiniExpiresAfterDays: params.payment_method_options?.konbini?.expires_after_days ?? null,
    status: "open",
    paymentStatus: "unpaid",
    paymentIntentId: null,
    konbini: null,
    retrievals: 0,
    lastRetrievedAt: null,
  };
  context.state.sessions.set(session.id, session);
  context.logger.info(
    { sessionId: session.id, amount: total, currency: first.currency },
    "checkout session created",
  );
  return session;
}
