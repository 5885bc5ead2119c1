/**
 * @module
 * The provider contract suite: every {@link PaymentProvider} adapter runs it against itself.
 *
 * @example
 * describeProviderContract("stripe via loopback", async () => ({ provider, kinds, signedDelivery }));
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CHECKOUT_EXPIRY_SECONDS, parseCheckoutRequest } from "../checkout";
import { isLinkpayError } from "../errors";
import { effectiveLifetimeSeconds, lifetimeWindowOf } from "../payments/start-checkout";
import type {
  CreateCheckoutInput,
  PaymentProvider,
  ProviderCheckoutSession,
  WebhookDelivery,
} from "../provider";
import { createRedirectGuard } from "../redirect-guard";
import type { PaymentEventKind, PaymentStatus } from "../state-machine";

/** What a provider under test supplies to the contract suite. */
export interface ProviderContractHarness {
  readonly provider: PaymentProvider;
  /** The normalized kinds this provider can emit (e.g. Stripe has no `checkout.canceled`). */
  readonly kinds: readonly PaymentEventKind[];
  /**
   * A correctly signed delivery, exactly as the provider would POST it, for a session the suite
   * just created (each kind gets its own session, so an emulator can drive it there for real).
   */
  signedDelivery(input: {
    /** A normalized kind, or "unhandled" for a type the adapter must ignore. */
    readonly kind: PaymentEventKind | "unhandled";
    readonly session: ProviderCheckoutSession;
    readonly checkout: CreateCheckoutInput;
    readonly refundedAmount?: number | undefined;
  }): Promise<WebhookDelivery>;
  /**
   * True when the provider's `payment.pending` events carry the konbini slip (`pendingPayment`);
   * the suite then checks its shape.
   */
  readonly reportsPendingPayment?: boolean | undefined;
  /** Makes the provider report `status` for a session, when the test double allows it. */
  settle?(input: {
    readonly session: ProviderCheckoutSession;
    readonly status: PaymentStatus;
  }): Promise<void>;
  /** Frees servers or handles after the suite. */
  close?(): Promise<void>;
}

let counter = 0;

/** When a session asked for now with the default lifetime expires, as `startCheckout` computes it. */
function defaultExpiry(provider: Pick<PaymentProvider, "checkoutLifetime">): Date {
  const seconds = effectiveLifetimeSeconds(
    CHECKOUT_EXPIRY_SECONDS.default,
    lifetimeWindowOf(provider),
  );
  // Whole seconds: some PSPs (Stripe) take the expiry in Unix seconds.
  return new Date(Math.floor(Date.now() / 1000) * 1000 + seconds * 1000);
}

/**
 * A checkout input for the suite, with a fresh order reference. It expires after core's default
 * lifetime; pass `expiresAt` for a provider with a narrower `checkoutLifetime` (the suite does).
 */
export function contractCheckoutInput(
  overrides: Partial<CreateCheckoutInput> = {},
): CreateCheckoutInput {
  counter++;
  const request = parseCheckoutRequest({
    orderRef: `CONTRACT-${Date.now()}-${counter}`,
    currency: "JPY",
    total: 12_400,
    lineItems: [
      { name: "Compact car, 2 days", unitAmount: 5_600, quantity: 2 },
      { name: "Child seat", unitAmount: 1_200, quantity: 1 },
    ],
    customerEmail: "shopper@example.com",
    locale: "ja",
  });
  return {
    ...request,
    attemptId: randomUUID(),
    successUrl: "https://shop.example/return/ok",
    cancelUrl: "https://shop.example/return/cancel",
    expiresAt: defaultExpiry({}),
    paymentMethods: ["card"],
    ...overrides,
  };
}

function flipOneByte(body: string | Uint8Array): Buffer {
  const bytes = Buffer.from(body);
  const index =
    bytes.indexOf("0".charCodeAt(0)) >= 0 ? bytes.indexOf("0".charCodeAt(0)) : bytes.length - 2;
  bytes[index] = (bytes[index] ?? 0) ^ 1;
  return bytes;
}

async function expectNotAuthentic(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isLinkpayError(error) && error.kind).toBe("not_authentic");
}

/** Registers the provider contract tests for one adapter. */
export function describeProviderContract(
  name: string,
  setup: () => Promise<ProviderContractHarness>,
): void {
  describe(`PaymentProvider contract: ${name}`, () => {
    let harness: ProviderContractHarness;
    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(async () => {
      await harness?.close?.();
    });

    /** A checkout input whose expiry is what `startCheckout` would ask of this provider. */
    function checkoutInput(overrides: Partial<CreateCheckoutInput> = {}): CreateCheckoutInput {
      return contractCheckoutInput({ expiresAt: defaultExpiry(harness.provider), ...overrides });
    }

    async function created(): Promise<{
      checkout: CreateCheckoutInput;
      session: ProviderCheckoutSession;
    }> {
      // Every method the provider is configured for, as startCheckout passes by default.
      const checkout = checkoutInput({
        paymentMethods: harness.provider.paymentMethods ?? ["card"],
      });
      const session = await harness.provider.createCheckout(checkout, {
        idempotencyKey: `contract-${checkout.attemptId}`,
      });
      return { checkout, session };
    }

    it("declares an id and valid checkout origins", () => {
      expect(harness.provider.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(() =>
        createRedirectGuard({
          allowedOrigins: harness.provider.checkoutOrigins,
          allowInsecureLocalhost: true,
        }),
      ).not.toThrow();
    });

    it("creates a session whose hosted URL is on its checkout origins", async () => {
      const { checkout, session } = await created();
      expect(session.providerSessionId).toEqual(expect.any(String));
      expect(session.providerSessionId.length).toBeGreaterThan(0);
      const guard = createRedirectGuard({
        allowedOrigins: harness.provider.checkoutOrigins,
        allowInsecureLocalhost: true,
      });
      expect(guard.isAllowed(session.hostedUrl)).toBe(true);
      // Within a few seconds: a PSP that takes a lifetime (KOMOJU's `expires_in_seconds`) rather
      // than a moment counts it from its own clock, when the request arrives.
      expect(Math.abs(session.expiresAt.getTime() - checkout.expiresAt.getTime())).toBeLessThan(
        5000,
      );
    });

    it("returns the same session for the same idempotency key, another for another key", async () => {
      const checkout = checkoutInput();
      const first = await harness.provider.createCheckout(checkout, {
        idempotencyKey: `contract-same-key-${checkout.attemptId}`,
      });
      const again = await harness.provider.createCheckout(checkout, {
        idempotencyKey: `contract-same-key-${checkout.attemptId}`,
      });
      // Another key comes with another attempt of the same order (core derives keys from attempt
      // ids), as when a shopper starts again after a cancel.
      const retry = { ...checkout, attemptId: randomUUID() };
      const other = await harness.provider.createCheckout(retry, {
        idempotencyKey: `contract-other-key-${retry.attemptId}`,
      });
      expect(again.providerSessionId).toBe(first.providerSessionId);
      expect(other.providerSessionId).not.toBe(first.providerSessionId);
    });

    it("maps every kind it emits to a normalized event for the right session", async () => {
      for (const kind of harness.kinds) {
        // A fresh session per kind: a real provider (or emulator) reaches each state only once.
        const { checkout, session } = await created();
        const refundedAmount = kind === "payment.refunded" ? 1_000 : undefined;
        const delivery = await harness.signedDelivery({ kind, session, checkout, refundedAmount });
        const event = await harness.provider.parseWebhook(delivery);
        expect(event).toMatchObject({
          kind,
          provider: harness.provider.id,
          providerSessionId: session.providerSessionId,
          orderRef: checkout.orderRef,
          amount: checkout.total,
        });
        expect(event.eventId.length).toBeGreaterThan(0);
        if (kind === "payment.refunded" && event.kind !== "ignored") {
          expect(event.refundedAmount?.amount).toBe(1_000);
        }
        if (
          kind === "payment.pending" &&
          harness.reportsPendingPayment &&
          event.kind !== "ignored"
        ) {
          expect(event.pendingPayment).toMatchObject({
            method: "konbini",
            expiresAt: expect.any(Date),
            stores: expect.any(Array),
          });
          expect(Number.isNaN(event.pendingPayment?.expiresAt.getTime())).toBe(false);
        }
      }
    });

    it("maps a type it does not handle to an ignored event", async () => {
      const { checkout, session } = await created();
      const delivery = await harness.signedDelivery({ kind: "unhandled", session, checkout });
      expect(await harness.provider.parseWebhook(delivery)).toMatchObject({ kind: "ignored" });
    });

    it("rejects a delivery with one tampered byte as not authentic", async () => {
      const { checkout, session } = await created();
      const delivery = await harness.signedDelivery({
        kind: "payment.succeeded",
        session,
        checkout,
      });
      await expectNotAuthentic(
        harness.provider.parseWebhook({ ...delivery, rawBody: flipOneByte(delivery.rawBody) }),
      );
    });

    it("rejects a re-serialized body as not authentic", async () => {
      const { checkout, session } = await created();
      const delivery = await harness.signedDelivery({
        kind: "payment.succeeded",
        session,
        checkout,
      });
      // Same JSON value, other bytes: pretty-printed if it came compact, compact if it came
      // pretty-printed (as Stripe sends it).
      const original = Buffer.from(delivery.rawBody).toString();
      const parsed: unknown = JSON.parse(original);
      const pretty = JSON.stringify(parsed, null, 2);
      const reserialized = pretty === original ? JSON.stringify(parsed) : pretty;
      expect(reserialized).not.toBe(original);
      await expectNotAuthentic(
        harness.provider.parseWebhook({ ...delivery, rawBody: reserialized }),
      );
    });

    it("rejects a delivery without signature headers as not authentic", async () => {
      const { checkout, session } = await created();
      const delivery = await harness.signedDelivery({
        kind: "payment.succeeded",
        session,
        checkout,
      });
      await expectNotAuthentic(
        harness.provider.parseWebhook({ rawBody: delivery.rawBody, headers: {} }),
      );
    });

    it("reports a session's current state through retrieveCheckout", async () => {
      const { checkout, session } = await created();
      const view = await harness.provider.retrieveCheckout({
        providerSessionId: session.providerSessionId,
      });
      expect(view).toMatchObject({
        provider: harness.provider.id,
        providerSessionId: session.providerSessionId,
        orderRef: checkout.orderRef,
        amount: checkout.total,
        status: "open",
      });
      expect(view.refundedAmount.amount).toBe(0);
      if (harness.settle) {
        await harness.settle({ session, status: "paid" });
        const paid = await harness.provider.retrieveCheckout({
          providerSessionId: session.providerSessionId,
        });
        expect(paid.status).toBe("paid");
      }
    });

    it("answers PROVIDER_SESSION_NOT_FOUND for a session it does not have", async () => {
      const { session } = await created();
      const error = await harness.provider
        .retrieveCheckout({ providerSessionId: `${session.providerSessionId}0` })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isLinkpayError(error) && error.code).toBe("PROVIDER_SESSION_NOT_FOUND");
    });

    it("reads the session id from its own hosted page URLs only (when it can)", async () => {
      const { provider } = harness;
      if (provider.checkoutSessionIdFromUrl === undefined) return;
      const { session } = await created();
      expect(provider.checkoutSessionIdFromUrl(session.hostedUrl)).toBe(session.providerSessionId);
      const elsewhere = new URL(session.hostedUrl);
      elsewhere.hostname = "pay.attacker.invalid";
      const deeper = new URL(session.hostedUrl);
      deeper.pathname += "/extra";
      for (const url of [elsewhere.href, deeper.href, session.providerSessionId, ""]) {
        expect(provider.checkoutSessionIdFromUrl(url)).toBeUndefined();
      }
    });
  });
}
