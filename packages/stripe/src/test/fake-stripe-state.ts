/**
 * @module
 * The in-memory state of the fake Stripe API: sessions, payment intents and charges, rendered as
 * Stripe-shaped JSON, and put into any state combination by tests.
 */
import { randomBytes } from "node:crypto";
import type { PaymentStatus } from "@linkpay/core";

/** Form fields as the fake decodes them, bracket keys kept flat (`line_items[0][quantity]`). */
export type FormFields = Readonly<Record<string, string>>;

/** The state of a session at the fake, covering every combination the adapter maps. */
export interface FakeSessionState {
  readonly status: "open" | "complete" | "expired";
  readonly paymentStatus: "paid" | "unpaid" | "no_payment_required";
  /** The payment intent's status, or null for a session without one. */
  readonly intentStatus?: string | null;
  /** The latest charge, or null/absent for none. */
  readonly charge?: { readonly amountRefunded: number; readonly refunded?: boolean } | null;
}

interface Session {
  readonly id: string;
  readonly created: number;
  readonly amountTotal: number;
  readonly currency: string;
  readonly form: FormFields;
  readonly url: string;
  status: FakeSessionState["status"];
  paymentStatus: FakeSessionState["paymentStatus"];
  paymentIntent: string | null;
}

/** A payment intent at the fake. */
export interface FakePaymentIntent {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly metadata: Record<string, string>;
  status: string;
  latestCharge: string | null;
}

/** A charge at the fake. */
export interface FakeCharge {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly paymentIntent: string;
  amountRefunded: number;
  refunded: boolean;
}

/** A Stripe-style id: `cs_test_…`, `pi_test_…`. */
export function newId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString("hex")}`;
}

/** The fields one level under `prefix`: `fieldsUnder(form, "metadata")` reads `metadata[key]`. */
export function fieldsUnder(form: FormFields, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (!key.startsWith(`${prefix}[`) || !key.endsWith("]")) continue;
    const name = key.slice(prefix.length + 1, -1);
    if (!name.includes("[")) out[name] = value;
  }
  return out;
}

function lineItemsTotal(form: FormFields): number {
  let total = 0;
  for (let i = 0; form[`line_items[${i}][quantity]`] !== undefined; i++) {
    const unit = Number(form[`line_items[${i}][price_data][unit_amount]`]);
    total += unit * Number(form[`line_items[${i}][quantity]`]);
  }
  return total;
}

function chargeJson(charge: FakeCharge): Record<string, unknown> {
  return {
    id: charge.id,
    object: "charge",
    amount: charge.amount,
    amount_refunded: charge.amountRefunded,
    currency: charge.currency,
    payment_intent: charge.paymentIntent,
    refunded: charge.refunded,
    status: "succeeded",
    livemode: false,
  };
}

/** Creates an empty fake Stripe account whose hosted pages live on `checkoutOrigin`. */
export function createFakeStripeState(checkoutOrigin: string) {
  const sessions = new Map<string, Session>();
  const intents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();

  function sessionOf(id: string): Session {
    const session = sessions.get(id);
    if (session === undefined) throw new Error(`fake Stripe: no session ${id}`);
    return session;
  }

  function chargeOfIntent(paymentIntent: string): FakeCharge | undefined {
    const chargeId = intents.get(paymentIntent)?.latestCharge;
    return chargeId ? charges.get(chargeId) : undefined;
  }

  /** A konbini slip, as Stripe shows one while the intent waits for the store payment. */
  function konbiniNextAction(intent: FakePaymentIntent): Record<string, unknown> | null {
    const session = [...sessions.values()].find((s) => s.paymentIntent === intent.id);
    if (intent.status !== "requires_action" || session === undefined) return null;
    const days = Number(session.form["payment_method_options[konbini][expires_after_days]"] ?? 3);
    const numbers = { confirmation_number: "12345678901", payment_code: "123456789012" };
    return {
      type: "konbini_display_details",
      konbini_display_details: {
        expires_at: session.created + days * 86_400,
        hosted_voucher_url: `${checkoutOrigin}/konbini/${intent.id}`,
        stores: { familymart: numbers, lawson: numbers, ministop: null, seicomart: null },
      },
    };
  }

  function intentJson(intent: FakePaymentIntent, expandCharge: boolean): Record<string, unknown> {
    const charge = intent.latestCharge === null ? undefined : charges.get(intent.latestCharge);
    return {
      id: intent.id,
      object: "payment_intent",
      amount: intent.amount,
      currency: intent.currency,
      status: intent.status,
      metadata: intent.metadata,
      latest_charge: expandCharge && charge ? chargeJson(charge) : intent.latestCharge,
      next_action: konbiniNextAction(intent),
      livemode: false,
    };
  }

  function sessionJson(session: Session, expand: ReadonlySet<string>): Record<string, unknown> {
    const intent = session.paymentIntent === null ? undefined : intents.get(session.paymentIntent);
    const { form } = session;
    return {
      id: session.id,
      object: "checkout.session",
      mode: form.mode,
      status: session.status,
      payment_status: session.paymentStatus,
      amount_subtotal: session.amountTotal,
      amount_total: session.amountTotal,
      currency: session.currency,
      client_reference_id: form.client_reference_id ?? null,
      metadata: fieldsUnder(form, "metadata"),
      customer_email: form.customer_email ?? null,
      locale: form.locale ?? null,
      success_url: form.success_url ?? null,
      cancel_url: form.cancel_url ?? null,
      created: session.created,
      expires_at: Number(form.expires_at ?? session.created + 86_400),
      url: session.url,
      livemode: false,
      payment_intent:
        intent && expand.has("payment_intent")
          ? intentJson(intent, expand.has("payment_intent.latest_charge"))
          : session.paymentIntent,
    };
  }

  function setState(sessionId: string, state: FakeSessionState): void {
    const session = sessionOf(sessionId);
    session.status = state.status;
    session.paymentStatus = state.paymentStatus;
    const intentStatus = state.intentStatus ?? null;
    if (intentStatus === null) {
      session.paymentIntent = null;
      return;
    }
    const intent: FakePaymentIntent = {
      id: session.paymentIntent ?? newId("pi"),
      amount: session.amountTotal,
      currency: session.currency,
      metadata: fieldsUnder(session.form, "payment_intent_data[metadata]"),
      status: intentStatus,
      latestCharge: null,
    };
    if (state.charge) {
      const charge: FakeCharge = {
        id: newId("ch"),
        amount: session.amountTotal,
        currency: session.currency,
        paymentIntent: intent.id,
        amountRefunded: state.charge.amountRefunded,
        refunded: state.charge.refunded ?? state.charge.amountRefunded >= session.amountTotal,
      };
      charges.set(charge.id, charge);
      intent.latestCharge = charge.id;
    }
    intents.set(intent.id, intent);
    session.paymentIntent = intent.id;
  }

  function settle(sessionId: string, status: PaymentStatus, refunded?: number): void {
    const amount = sessionOf(sessionId).amountTotal;
    const paid = (amountRefunded: number): FakeSessionState => ({
      status: "complete",
      paymentStatus: "paid",
      intentStatus: "succeeded",
      charge: { amountRefunded },
    });
    const states: Record<PaymentStatus, FakeSessionState | undefined> = {
      open: { status: "open", paymentStatus: "unpaid" },
      processing: { status: "complete", paymentStatus: "unpaid", intentStatus: "requires_action" },
      paid: paid(0),
      partially_refunded: paid(refunded ?? Math.max(1, Math.floor(amount / 2))),
      refunded: paid(amount),
      failed: {
        status: "complete",
        paymentStatus: "unpaid",
        intentStatus: "requires_payment_method",
      },
      expired: { status: "expired", paymentStatus: "unpaid" },
      canceled: undefined,
    };
    const state = states[status];
    if (state === undefined) throw new Error(`fake Stripe: Stripe has no ${status} state`);
    setState(sessionId, state);
  }

  return {
    /** Creates an open session from a create request's form; returns its JSON. */
    createSession(form: FormFields): Record<string, unknown> {
      const id = newId("cs");
      const session: Session = {
        id,
        created: Math.floor(Date.now() / 1000),
        amountTotal: lineItemsTotal(form),
        currency: form["line_items[0][price_data][currency]"] ?? "jpy",
        form,
        url: `${checkoutOrigin}/c/pay/${id}`,
        status: "open",
        paymentStatus: "unpaid",
        paymentIntent: null,
      };
      sessions.set(id, session);
      return sessionJson(session, new Set());
    },
    /** A session's JSON with the given expansions, or undefined when unknown. */
    findSession(id: string, expand: ReadonlySet<string> = new Set()) {
      const session = sessions.get(id);
      return session === undefined ? undefined : sessionJson(session, expand);
    },
    /** The JSON of the sessions of a payment intent (all sessions when null). */
    listSessions(paymentIntent: string | null): Record<string, unknown>[] {
      return [...sessions.values()]
        .filter((session) => paymentIntent === null || session.paymentIntent === paymentIntent)
        .map((session) => sessionJson(session, new Set()));
    },
    /** The latest charge of a payment intent. */
    chargeOfIntent,
    /** A payment intent's JSON, or undefined when unknown. */
    findPaymentIntent(id: string) {
      const intent = intents.get(id);
      return intent === undefined ? undefined : intentJson(intent, false);
    },
    /** A session's JSON as webhooks carry it; throws for an unknown id. */
    sessionJson: (sessionId: string) => sessionJson(sessionOf(sessionId), new Set()),
    /** The JSON of the charge of a session's payment intent; throws when there is none. */
    chargeJson(sessionId: string): Record<string, unknown> {
      const intentId = sessionOf(sessionId).paymentIntent;
      const charge = intentId === null ? undefined : chargeOfIntent(intentId);
      if (charge === undefined) throw new Error(`fake Stripe: session ${sessionId} has no charge`);
      return chargeJson(charge);
    },
    setState,
    settle,
  };
}

/** The fake's state, as {@link createFakeStripeState} returns it. */
export type FakeStripeState = ReturnType<typeof createFakeStripeState>;
