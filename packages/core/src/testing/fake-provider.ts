/**
 * @module
 * A fake payment provider for tests and demos: it keeps sessions in memory, serves a pretend
 * hosted page origin, and signs its callbacks with Standard Webhooks so the verify path is real.
 */
import { randomUUID } from "node:crypto";
import * as z from "zod";
import type { PaymentMethod } from "../checkout";
import { LinkpayError } from "../errors";
import { type Money, money } from "../money";
import type {
  CheckoutView,
  CreateCheckoutInput,
  PaymentProvider,
  PendingPayment,
  ProviderCheckoutSession,
  ProviderEvent,
  ProviderRefund,
  WebhookDelivery,
} from "../provider";
import { PAYMENT_EVENT_KINDS, type PaymentEventKind, type PaymentStatus } from "../state-machine";
import { signStandardWebhook, verifyStandardWebhook } from "./standard-webhooks";

/** A session as the fake provider keeps it. */
export interface FakeSession {
  readonly id: string;
  readonly input: CreateCheckoutInput;
  readonly idempotencyKey: string;
  status: PaymentStatus;
  refunded: number;
  /** The slip `retrieveCheckout` reports while processing (set with `settle`). */
  pendingPayment?: PendingPayment | undefined;
}

/** What to put in a signed fake delivery; anything not given comes from the session. */
export interface FakeDeliveryInput {
  /** A normalized kind, or any other type (delivered, then ignored by `parseWebhook`). */
  readonly type: PaymentEventKind | (string & {});
  readonly sessionId: string;
  readonly eventId?: string | undefined;
  readonly amount?: number | undefined;
  readonly currency?: string | undefined;
  readonly orderRef?: string | undefined;
  /** linkpay's attempt id echoed back, as providers with session metadata do (default: none). */
  readonly attemptId?: string | undefined;
  readonly refundedAmount?: number | undefined;
  /** For `payment.pending`: the slip the event carries. */
  readonly pendingPayment?: PendingPayment | undefined;
  /** Signing time; defaults to the provider's clock. */
  readonly signedAt?: Date | undefined;
  /** Sign with this secret instead of the provider's (to test rejection). */
  readonly secret?: string | undefined;
}

/** The fake provider, with test controls. It is also a `CheckoutReader`. */
export interface FakeProvider extends PaymentProvider {
  checkoutSessionIdFromUrl(hostedUrl: string): string | undefined;
  /** Every session created, by id. */
  readonly sessions: ReadonlyMap<string, FakeSession>;
  /** How many times createCheckout reached the (pretend) network, replays included. */
  readonly createCalls: number;
  /** A correctly signed webhook delivery, as the provider would POST it. */
  deliver(input: FakeDeliveryInput): WebhookDelivery;
  /** Changes a session's state at the provider (what `retrieveCheckout` reports). */
  settle(input: {
    readonly sessionId: string;
    readonly status: PaymentStatus;
    readonly refunded?: number;
    readonly pendingPayment?: PendingPayment | undefined;
  }): void;
  /** Makes the next createCheckout calls fail with this error. */
  failNextCreate(error: Error, times?: number): void;
  /** Every refund the provider made, in order, with the idempotency key it came with. */
  readonly refunds: readonly {
    readonly refundId: string;
    readonly sessionId: string;
    readonly amount: number;
    readonly idempotencyKey: string;
  }[];
  /** Makes the next refund calls fail with this error (before anything is refunded). */
  failNextRefund(error: Error, times?: number): void;
  /**
   * Makes the next refund calls answer `pending` or `requires_action` instead of `succeeded`
   * (the money still moves at the fake; it is confirmed by a later `payment.refunded` event).
   */
  answerNextRefund(status: "pending" | "requires_action", times?: number): void;
}

/** Options of {@link createFakeProvider}. */
export interface FakeProviderOptions {
  readonly id?: string | undefined;
  /** Standard Webhooks secret (`whsec_` + base64). */
  readonly secret?: string | undefined;
  readonly origin?: string | undefined;
  readonly now?: (() => Date) | undefined;
  /** The methods the fake is configured to offer; default `["card", "konbini"]`. */
  readonly paymentMethods?: readonly PaymentMethod[] | undefined;
}

/** The path of a fake hosted page: `/pay/fs_<uuid>`, nothing after it. */
const HOSTED_PATH = /^\/pay\/(fs_[0-9a-f-]{36})$/;

/** The secret the fake provider signs with unless told otherwise (test value, not a real secret). */
export const FAKE_PROVIDER_SECRET = "whsec_ZmFrZS1wcm92aWRlci10ZXN0LXNlY3JldC0xMjM0NQ==";

const payloadSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({
    session_id: z.string().min(1),
    order_ref: z.string(),
    attempt_id: z.string().min(1).optional(),
    amount: z.number().int().nonnegative(),
    currency: z.string(),
    refunded_amount: z.number().int().nonnegative().optional(),
    pending_payment: z
      .object({
        method: z.literal("konbini"),
        expires_at: z.iso.datetime(),
        instructions_url: z.string().optional(),
        stores: z.array(
          z.object({
            chain: z.string(),
            paymentCode: z.string().optional(),
            confirmationNumber: z.string().optional(),
          }),
        ),
      })
      .optional(),
  }),
});

type PendingPayload = z.infer<typeof payloadSchema>["data"]["pending_payment"];

function pendingToPayload(pending: PendingPayment | undefined): PendingPayload {
  if (pending === undefined) return undefined;
  return {
    method: pending.method,
    expires_at: pending.expiresAt.toISOString(),
    instructions_url: pending.instructionsUrl,
    stores: [...pending.stores],
  };
}

function pendingFromPayload(payload: PendingPayload): PendingPayment | undefined {
  if (payload === undefined) return undefined;
  return {
    method: payload.method,
    expiresAt: new Date(payload.expires_at),
    instructionsUrl: payload.instructions_url,
    stores: payload.stores,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isPaymentKind(type: string): type is PaymentEventKind {
  return (PAYMENT_EVENT_KINDS as readonly string[]).includes(type);
}

/**
 * Creates a fake provider.
 *
 * @example
 * const fake = createFakeProvider();
 * const payments = createPayments({ providers: [fake], store: createMemoryStore(), urls });
 * const { attempt } = await payments.startCheckout(request);
 * await payments.handleWebhook({ provider: fake.id,
 *   ...fake.deliver({ type: "payment.succeeded", sessionId: attempt.providerSessionId ?? "" }) });
 */
export function createFakeProvider(options: FakeProviderOptions = {}): FakeProvider {
  const id = options.id ?? "fake";
  const secret = options.secret ?? FAKE_PROVIDER_SECRET;
  const origin = options.origin ?? "https://pay.fake.test";
  const now = options.now ?? (() => new Date());
  const sessions = new Map<string, FakeSession>();
  const byKey = new Map<string, FakeSession>();
  const failures: Error[] = [];
  const refundFailures: Error[] = [];
  const refundAnswers: ("pending" | "requires_action")[] = [];
  const refunds: { refundId: string; sessionId: string; amount: number; idempotencyKey: string }[] =
    [];
  let createCalls = 0;

  function sessionOf(sessionId: string): FakeSession {
    const session = sessions.get(sessionId);
    if (!session) {
      throw new LinkpayError("PROVIDER_SESSION_NOT_FOUND", `No fake session ${sessionId}`);
    }
    return session;
  }

  function toSession(session: FakeSession): ProviderCheckoutSession {
    return {
      providerSessionId: session.id,
      hostedUrl: `${origin}/pay/${session.id}`,
      expiresAt: session.input.expiresAt,
    };
  }

  return {
    id,
    checkoutOrigins: [origin],
    paymentMethods: options.paymentMethods ?? ["card", "konbini"],
    get sessions() {
      return sessions;
    },
    get createCalls() {
      return createCalls;
    },

    async createCheckout(input, { idempotencyKey }) {
      createCalls++;
      const failure = failures.shift();
      if (failure) throw failure;
      const replay = byKey.get(idempotencyKey);
      if (replay) return toSession(replay);
      const session: FakeSession = {
        id: `fs_${randomUUID()}`,
        input,
        idempotencyKey,
        status: "open",
        refunded: 0,
      };
      sessions.set(session.id, session);
      byKey.set(idempotencyKey, session);
      return toSession(session);
    },

    async parseWebhook({ rawBody, headers }): Promise<ProviderEvent> {
      const verified = verifyStandardWebhook({ rawBody, headers, secrets: [secret], now: now() });
      const parsed = payloadSchema.safeParse(parseJson(verified.payload));
      if (!parsed.success) {
        throw new LinkpayError(
          "WEBHOOK_PAYLOAD_INVALID",
          "The fake provider's payload is malformed",
        );
      }
      const { id: eventId, type, data } = parsed.data;
      if (!isPaymentKind(type)) {
        return {
          kind: "ignored",
          provider: id,
          eventId,
          type,
          reason: "unhandled_type",
          raw: parsed.data,
        };
      }
      const amount: Money = money(data.amount, data.currency);
      return {
        kind: type,
        provider: id,
        eventId,
        providerSessionId: data.session_id,
        orderRef: data.order_ref,
        attemptId: data.attempt_id,
        amount,
        refundedAmount:
          data.refunded_amount === undefined
            ? undefined
            : money(data.refunded_amount, data.currency),
        pendingPayment: pendingFromPayload(data.pending_payment),
        occurredAt: new Date(verified.timestamp * 1000),
        raw: parsed.data,
      };
    },

    async retrieveCheckout({ providerSessionId }): Promise<CheckoutView> {
      const session = sessionOf(providerSessionId);
      const currency = session.input.total.currency;
      return {
        provider: id,
        providerSessionId,
        orderRef: session.input.orderRef,
        amount: session.input.total,
        status: session.status,
        refundedAmount: money(session.refunded, currency),
        expiresAt: session.input.expiresAt,
        customerEmail: session.input.customerEmail,
        pendingPayment: session.status === "processing" ? session.pendingPayment : undefined,
        raw: { ...session },
      };
    },

    checkoutSessionIdFromUrl(hostedUrl) {
      if (!URL.canParse(hostedUrl)) return undefined;
      const url = new URL(hostedUrl);
      if (url.origin !== origin) return undefined;
      return HOSTED_PATH.exec(url.pathname)?.[1];
    },

    deliver(input) {
      const session = sessions.get(input.sessionId);
      const body = JSON.stringify({
        id: input.eventId ?? `evt_${randomUUID()}`,
        type: input.type,
        data: {
          session_id: input.sessionId,
          order_ref: input.orderRef ?? session?.input.orderRef ?? "",
          attempt_id: input.attemptId,
          amount: input.amount ?? session?.input.total.amount ?? 0,
          currency: input.currency ?? session?.input.total.currency ?? "JPY",
          refunded_amount: input.refundedAmount,
          pending_payment: pendingToPayload(input.pendingPayment),
        },
      });
      const headers = signStandardWebhook({
        id: `msg_${randomUUID()}`,
        timestamp: input.signedAt ?? now(),
        rawBody: body,
        secret: input.secret ?? secret,
      });
      return { rawBody: Buffer.from(body), headers };
    },

    settle({ sessionId, status, refunded, pendingPayment }) {
      const session = sessionOf(sessionId);
      session.status = status;
      if (pendingPayment !== undefined) session.pendingPayment = pendingPayment;
      if (refunded !== undefined) session.refunded = refunded;
    },

    failNextCreate(error, times = 1) {
      for (let i = 0; i < times; i++) failures.push(error);
    },

    get refunds() {
      return refunds;
    },

    failNextRefund(error, times = 1) {
      for (let i = 0; i < times; i++) refundFailures.push(error);
    },

    answerNextRefund(status, times = 1) {
      for (let i = 0; i < times; i++) refundAnswers.push(status);
    },

    async refund({ providerSessionId, amount }, { idempotencyKey }): Promise<ProviderRefund> {
      const failure = refundFailures.shift();
      if (failure) throw failure;
      const replay = refunds.find((refund) => refund.idempotencyKey === idempotencyKey);
      if (replay) return { refundId: replay.refundId, status: "succeeded" };
      const session = sessionOf(providerSessionId);
      const total = session.input.total.amount;
      if (session.status !== "paid" && session.status !== "partially_refunded") {
        throw new LinkpayError("PROVIDER_REJECTED", "The fake session has no payment to refund");
      }
      if (amount.amount > total - session.refunded) {
        throw new LinkpayError("PROVIDER_REJECTED", "The refund exceeds what is left");
      }
      session.refunded += amount.amount;
      session.status = session.refunded >= total ? "refunded" : "partially_refunded";
      const refund = {
        refundId: `fr_${randomUUID()}`,
        sessionId: providerSessionId,
        amount: amount.amount,
        idempotencyKey,
      };
      refunds.push(refund);
      return { refundId: refund.refundId, status: refundAnswers.shift() ?? "succeeded" };
    },
  };
}
