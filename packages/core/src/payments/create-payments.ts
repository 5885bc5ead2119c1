/**
 * @module
 * `createPayments`: the service a merchant uses — start a checkout, handle a webhook, read status,
 * reconcile. Framework-free; the Express integration is a thin layer over it.
 */
import { randomUUID } from "node:crypto";
import type { CheckoutRequestInput } from "../checkout";
import { isLinkpayError, LinkpayError } from "../errors";
import type { PaymentProvider, WebhookDelivery } from "../provider";
import { createRedirectGuard, type RedirectGuard } from "../redirect-guard";
import type { CheckoutAttempt, PaymentStore } from "../store";
import { type ApplyResult, applyEvent } from "./apply-event";
import { assertCheckoutUrls, type CheckoutUrls } from "./checkout-urls";
import { type OrderHistory, orderHistory } from "./history";
import type { PaymentHooks } from "./hooks";
import { type Logger, redactingLogger, silentLogger } from "./logger";
import { type ReconcileOptions, type ReconcileReport, reconcile } from "./reconcile";
import { type RefundRequest, type RefundResult, refundPayment } from "./refund";
import { type NewOrderWrites, type StartedCheckout, startCheckout } from "./start-checkout";

/** Configuration of {@link createPayments}. */
export interface PaymentsOptions<THandle = unknown> {
  /** The payment providers this shop uses (at least one). */
  readonly providers: readonly PaymentProvider[];
  readonly store: PaymentStore<THandle>;
  /** The shop's own return URLs (never taken from a request). */
  readonly urls: CheckoutUrls;
  readonly hooks?: PaymentHooks<THandle> | undefined;
  /** A pino-compatible logger; every field is redacted before it is written. */
  readonly logger?: Logger | undefined;
  /** Allow `http://localhost` checkout origins (the offline sandbox). Never in production. */
  readonly allowInsecureLocalhost?: boolean | undefined;
  /** The clock (tests). */
  readonly now?: (() => Date) | undefined;
  /** Attempt id generator (tests). */
  readonly newId?: (() => string) | undefined;
}

/**
 * What `startCheckout` takes: the checkout request, which provider when there are several,
 * optionally the request's own logger (so core's lines carry its request id), and for an order
 * not yet written, `newOrder`: the shop's writes of it, run with the store's transaction handle in
 * the transaction that stores the order's first attempt, so the order and its attempt commit
 * together (one commit, and never one without the other).
 */
export type StartCheckoutInput<THandle = unknown> = CheckoutRequestInput & {
  readonly provider?: string | undefined;
  readonly logger?: Logger | undefined;
  readonly newOrder?: NewOrderWrites<THandle> | undefined;
};

/** What `handleWebhook` takes: the provider id from the route, and the raw delivery. */
export interface HandleWebhookInput extends WebhookDelivery {
  readonly provider: string;
  /** The request's own logger (its lines then carry the request id); default the service's. */
  readonly logger?: Logger | undefined;
}

/** The Payments service; `THandle` is its store's transaction handle (as hooks get it). */
export interface Payments<THandle = unknown> {
  readonly providers: readonly PaymentProvider[];
  /** Every origin a shopper may be redirected to (for CSP `form-action`). */
  readonly checkoutOrigins: readonly string[];
  /**
   * Validates, stores the attempt (with `newOrder`'s writes, for a new order), creates (or
   * reuses) the session, checks the redirect target.
   */
  startCheckout(input: StartCheckoutInput<THandle>): Promise<StartedCheckout>;
  /** Verifies and applies a webhook; resolves only after the state is committed. */
  handleWebhook(input: HandleWebhookInput): Promise<ApplyResult>;
  /** The order's latest attempt, or null. Never changes anything. */
  getStatus(input: { readonly orderRef: string }): Promise<CheckoutAttempt | null>;
  /** Asks providers about attempts stuck open/processing and applies what they say. */
  reconcile(options?: ReconcileOptions): Promise<ReconcileReport>;
  /**
   * Refunds all or part of a paid order, once per idempotency key: recorded (pending) before the
   * provider is asked; the attempt moves to `partially_refunded`/`refunded` and `onRefunded` runs
   * when the provider confirms. REFUND_EXCEEDS_REMAINING, REFUND_NOT_ALLOWED, REFUND_KEY_REUSED,
   * REFUND_NOT_SUPPORTED and the provider's own refusals are typed errors.
   */
  refund(input: RefundRequest): Promise<RefundResult>;
  /**
   * What an operator screen shows for an order: attempts, provider events, state changes and
   * refunds on one timeline. Never changes anything.
   */
  history(input: { readonly orderRef: string }): Promise<OrderHistory>;
}

/** A provider and the guard of its checkout origins, built once. */
interface ProviderEntry {
  readonly provider: PaymentProvider;
  readonly guard: RedirectGuard;
}

function indexProviders(
  providers: readonly PaymentProvider[],
  allowInsecureLocalhost: boolean,
): Map<string, ProviderEntry> {
  if (providers.length === 0) {
    throw new LinkpayError("CONFIG_INVALID", "At least one payment provider is required");
  }
  const byId = new Map<string, ProviderEntry>();
  for (const provider of providers) {
    if (byId.has(provider.id)) {
      throw new LinkpayError("CONFIG_INVALID", `Two providers share the id "${provider.id}"`);
    }
    const guard = createRedirectGuard({
      allowedOrigins: provider.checkoutOrigins,
      allowInsecureLocalhost,
    });
    byId.set(provider.id, { provider, guard });
  }
  return byId;
}

function unknownProvider(id: string | undefined): LinkpayError {
  return new LinkpayError("UNKNOWN_PROVIDER", `No payment provider "${String(id)}"`, {
    details: { provider: id },
  });
}

/** Wraps unexpected failures (a database driver's error, say) as retryable. */
function asRetryable(error: unknown): unknown {
  if (isLinkpayError(error)) return error;
  return new LinkpayError("STORE_UNAVAILABLE", "The payment store failed; try again later", {
    cause: error,
  });
}

/**
 * Logs what applying a delivery did, once: the domain outcome belongs to core; the HTTP layer only
 * turns it into a status.
 */
function reportApplied(logger: Required<Logger>, result: ApplyResult, provider: string): void {
  if (result.outcome === "rejected") {
    logger.alert(
      { alert: result.reason, provider, eventId: result.eventId, attemptId: result.attemptId },
      "A verified event does not match its checkout attempt; nothing was fulfilled",
    );
  } else if (result.outcome === "processed" && result.alert) {
    logger.alert(
      { alert: result.alert, provider, eventId: result.eventId, attemptId: result.attemptId },
      "Money was taken for a checkout that had already closed; check the order by hand",
    );
  } else {
    logger.info({ provider, ...result }, "webhook applied");
  }
}

/**
 * Creates the Payments service.
 *
 * @example
 * const payments = createPayments({
 *   providers: [stripeProvider],
 *   store: createMemoryStore(),
 *   urls: { success: "https://shop.example/return/{ORDER_REF}", cancel: "https://shop.example/cart" },
 *   hooks: { onPaid: ({ attempt }) => confirmBooking(attempt.orderRef) },
 * });
 */
export function createPayments<THandle>(options: PaymentsOptions<THandle>): Payments<THandle> {
  const entries = indexProviders(options.providers, options.allowInsecureLocalhost ?? false);
  assertCheckoutUrls(options.urls);
  const logger = redactingLogger(options.logger ?? silentLogger);
  const hooks = options.hooks ?? {};
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const [first] = entries.values();
  const providers = new Map([...entries].map(([id, entry]) => [id, entry.provider]));
  const loggerFor = (own: Logger | undefined) =>
    own === undefined ? logger : redactingLogger(own);

  return {
    providers: [...providers.values()],
    checkoutOrigins: [
      ...new Set([...entries.values()].flatMap((entry) => entry.guard.allowedOrigins)),
    ],

    async startCheckout(input) {
      const { provider: providerId, logger: own, newOrder, ...request } = input;
      const entry = providerId === undefined ? first : entries.get(providerId);
      if (!entry) throw unknownProvider(providerId);
      const { provider, guard } = entry;
      return startCheckout(
        {
          store: options.store,
          provider,
          guard,
          urls: options.urls,
          logger: loggerFor(own),
          now,
          newId,
        },
        request,
        newOrder,
      );
    },

    async handleWebhook({ provider: providerId, rawBody, headers, logger: own }) {
      const provider = providers.get(providerId);
      if (!provider) throw unknownProvider(providerId);
      const event = await provider.parseWebhook({ rawBody, headers });
      try {
        const result = await applyEvent({ store: options.store, hooks, event, now: now() });
        reportApplied(loggerFor(own), result, provider.id);
        return result;
      } catch (error) {
        throw asRetryable(error);
      }
    },

    getStatus: ({ orderRef }) => options.store.findLatestAttempt({ orderRef }),

    reconcile: (reconcileOptions) =>
      reconcile({ store: options.store, hooks, providers, logger, now }, reconcileOptions),

    history: ({ orderRef }) => orderHistory(options.store, orderRef),

    refund: ({ logger: own, ...input }) =>
      refundPayment({ store: options.store, providers, logger, now, newId }, input, loggerFor(own)),
  };
}
