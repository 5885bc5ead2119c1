/**
 * @module
 * Everything the reliability run does differently per provider (`--provider stripe|komoju`):
 * how the sandbox plays it and where it sends webhooks, the app instances' environment, the
 * operators' provider client, the provider's records for the checks, and the shop's side of
 * konbini and abandonment. The journeys, faults and invariants are the same for both.
 */
import { randomBytes } from "node:crypto";
import type { PaymentProvider } from "@linkpay/core";
import { createKomojuProvider } from "@linkpay/komoju";
import type { DeliveryRecord, FaultSettings, Sandbox, SandboxOptions } from "@linkpay/sandbox";
import { createStripeProvider } from "@linkpay/stripe";
import { type HostedPageClient, hostedPageClient, type ProviderName } from "./hosted-pages";
import { komojuSessions, type PspSession, stripeSessions } from "./psp-sessions";

/** One provider's part of the run. */
export interface RunProvider {
  readonly name: ProviderName;
  /** The app's webhook route for this provider. */
  readonly webhookPath: string;
  /** The shopper's side of its hosted page. */
  readonly hostedPage: HostedPageClient;
  /** Sandbox options that make it play this provider, delivering webhooks to `webhookUrl`. */
  sandboxOptions(webhookUrl: string): Partial<SandboxOptions>;
  /** The app instances' environment for the sandbox at `sandboxOrigin`. */
  appEnv(sandboxOrigin: string): Readonly<Record<string, string>>;
  /** A provider client configured as the instances' (for the operators). */
  client(sandboxOrigin: string): PaymentProvider;
  /** The provider's records, for the checks. */
  sessions(sandbox: Sandbox): Promise<PspSession[]>;
  /** A slip paid at the store. */
  markKonbiniPaid(sandbox: Sandbox, sessionId: string): void;
  /** A checkout left unpaid until it expired (KOMOJU sends no webhook for it). */
  expireSession(sandbox: Sandbox, sessionId: string): void;
  /**
   * Drops every webhook of `sessionId` until the returned function is called. KOMOJU's mode has no
   * per-session faults: there it drops every delivery meanwhile, so call it when nothing else is
   * being delivered.
   */
  dropWebhooks(sandbox: Sandbox, sessionId: string): () => void;
  /** The webhook delivery log of this provider's events (of one session, if given). */
  deliveries(sandbox: Sandbox, sessionId?: string): DeliveryRecord[];
  /** The hosted page of `sessionId`. */
  hostedUrl(sandbox: Sandbox, sessionId: string): string;
}

function stripeRun(): RunProvider {
  const apiKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const webhookSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  return {
    name: "stripe",
    webhookPath: "/webhooks/stripe",
    hostedPage: hostedPageClient("stripe"),
    sandboxOptions: (webhookUrl) => ({
      apiKey,
      webhooks: [{ url: webhookUrl, secret: webhookSecret }],
    }),
    appEnv: (sandboxOrigin) => ({
      STRIPE_SECRET_KEY: apiKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_URL: sandboxOrigin,
      STRIPE_PAYMENT_METHODS: "card,konbini",
    }),
    client: (sandboxOrigin) =>
      createStripeProvider({
        secretKey: apiKey,
        webhookSecrets: webhookSecret,
        apiBaseUrl: sandboxOrigin,
        checkoutOrigins: [sandboxOrigin],
      }),
    sessions: async (sandbox) => stripeSessions(sandbox.sessions()),
    markKonbiniPaid: (sandbox, id) => {
      sandbox.markKonbiniPaid(id);
    },
    expireSession: (sandbox, id) => {
      sandbox.expireSession(id);
    },
    dropWebhooks: (sandbox, id) => {
      sandbox.setSessionFaults(id, { drop: true });
      return () => sandbox.setSessionFaults(id, {});
    },
    deliveries: (sandbox, sessionId) =>
      sandbox.deliveries(sessionId === undefined ? undefined : { sessionId }),
    hostedUrl: (sandbox, id) => `${sandbox.origin}/c/pay/${id}`,
  };
}

function komojuRun(faults: FaultSettings): RunProvider {
  const secretKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const webhookSecret = randomBytes(24).toString("base64url");
  return {
    name: "komoju",
    webhookPath: "/webhooks/komoju",
    hostedPage: hostedPageClient("komoju"),
    sandboxOptions: (webhookUrl) => ({
      webhooks: [],
      komoju: { secretKey, webhooks: [{ url: webhookUrl, secret: webhookSecret }] },
    }),
    appEnv: (sandboxOrigin) => ({
      PAYMENT_PROVIDER: "komoju",
      KOMOJU_SECRET_KEY: secretKey,
      KOMOJU_WEBHOOK_SECRET: webhookSecret,
      KOMOJU_API_URL: `${sandboxOrigin}/komoju`,
      KOMOJU_PAYMENT_METHODS: "card,konbini",
    }),
    client: (sandboxOrigin) =>
      createKomojuProvider({
        secretKey,
        webhookSecrets: webhookSecret,
        apiBaseUrl: `${sandboxOrigin}/komoju`,
        paymentMethods: ["card", "konbini"],
      }),
    sessions: (sandbox) => komojuSessions(sandbox, secretKey),
    markKonbiniPaid: (sandbox, id) => {
      sandbox.komoju.markKonbiniPaid(id);
    },
    expireSession: (sandbox, id) => {
      sandbox.komoju.expireSession(id);
    },
    dropWebhooks: (sandbox) => {
      sandbox.setFaults({ ...faults, drop: true });
      return () => sandbox.setFaults(faults);
    },
    deliveries: (sandbox, sessionId) =>
      sandbox.komoju.deliveries(sessionId === undefined ? undefined : { sessionId }),
    hostedUrl: (sandbox, id) => `${sandbox.komoju.baseUrl}/sessions/${id}`,
  };
}

/** The run's provider, with fresh throwaway keys; `faults` are the run's global ones. */
export function runProvider(name: ProviderName, faults: FaultSettings): RunProvider {
  return name === "komoju" ? komojuRun(faults) : stripeRun();
}
