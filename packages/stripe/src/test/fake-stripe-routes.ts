/**
 * @module
 * The routes of the fake Stripe API: create, retrieve and list Checkout Sessions, create
 * refunds, with Stripe's Bearer-key check, idempotency replay and error shapes.
 */
import type { IncomingHttpHeaders } from "node:http";
import { type FakeStripeState, type FormFields, newId } from "./fake-stripe-state";

/** A request the routes answer. */
export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly form: FormFields;
}

/** An HTTP answer with a JSON body. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

function stripeError(
  status: number,
  error: { type: string; message: string; code?: string; param?: string },
): Reply {
  return { status, body: { error } };
}

function createSession(state: FakeStripeState, form: FormFields): Reply {
  if (form["payment_method_types[0]"] !== undefined) {
    // Removed from session creation in API 2026-09-30 (stripe-node 23).
    return stripeError(400, {
      type: "invalid_request_error",
      message: "Received unknown parameter: payment_method_types",
      param: "payment_method_types",
    });
  }
  if (form.mode !== "payment" || form["line_items[0][quantity]"] === undefined) {
    return stripeError(400, {
      type: "invalid_request_error",
      message: "Missing required param: line_items.",
      param: "line_items",
    });
  }
  return { status: 200, body: state.createSession(form) };
}

function refund(state: FakeStripeState, form: FormFields): Reply {
  const paymentIntent = form.payment_intent ?? "";
  const charge = state.chargeOfIntent(paymentIntent);
  if (charge === undefined) {
    return stripeError(400, {
      type: "invalid_request_error",
      code: "resource_missing",
      message: "This PaymentIntent has no charge to refund.",
      param: "payment_intent",
    });
  }
  const amount = Number(form.amount ?? charge.amount - charge.amountRefunded);
  if (amount > charge.amount - charge.amountRefunded) {
    return stripeError(400, {
      type: "invalid_request_error",
      code: "amount_too_large",
      message: "Refund amount is greater than unrefunded amount on charge.",
      param: "amount",
    });
  }
  charge.amountRefunded += amount;
  charge.refunded = charge.amountRefunded >= charge.amount;
  return {
    status: 200,
    body: {
      id: newId("re"),
      object: "refund",
      amount,
      currency: charge.currency,
      payment_intent: paymentIntent,
      charge: charge.id,
      status: "succeeded",
    },
  };
}

function retrieveSession(state: FakeStripeState, id: string, query: URLSearchParams): Reply {
  const expand = new Set(
    [...query.entries()].filter(([key]) => /^expand\[\d+\]$/.test(key)).map(([, value]) => value),
  );
  const session = state.findSession(id, expand);
  if (session !== undefined) return { status: 200, body: session };
  return stripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such checkout.session: '${id}'`,
    param: "session",
  });
}

function route(state: FakeStripeState, request: RouteRequest): Reply {
  const { method, path, query, form } = request;
  if (method === "POST" && path === "/v1/checkout/sessions") return createSession(state, form);
  if (method === "POST" && path === "/v1/refunds") return refund(state, form);
  if (method === "GET" && path === "/v1/checkout/sessions") {
    const data = state
      .listSessions(query.get("payment_intent"))
      .slice(0, Number(query.get("limit") ?? 10));
    return {
      status: 200,
      body: { object: "list", data, has_more: false, url: "/v1/checkout/sessions" },
    };
  }
  const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
  if (method === "GET" && intent) {
    const id = decodeURIComponent(intent[1] ?? "");
    const found = state.findPaymentIntent(id);
    if (found !== undefined) return { status: 200, body: found };
    return stripeError(404, {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such payment_intent: '${id}'`,
      param: "intent",
    });
  }
  const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
  if (method === "GET" && retrieve) {
    return retrieveSession(state, decodeURIComponent(retrieve[1] ?? ""), query);
  }
  return stripeError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}).`,
  });
}

/** Answers requests like Stripe: Bearer key first, then idempotency replay, then the routes. */
export function createRouter(state: FakeStripeState, secretKey: string) {
  const idempotent = new Map<string, { readonly body: string; readonly reply: Reply }>();

  function unauthorized(request: RouteRequest): Reply | undefined {
    if (request.headers.authorization === `Bearer ${secretKey}`) return undefined;
    const given = request.headers.authorization?.replace(/^Bearer /, "") ?? "";
    return stripeError(401, {
      type: "invalid_request_error",
      // Stripe masks all but the last four characters; the adapter redacts even that.
      message: `Invalid API Key provided: ${given.slice(0, 8)}${"*".repeat(20)}${given.slice(-4)}`,
    });
  }

  return (request: RouteRequest): Reply => {
    const denied = unauthorized(request);
    if (denied !== undefined) return denied;
    const key = request.headers["idempotency-key"];
    if (request.method !== "POST" || typeof key !== "string") return route(state, request);
    const previous = idempotent.get(key);
    if (previous === undefined) {
      const reply = route(state, request);
      if (reply.status < 300) idempotent.set(key, { body: request.body, reply });
      return reply;
    }
    if (previous.body !== request.body) {
      return stripeError(400, {
        type: "idempotency_error",
        message:
          "Keys for idempotent requests can only be used with the same parameters they were first used with.",
      });
    }
    return { ...previous.reply, headers: { "idempotent-replayed": "true" } };
  };
}
