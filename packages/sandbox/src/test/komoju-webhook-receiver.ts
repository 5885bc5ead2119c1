/**
 * @module
 * A loopback KOMOJU webhook endpoint for tests: records each delivery with its headers and checks
 * `X-Komoju-Signature` by computing the hex HMAC-SHA256 of the raw body itself (node:crypto, not
 * the sandbox's signer), as a merchant would.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { KomojuEvent } from "../komoju/objects/komoju-shapes";

/** One delivery as the endpoint saw it. */
export interface ReceivedKomojuWebhook {
  readonly rawBody: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly verified: boolean;
  readonly event: KomojuEvent;
  readonly status: number;
}

/** A running receiver. */
export interface KomojuWebhookReceiver {
  readonly url: string;
  readonly secret: string;
  readonly received: ReceivedKomojuWebhook[];
  /** Resolves once `count` deliveries arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedKomojuWebhook[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Starts a receiver on 127.0.0.1 (answering 200 to verified deliveries, 400 otherwise). */
export async function startKomojuReceiver(
  secret = "komoju-webhook-secret-0123",
): Promise<KomojuWebhookReceiver> {
  const received: ReceivedKomojuWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const signature = header(req, "x-komoju-signature") ?? "";
    const expected = createHmac("sha256", secret).update(rawBody).digest("hex");
    const verified =
      signature.length === expected.length &&
      timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    const status = verified ? 200 : 400;
    received.push({
      rawBody,
      headers: {
        "content-type": header(req, "content-type"),
        "user-agent": header(req, "user-agent"),
        "x-komoju-id": header(req, "x-komoju-id"),
        "x-komoju-event": header(req, "x-komoju-event"),
        "x-komoju-signature": signature,
      },
      verified,
      event: JSON.parse(rawBody),
      status,
    });
    res.writeHead(status).end();
    for (const wake of waiters.splice(0)) wake();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}/webhooks/komoju`,
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

/** The event types received, in arrival order (pings included). */
export function komojuTypesOf(received: readonly ReceivedKomojuWebhook[]): string[] {
  return received.map((delivery) => delivery.event.type);
}
