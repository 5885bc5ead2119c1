/**
 * @module
 * Starts (or resumes) the hosted checkout for an order.
 *
 * The attempt is stored before the provider is called, and the provider gets an idempotency key
 * derived from the attempt, so a double submit — sequential or concurrent — yields one session.
 * The hosted URL is used only after the redirect guard accepts its origin.
 */
import {
  CHECKOUT_EXPIRY_SECONDS,
  type CheckoutRequest,
  type PaymentMethod,
  parseCheckoutRequest,
} from "../checkout";
import { isLinkpayError, LinkpayError } from "../errors";
import { moneyEquals } from "../money";
import type { CheckoutLifetime, PaymentProvider } from "../provider";
import type { RedirectGuard } from "../redirect-guard";
import { isPaidStatus } from "../state-machine";
import type { CheckoutAttempt, PaymentStore } from "../store";
import { buildCheckoutUrl, type CheckoutUrls } from "./checkout-urls";
import type { Logger } from "./logger";

declare const checkedByGuard: unique symbol;

/**
 * A hosted-page URL that core's redirect guard accepted (on the provider's checkout origins).
 * Only `startCheckout` makes one, so a redirect typed with it needs no second check.
 */
export type CheckedRedirectUrl = string & { readonly [checkedByGuard]: true };

/** A checkout ready for the shopper's redirect. */
export interface StartedCheckout {
  readonly attempt: CheckoutAttempt;
  /** The provider's hosted page, checked against the provider's checkout origins. */
  readonly redirectUrl: CheckedRedirectUrl;
  /** True when an existing open session was reused (e.g. a double click). */
  readonly reused: boolean;
}

/** What a new order's writes get: its first attempt, just stored, and the store's transaction. */
export interface NewOrderContext<THandle = unknown> {
  readonly attempt: CheckoutAttempt;
  /** The store's transaction handle (as hooks get it): write the order with it. */
  readonly tx: THandle;
}

/**
 * The shop's own writes of a new order (the order row, what it holds), run by `startCheckout` in
 * the transaction that stores the order's first attempt: the order and its attempt commit
 * together or not at all. Throwing stores neither, calls no provider, and `startCheckout` throws
 * the same error.
 */
export type NewOrderWrites<THandle = unknown> = (
  context: NewOrderContext<THandle>,
) => Promise<void> | void;

/** What startCheckout needs from the Payments service. */
export interface StartCheckoutDeps<THandle = unknown> {
  readonly store: PaymentStore<THandle>;
  readonly provider: PaymentProvider;
  readonly guard: RedirectGuard;
  readonly urls: CheckoutUrls;
  readonly logger: Required<Logger>;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** Sessions closer to expiry than this are not handed out again. */
const REUSE_MARGIN_MS = 60_000;
const MAX_CREATE_RACES = 3;

/**
 * Providers check the expiry against their own clock when the request arrives, so a lifetime
 * exactly on a bound of their window would be refused after any delay. Keep this much head-room
 * inside both bounds.
 */
export const EXPIRY_HEADROOM_SECONDS = 60;

/** The window a provider accepts: its own `checkoutLifetime`, or core's. */
export function lifetimeWindowOf(
  provider: Pick<PaymentProvider, "checkoutLifetime">,
): CheckoutLifetime {
  return (
    provider.checkoutLifetime ?? {
      minSeconds: CHECKOUT_EXPIRY_SECONDS.min,
      maxSeconds: CHECKOUT_EXPIRY_SECONDS.max,
    }
  );
}

/** The session lifetime actually requested: the shop's choice, kept inside the provider's window. */
export function effectiveLifetimeSeconds(
  requested: number,
  window: CheckoutLifetime = lifetimeWindowOf({}),
): number {
  return Math.min(
    Math.max(requested, window.minSeconds + EXPIRY_HEADROOM_SECONDS),
    window.maxSeconds - EXPIRY_HEADROOM_SECONDS,
  );
}

/**
 * Refuses, before anything is stored, a lifetime the provider's API cannot take (core's schema
 * already holds it inside `CHECKOUT_EXPIRY_SECONDS`).
 */
export function assertLifetimeFits(
  provider: Pick<PaymentProvider, "id" | "checkoutLifetime">,
  request: Pick<CheckoutRequest, "expiresInSeconds">,
): void {
  const { minSeconds, maxSeconds } = lifetimeWindowOf(provider);
  const requested = request.expiresInSeconds;
  if (requested >= minSeconds && requested <= maxSeconds) return;
  const message =
    `${requested} is outside what provider '${provider.id}' accepts ` +
    `(${minSeconds}–${maxSeconds} seconds)`;
  throw new LinkpayError(
    "INVALID_CHECKOUT_REQUEST",
    `The checkout request is not valid: expiresInSeconds: ${message}`,
    { details: { issues: [{ path: "expiresInSeconds", message }] } },
  );
}

/** The idempotency key for an attempt's session: stable across retries and instances. */
export function idempotencyKeyFor(attempt: Pick<CheckoutAttempt, "id">): string {
  return `linkpay-checkout-${attempt.id}`;
}

/**
 * An earlier attempt of the order can be paid after a later one was made: the shopper paid the
 * session they had left (a second tab, a late wallet approval), and the payment was recorded on it
 * with a `paid_after_closed` alert. The order is paid then; no further checkout is offered, not
 * even the later attempt's open session. Only orders with more than one attempt pay this read.
 */
async function assertNoEarlierPayment(deps: StartCheckoutDeps, orderRef: string): Promise<void> {
  const attempts = await deps.store.listAttempts({ orderRef });
  const paid = attempts.find((attempt) => isPaidStatus(attempt.status));
  if (paid === undefined) return;
  throw new LinkpayError(
    "CHECKOUT_ALREADY_PAID",
    "This order was paid through an earlier checkout attempt",
    { details: { orderRef, attemptId: paid.id, status: paid.status } },
  );
}

async function attemptFor(
  deps: StartCheckoutDeps,
  request: CheckoutRequest,
): Promise<CheckoutAttempt> {
  for (let race = 0; race < MAX_CREATE_RACES; race++) {
    const latest = await deps.store.findLatestAttempt({ orderRef: request.orderRef });
    const now = deps.now();
    if (latest && (isPaidStatus(latest.status) || latest.status === "processing")) {
      throw new LinkpayError(
        "CHECKOUT_ALREADY_PAID",
        "This order is paid or its payment is in progress",
        {
          details: { orderRef: request.orderRef, status: latest.status },
        },
      );
    }
    if (latest !== null && latest.sequence > 1)
      await assertNoEarlierPayment(deps, request.orderRef);
    if (latest?.status === "open" && latest.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS) {
      if (latest.provider !== deps.provider.id || !moneyEquals(latest.amount, request.total)) {
        throw new LinkpayError(
          "CHECKOUT_CHANGED",
          "An open checkout for this order has another amount or provider",
          {
            details: { orderRef: request.orderRef, attemptId: latest.id },
          },
        );
      }
      return latest;
    }
    try {
      return await deps.store.createAttempt({
        id: deps.newId(),
        orderRef: request.orderRef,
        sequence: (latest?.sequence ?? 0) + 1,
        provider: deps.provider.id,
        amount: request.total,
        expiresAt: expiryOf(deps, request, now),
        now,
      });
    } catch (error) {
      // Another request created this attempt first: loop and join it.
      if (!isLinkpayError(error, "ATTEMPT_CONFLICT")) throw error;
    }
  }
  throw new LinkpayError("STORE_CONFLICT", "Could not create the checkout attempt; retry");
}

/**
 * A new order's first attempt, stored in one transaction with the shop's writes of the order. No
 * earlier attempt is looked for: the order is being written now, so it has none, and one it had
 * all the same (an order reference used twice) fails the insert with ATTEMPT_CONFLICT, which
 * undoes the shop's writes too.
 */
async function firstAttemptWith<THandle>(
  deps: StartCheckoutDeps<THandle>,
  request: CheckoutRequest,
  writes: NewOrderWrites<THandle>,
): Promise<CheckoutAttempt> {
  const now = deps.now();
  return deps.store.createAttempt(
    {
      id: deps.newId(),
      orderRef: request.orderRef,
      sequence: 1,
      provider: deps.provider.id,
      amount: request.total,
      expiresAt: expiryOf(deps, request, now),
      now,
    },
    async (tx, attempt) => {
      await writes({ attempt, tx });
    },
  );
}

/** When an attempt made `now` expires: the request's lifetime, inside the provider's window. */
function expiryOf(deps: StartCheckoutDeps, request: CheckoutRequest, now: Date): Date {
  const window = lifetimeWindowOf(deps.provider);
  return new Date(
    now.getTime() + effectiveLifetimeSeconds(request.expiresInSeconds, window) * 1000,
  );
}

/**
 * The methods the session offers: the request's, each of which the provider must be configured
 * for, or else all the provider's. Refused before anything is stored. Konbini options with a
 * default that has no konbini are left to the provider to ignore, so one request suits a shop
 * whose provider is configured with or without konbini.
 */
export function paymentMethodsFor(
  provider: Pick<PaymentProvider, "id" | "paymentMethods">,
  request: Pick<CheckoutRequest, "paymentMethods">,
): readonly PaymentMethod[] {
  const configured = provider.paymentMethods ?? ["card"];
  const requested = request.paymentMethods ?? configured;
  const missing = requested.filter((method) => !configured.includes(method));
  if (missing.length > 0) {
    const message =
      `${missing.map((method) => `'${method}'`).join(", ")} is not configured on provider ` +
      `'${provider.id}' (configured: ${configured.join(", ")})`;
    throw new LinkpayError(
      "INVALID_CHECKOUT_REQUEST",
      `The checkout request is not valid: paymentMethods: ${message}`,
      { details: { issues: [{ path: "paymentMethods", message }] } },
    );
  }
  return requested;
}

/** The one redirect check on the way to the 303: an alert, and nothing returned, when it fails. */
function checkedRedirect(
  deps: StartCheckoutDeps,
  attempt: CheckoutAttempt,
  url: string,
): CheckedRedirectUrl {
  try {
    return deps.guard.check(url).href as CheckedRedirectUrl;
  } catch (error) {
    deps.logger.alert(
      { alert: "redirect_not_allowed", provider: deps.provider.id, attemptId: attempt.id, error },
      "The provider returned a checkout URL outside its allowed origins; the shopper was not redirected",
    );
    throw error;
  }
}

/**
 * Validates the request, then creates or reuses the order's hosted checkout session. With
 * `newOrder`, the order is new: its writes join the transaction of its first attempt.
 */
export async function startCheckout<THandle>(
  deps: StartCheckoutDeps<THandle>,
  input: unknown,
  newOrder?: NewOrderWrites<THandle>,
): Promise<StartedCheckout> {
  const request = parseCheckoutRequest(input);
  const paymentMethods = paymentMethodsFor(deps.provider, request);
  assertLifetimeFits(deps.provider, request);
  deps.provider.checkRequest?.({ ...request, paymentMethods });
  const attempt =
    newOrder === undefined
      ? await attemptFor(deps, request)
      : await firstAttemptWith(deps, request, newOrder);
  if (attempt.providerSessionId !== null && attempt.hostedUrl !== null) {
    return {
      attempt,
      redirectUrl: checkedRedirect(deps, attempt, attempt.hostedUrl),
      reused: true,
    };
  }
  const context = { orderRef: attempt.orderRef, attemptId: attempt.id };
  const session = await deps.provider.createCheckout(
    {
      ...request,
      attemptId: attempt.id,
      successUrl: buildCheckoutUrl(deps.urls.success, context, "success"),
      cancelUrl: buildCheckoutUrl(deps.urls.cancel, context, "cancel"),
      expiresAt: attempt.expiresAt,
      paymentMethods,
    },
    { idempotencyKey: idempotencyKeyFor(attempt) },
  );
  const redirectUrl = checkedRedirect(deps, attempt, session.hostedUrl);
  const attached = await deps.store.attachSession({
    attemptId: attempt.id,
    providerSessionId: session.providerSessionId,
    hostedUrl: session.hostedUrl,
    expiresAt: session.expiresAt,
    now: deps.now(),
  });
  deps.logger.info(
    { orderRef: attempt.orderRef, attemptId: attempt.id, provider: deps.provider.id },
    "checkout session created",
  );
  return { attempt: attached, redirectUrl, reused: false };
}
