/**
 * @module
 * The contract every payment provider adapter implements.
 */
import type { CheckoutRequest, PaymentMethod } from "../checkout";
import type { Money } from "../money";
import type { CheckoutView, ProviderEvent } from "./provider-event";

/** Everything a provider needs to create a hosted checkout session. */
export interface CreateCheckoutInput extends CheckoutRequest {
  /** linkpay's id of the attempt; providers may echo it in metadata. */
  readonly attemptId: string;
  /**
   * Where the provider sends the shopper after paying (built from merchant config). A provider
   * with a single return URL (KOMOJU) sends every returning shopper here, paid or not; the return
   * page reads the state from linkpay, never from the URL.
   */
  readonly successUrl: string;
  /**
   * Where the provider sends the shopper who cancels (built from merchant config); unused by a
   * provider without a separate cancel URL.
   */
  readonly cancelUrl: string;
  /**
   * When the session must stop accepting payment: inside the provider's `checkoutLifetime`, with
   * a minute of head-room at each bound, counted from when the attempt was stored.
   */
  readonly expiresAt: Date;
  /** The methods to offer: the request's, or else every method the provider is configured with. */
  readonly paymentMethods: readonly PaymentMethod[];
}

/** Options of a mutating provider call. */
export interface ProviderCallOptions {
  /**
   * Same key → same result at the provider (a double submit creates one session). Core's keys
   * are `linkpay-checkout-<attempt id>` and `linkpay-refund-<refund id>`: stable across retries
   * and instances, ASCII, 53 characters at most with the default (UUID) ids (a shop that passes
   * its own `newId` keeps its ids short). Send them as they are.
   */
  readonly idempotencyKey: string;
}

/** The session lifetimes a provider's API accepts, in seconds from when it receives the call. */
export interface CheckoutLifetime {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

/** A created hosted checkout session. */
export interface ProviderCheckoutSession {
  readonly providerSessionId: string;
  /** The provider's hosted payment page; checked against `checkoutOrigins` before use. */
  readonly hostedUrl: string;
  readonly expiresAt: Date;
}

/** A webhook delivery exactly as it arrived. */
export interface WebhookDelivery {
  /** The raw request body bytes: signatures are computed over these, not over parsed JSON. */
  readonly rawBody: string | Uint8Array;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** A refund request. */
export interface RefundInput {
  readonly providerSessionId: string;
  readonly amount: Money;
}

/** A refund the provider accepted. */
export interface ProviderRefund {
  readonly refundId: string;
  /** `requires_action`: the shopper must act first (konbini: give a bank account to refund to). */
  readonly status: "pending" | "succeeded" | "requires_action" | "failed";
}

/**
 * A payment service provider adapter (Stripe, the sandbox, a fake for tests).
 *
 * Implementations throw {@link LinkpayError}s: `not_authentic` codes for bad signatures,
 * `retryable` codes when the provider cannot be reached.
 */
export interface PaymentProvider {
  /** Stable id, used in webhook URLs and stored with every attempt (e.g. `stripe`). */
  readonly id: string;
  /** The exact origins (`https://…`) of the hosted pages shoppers may be sent to. */
  readonly checkoutOrigins: readonly string[];
  /**
   * The payment methods this provider is configured to offer (default `["card"]`). A checkout
   * may ask for fewer; `startCheckout` refuses one that asks for a method not listed here.
   */
  readonly paymentMethods?: readonly PaymentMethod[] | undefined;
  /**
   * The session lifetimes this provider's API accepts, when narrower than core's
   * `CHECKOUT_EXPIRY_SECONDS` (Stripe: 30 minutes to 24 hours). `startCheckout` refuses a request
   * whose `expiresInSeconds` is outside it, before anything is stored, and keeps a minute of
   * head-room inside both bounds for the time the call takes. Default: core's window.
   */
  readonly checkoutLifetime?: CheckoutLifetime | undefined;
  /**
   * Refuses, with a typed error, a validated request this provider cannot charge as priced or
   * offer as asked: a currency or amount its API cannot represent, a method's own limits (konbini
   * amounts, slip days beyond what the PSP allows). Core's rules are the widest any provider
   * needs; each PSP's narrower ones live here, in its adapter. Called before anything is stored,
   * so a refusal leaves no attempt behind; `paymentMethods` is already resolved (never undefined)
   * and offered by this provider. Optional: without it every valid request is accepted.
   */
  checkRequest?(request: CheckoutRequest): void;
  /** Creates a hosted checkout session. */
  createCheckout(
    input: CreateCheckoutInput,
    options: ProviderCallOptions,
  ): Promise<ProviderCheckoutSession>;
  /** Verifies a webhook delivery and maps it to a normalized event. */
  parseWebhook(delivery: WebhookDelivery): Promise<ProviderEvent>;
  /** Asks the provider for the current state of one session. */
  retrieveCheckout(input: { readonly providerSessionId: string }): Promise<CheckoutView>;
  /** Refunds all or part of a paid session. */
  refund?(input: RefundInput, options: ProviderCallOptions): Promise<ProviderRefund>;
  /**
   * The provider's session id carried in a hosted payment page URL, or undefined when the URL is
   * not one of this provider's session pages (origin not exactly one of `checkoutOrigins`, or
   * another path shape). Used by the patrol to ask the provider whether the page a shopper was
   * sent to is a genuine session of this merchant (then `retrieveCheckout` tells whose it is).
   */
  checkoutSessionIdFromUrl?(hostedUrl: string): string | undefined;
}

/**
 * What a read-only client of a provider needs (the patrol): its id and hosted page origins, the
 * session id in a hosted page URL, and the session's state. Needs no webhook secret to build.
 */
export type CheckoutReader = Pick<
  PaymentProvider,
  "id" | "checkoutOrigins" | "retrieveCheckout"
> & {
  /** See {@link PaymentProvider.checkoutSessionIdFromUrl}; required for a reader. */
  checkoutSessionIdFromUrl(hostedUrl: string): string | undefined;
  /**
   * Ends an open session so it can no longer be paid. The patrol ends the sessions its own runs
   * made (and only those), so its synthetic bookings do not hold stock until they time out. Needs
   * write access to checkout sessions; optional.
   */
  expireCheckout?(input: { readonly providerSessionId: string }): Promise<void>;
};
