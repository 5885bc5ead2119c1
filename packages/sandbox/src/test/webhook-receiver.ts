/**
 * @module
 * A loopback webhook endpoint for tests: records each delivery and verifies its signature with the
 * official SDK's `stripe.webhooks.constructEvent`, as a merchant would.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import Stripe from "stripe";

/** One delivery as the endpoint saw it. */
export interface ReceivedWebhook {
  readonly rawBody: string;
  readonly signature: string | undefined;
  /** The verified event, or undefined when `constructEvent` threw. */
  readonly event: Stripe.Event | undefined;
  /** Why verification failed. */
  readonly error: string | undefined;
  /** The status the endpoint answered. */
  readonly status: number;
}

/** A running receiver. */
export interface WebhookReceiver {
  readonly url: string;
  readonly secret: string;
  readonly received: ReceivedWebhook[];
  /** Resolves once `count` deliveries arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** Options of {@link startWebhookReceiver}. */
export interface ReceiverOptions {
  readonly secret?: string;
  /** The status to answer the n-th delivery (1-based) with; default 200. */
  readonly respond?: (n: number) => number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts a receiver on 127.0.0.1. */
export async function startWebhookReceiver(
  options: ReceiverOptions = {},
): Promise<WebhookReceiver> {
  const secret = options.secret ?? "whsec_test_receiver_secret_0123456789";
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const header = req.headers["stripe-signature"];
    const signature = Array.isArray(header) ? header[0] : header;
    let event: Stripe.Event | undefined;
    let error: string | undefined;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const status = event === undefined ? 400 : (options.respond?.(received.length + 1) ?? 200);
    received.push({ rawBody, signature, event, error, status });
    res.writeHead(status, { "Content-Type": "application/json" }).end('{"received":true}');
    for (const wake of waiters.splice(0)) wake();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("receiver has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}/webhooks/stripe`,
    secret,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} webhooks, got ${received.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The types of the verified events, in arrival order. */
export function typesOf(received: readonly ReceivedWebhook[]): string[] {
  return received.map((delivery) => delivery.event?.type ?? "(unverified)");
}
