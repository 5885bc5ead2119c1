/**
 * @module
 * The in-memory sessions and payments of the fake KOMOJU API, shaped like KOMOJU's JSON, and the
 * helper that puts a session in any state a test needs.
 */
import { randomBytes } from "node:crypto";

/** A KOMOJU payment status the fake can put a session's payment in. */
export type FakePaymentStatus =
  | "captured"
  | "authorized"
  | "failed"
  | "cancelled"
  | "expired"
  | "refunded";

/** Options of {@link FakeKomojuState.settle}. */
export interface SettleOptions {
  /** For `refunded`: the refunded total (default the whole amount; less keeps `captured`). */
  readonly amountRefunded?: number | undefined;
}

type Json = Record<string, unknown>;

/** The fake's store of sessions and payments. */
export interface FakeKomojuState {
  createSession(body: Json): Json;
  session(id: string): Json | undefined;
  payment(id: string): Json | undefined;
  cancelSession(id: string): Json | { readonly error: string };
  refund(paymentId: string, amount: number | undefined): Json | { readonly error: string };
  /** The session's payment (a pending card payment when it has none yet), as a webhook carries it. */
  paymentJson(sessionId: string): Json;
  /** Puts a session (and its payment) in a state; `cancelled` and `expired` act on the session. */
  settle(sessionId: string, status: FakePaymentStatus, options?: SettleOptions): void;
}

function newId(): string {
  return randomBytes(13).toString("hex").slice(0, 25);
}

/** Creates an empty store; hosted pages are at `${checkoutBaseUrl}/sessions/{id}`. */
export function createFakeKomojuState(checkoutBaseUrl: string, now: () => Date): FakeKomojuState {
  const sessions = new Map<string, Json>();
  const payments = new Map<string, Json>();

  function mustSession(id: string): Json {
    const session = sessions.get(id);
    if (session === undefined) throw new Error(`fake KOMOJU: no session ${id}`);
    return session;
  }

  function newPayment(session: Json, type: "credit_card" | "konbini"): Json {
    const amount = Number(session.amount);
    const deadline = new Date(now().getTime() + 3 * 86_400_000).toISOString();
    const payment: Json = {
      id: newId(),
      resource: "payment",
      session: session.id,
      status: "pending",
      amount,
      tax: 0,
      payment_method_fee: 0,
      total: amount,
      currency: session.currency,
      amount_refunded: 0,
      payment_details:
        type === "konbini"
          ? {
              type: "konbini",
              store: "lawson",
              receipt: "123456",
              confirmation_code: "7890",
              instructions_url: `${checkoutBaseUrl}/konbini/instructions`,
            }
          : { type: "credit_card", brand: "visa", last_four_digits: "4242", month: 12, year: 2030 },
      payment_deadline: type === "konbini" ? deadline : null,
      captured_at: null,
      created_at: now().toISOString(),
      external_order_num: (session.payment_data as Json | undefined)?.external_order_num ?? null,
      metadata: session.metadata,
      refunds: [],
      locale: "ja",
    };
    payments.set(String(payment.id), payment);
    session.payment = payment;
    return payment;
  }

  function paymentOf(session: Json, type: "credit_card" | "konbini"): Json {
    const existing = session.payment as Json | null;
    return existing ?? newPayment(session, type);
  }

  return {
    createSession(body) {
      const id = newId();
      const created = now();
      const seconds = Number(body.expires_in_seconds ?? 86_400);
      const session: Json = {
        id,
        resource: "session",
        mode: "payment",
        amount: body.amount,
        currency: body.currency,
        session_url: `${checkoutBaseUrl}/sessions/${id}`,
        return_url: body.return_url,
        default_locale: body.default_locale ?? "ja",
        email: body.email ?? null,
        payment_methods: ((body.payment_types as string[] | undefined) ?? []).map((type) => ({
          type,
        })),
        status: "pending",
        expired: false,
        created_at: created.toISOString(),
        expires_at: new Date(created.getTime() + seconds * 1000).toISOString(),
        completed_at: null,
        cancelled_at: null,
        metadata: body.metadata ?? {},
        payment_data: body.payment_data ?? {},
        line_items: body.line_items ?? [],
        payment: null,
      };
      sessions.set(id, session);
      return session;
    },
    session: (id) => sessions.get(id),
    payment: (id) => payments.get(id),
    cancelSession(id) {
      const session = mustSession(id);
      const payment = session.payment as Json | null;
      if (payment?.status === "captured" || payment?.status === "refunded") {
        return { error: "bad_request" };
      }
      session.status = "cancelled";
      session.cancelled_at = now().toISOString();
      if (payment?.status === "authorized") payment.status = "cancelled";
      return session;
    },
    refund(paymentId, amount) {
      const payment = payments.get(paymentId);
      if (payment === undefined) return { error: "not_found" };
      if ((payment.payment_details as Json).type === "konbini") {
        return { error: "refund_request_required" };
      }
      const total = Number(payment.amount);
      const already = Number(payment.amount_refunded);
      const refund = amount ?? total - already;
      if (payment.status !== "captured" || refund < 1 || already + refund > total) {
        return { error: "invalid_parameter" };
      }
      payment.amount_refunded = already + refund;
      (payment.refunds as Json[]).push({
        id: newId(),
        resource: "refund",
        amount: refund,
        currency: payment.currency,
        payment: payment.id,
        description: null,
        created_at: now().toISOString(),
      });
      if (already + refund === total) payment.status = "refunded";
      return payment;
    },
    paymentJson(sessionId) {
      return paymentOf(mustSession(sessionId), "credit_card");
    },
    settle(sessionId, status, options = {}) {
      const session = mustSession(sessionId);
      switch (status) {
        case "cancelled":
          session.status = "cancelled";
          session.cancelled_at = now().toISOString();
          return;
        case "expired": {
          session.expired = true;
          const payment = session.payment as Json | null;
          if (payment?.status === "authorized") payment.status = "expired";
          return;
        }
        case "failed":
          paymentOf(session, "credit_card").status = "failed";
          return;
        case "authorized":
          paymentOf(session, "konbini").status = "authorized";
          session.status = "completed";
          return;
        case "captured":
        case "refunded": {
          const payment = paymentOf(session, "credit_card");
          payment.status = "captured";
          payment.captured_at = now().toISOString();
          session.status = "completed";
          session.completed_at = now().toISOString();
          if (status === "refunded") {
            const refunded = options.amountRefunded ?? Number(payment.amount);
            payment.amount_refunded = refunded;
            if (refunded >= Number(payment.amount)) payment.status = "refunded";
          }
          return;
        }
      }
    },
  };
}
