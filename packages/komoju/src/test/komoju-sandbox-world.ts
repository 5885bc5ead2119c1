/**
 * @module
 * The offline world of the sandbox tests: a merchant webhook endpoint on loopback, the sandbox's
 * KOMOJU mode delivering signed events to it, and the KOMOJU provider talking to the sandbox.
 * Nothing is mocked; every byte crosses a real socket.
 */
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { CheckoutReader, WebhookDelivery } from "@linkpay/core";
import { createSandbox, type Sandbox } from "@linkpay/sandbox";
import { createKomojuCheckoutReader } from "../create-komoju-checkout-reader";
import { createKomojuProvider, type KomojuProvider } from "../create-komoju-provider";

/** The API key the world uses (a sandbox test key, not a real one). */
export const SANDBOX_KEY = "sk_test_linkpayKomojuSandboxWorld01";

/** The webhook's secret token (a test value, not a real secret). */
export const SANDBOX_WEBHOOK_SECRET = "komoju-sandbox-world-secret-0001";

/** What the merchant endpoint answers for one delivery. */
export type DeliveryHandler = (delivery: WebhookDelivery) => Promise<number>;

/** A delivery as the endpoint received it. */
export interface CapturedDelivery extends WebhookDelivery {
  readonly rawBody: Buffer;
  readonly headers: Record<string, string>;
  readonly eventId: string;
  readonly status: number;
}

/** A running world. */
export interface KomojuSandboxWorld {
  readonly sandbox: Sandbox;
  readonly provider: KomojuProvider;
  /** A read-only client of the same account (its `expireCheckout` cancels a session). */
  readonly reader: Required<CheckoutReader>;
  readonly webhookUrl: string;
  readonly received: CapturedDelivery[];
  /** Sets what the endpoint does with a delivery (default: answer 200 and do nothing). */
  handleWith(handler: DeliveryHandler): void;
  /** The delivery of the latest `type` event about `sessionId` ("" for `ping`), once settled. */
  deliveryOf(sessionId: string, type: string): Promise<CapturedDelivery>;
  close(): Promise<void>;
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
export async function startKomojuSandboxWorld(): Promise<KomojuSandboxWorld> {
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
  const webhookUrl = `http://127.0.0.1:${address.port}/webhooks/komoju`;

  const sandbox = createSandbox({
    merchantName: "Rent-a-Car KOMOJU World",
    komoju: {
      secretKey: SANDBOX_KEY,
      webhooks: [{ url: webhookUrl, secret: SANDBOX_WEBHOOK_SECRET }],
    },
    delivery: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 2_000 },
  });
  async function close(): Promise<void> {
    await sandbox.close();
    endpoint.closeAllConnections();
    await new Promise<void>((resolve) => endpoint.close(() => resolve()));
  }
  let provider: KomojuProvider;
  let reader: Required<CheckoutReader>;
  try {
    await sandbox.listen();
    provider = createKomojuProvider({
      secretKey: SANDBOX_KEY,
      webhookSecrets: SANDBOX_WEBHOOK_SECRET,
      apiBaseUrl: sandbox.komoju.baseUrl,
      paymentMethods: ["card", "konbini", "paypay"],
      maxNetworkRetries: 0,
    });
    reader = createKomojuCheckoutReader({
      secretKey: SANDBOX_KEY,
      apiBaseUrl: sandbox.komoju.baseUrl,
    });
  } catch (error) {
    await close();
    throw error;
  }

  return {
    sandbox,
    provider,
    reader,
    webhookUrl,
    received,
    handleWith(next) {
      handler = next;
    },
    async deliveryOf(sessionId, type) {
      await sandbox.whenDeliveriesSettled();
      const record = sandbox.komoju
        .deliveries()
        .filter((delivery) => delivery.sessionId === sessionId && delivery.eventType === type)
        .at(-1);
      const delivery =
        record && received.findLast((candidate) => candidate.eventId === record.eventId);
      if (!delivery) throw new Error(`the sandbox delivered no ${type} for "${sessionId}"`);
      return delivery;
    },
    close,
  };
}
