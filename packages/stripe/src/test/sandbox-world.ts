/**
 * @module
 * The offline world of the sandbox tests: a merchant webhook endpoint on loopback, the sandbox
 * delivering signed events to it, and the Stripe provider talking to the sandbox through the
 * unmodified `stripe` SDK. Nothing is mocked; every byte crosses a real socket.
 */
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { WebhookDelivery } from "@linkpay/core";
import { createSandbox, type Sandbox, type SandboxOptions } from "@linkpay/sandbox";
import { createStripeProvider, type StripeProvider } from "../create-stripe-provider";
import type { StripeProviderOptions } from "../options/stripe-provider-options";

/** The API key the world uses (a sandbox test key, not a real one). */
export const SANDBOX_KEY = "sk_test_51LinkpaySandboxWorld0001";

/** The endpoint's signing secret (a test value, not a real secret). */
export const SANDBOX_WEBHOOK_SECRET = "whsec_sandboxWorldSigningSecret000000000001";

/** What the merchant endpoint answers for one delivery. */
export type DeliveryHandler = (delivery: WebhookDelivery) => Promise<number>;

/** A delivery as the endpoint received it, before any handler ran. */
export interface CapturedDelivery extends WebhookDelivery {
  readonly rawBody: Buffer;
  readonly headers: Record<string, string>;
  /** The event id read from the body (deliveries are looked up by it). */
  readonly eventId: string;
  /** What the endpoint answered. */
  readonly status: number;
}

/** A running world. */
export interface SandboxWorld {
  readonly sandbox: Sandbox;
  readonly origin: string;
  readonly provider: StripeProvider;
  /** The URL the sandbox posts events to. */
  readonly webhookUrl: string;
  /** Every delivery, in arrival order. */
  readonly received: CapturedDelivery[];
  /** Sets what the endpoint does with a delivery (default: answer 200 and do nothing). */
  handleWith(handler: DeliveryHandler): void;
  /**
   * The delivery of the latest `type` event about `sessionId`, once every scheduled delivery has
   * settled. Throws when the sandbox sent none.
   */
  deliveryOf(sessionId: string, type: string): Promise<CapturedDelivery>;
  close(): Promise<void>;
}

/** Options of {@link startSandboxWorld}. */
export interface SandboxWorldOptions {
  readonly sandbox?: Partial<SandboxOptions>;
  readonly provider?: Partial<StripeProviderOptions>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function eventIdOf(body: Buffer): string {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    const id = typeof parsed === "object" && parsed !== null ? Reflect.get(parsed, "id") : null;
    return typeof id === "string" ? id : "";
  } catch {
    return "";
  }
}

/** Starts the endpoint, then the sandbox pointed at it, then the provider pointed at the sandbox. */
export async function startSandboxWorld(options: SandboxWorldOptions = {}): Promise<SandboxWorld> {
  const received: CapturedDelivery[] = [];
  let handler: DeliveryHandler = async () => 200;
  const endpoint = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const headers = flatHeaders(req.headers);
    let status: number;
    try {
      status = await handler({ rawBody, headers });
    } catch {
      status = 500;
    }
    received.push({ rawBody, headers, eventId: eventIdOf(rawBody), status });
    res.writeHead(status, { "Content-Type": "application/json" }).end("{}");
  });
  endpoint.listen(0, "127.0.0.1");
  await once(endpoint, "listening");
  const address = endpoint.address();
  if (address === null || typeof address === "string") throw new Error("endpoint has no port");
  const webhookUrl = `http://127.0.0.1:${address.port}/webhooks/stripe`;

  const sandbox = createSandbox({
    merchantName: "Rent-a-Car Sandbox World",
    apiKey: SANDBOX_KEY,
    webhooks: [{ url: webhookUrl, secret: SANDBOX_WEBHOOK_SECRET }],
    delivery: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 2_000 },
    ...options.sandbox,
  });
  async function close(): Promise<void> {
    await sandbox.close();
    endpoint.closeAllConnections();
    await new Promise<void>((resolve) => endpoint.close(() => resolve()));
  }
  let origin: string;
  let provider: StripeProvider;
  try {
    ({ origin } = await sandbox.listen());
    provider = createStripeProvider({
      secretKey: SANDBOX_KEY,
      webhookSecrets: SANDBOX_WEBHOOK_SECRET,
      apiBaseUrl: origin,
      checkoutOrigins: [origin],
      paymentMethodTypes: ["card", "konbini"],
      maxNetworkRetries: 0,
      ...options.provider,
    });
  } catch (error) {
    await close();
    throw error;
  }

  return {
    sandbox,
    origin,
    provider,
    webhookUrl,
    received,
    handleWith(next) {
      handler = next;
    },
    async deliveryOf(sessionId, type) {
      await sandbox.whenDeliveriesSettled();
      const record = sandbox
        .deliveries({ sessionId })
        .filter((delivery) => delivery.eventType === type)
        .at(-1);
      const delivery =
        record && received.findLast((candidate) => candidate.eventId === record.eventId);
      if (!delivery) throw new Error(`the sandbox delivered no ${type} for ${sessionId}`);
      return delivery;
    },
    close,
  };
}
