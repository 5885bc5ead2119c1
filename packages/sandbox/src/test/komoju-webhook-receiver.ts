/**
 * @module
 * A loopback KOMOJU webhook endpoint for tests: records each delivery with its headers and checks
 * `X-Komoju-Signature` by computing the hex HMAC-SHA256 of the raw body itself (node:crypto, not
 * the sandbox's signer), as a merchant would.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { KomojuEvent } from "../komoju/objects/komoju-shapes";
import { startRecordingServer } from "./recording-server";

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

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Starts a receiver on 127.0.0.1 (answering 200 to verified deliveries, 400 otherwise). */
export async function startKomojuReceiver(
  secret = "komoju-webhook-secret-0123",
): Promise<KomojuWebhookReceiver> {
  const server = await startRecordingServer((rawBody, req): ReceivedKomojuWebhook => {
    const signature = header(req, "x-komoju-signature") ?? "";
    const expected = createHmac("sha256", secret).update(rawBody).digest("hex");
    const verified =
      signature.length === expected.length &&
      timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
    return {
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
      status: verified ? 200 : 400,
    };
  });
  return {
    url: `${server.origin}/webhooks/komoju`,
    secret,
    received: server.received,
    waitFor: (count, timeoutMs) => server.waitFor(count, timeoutMs),
    close: () => server.close(),
  };
}

/** The event types received, in arrival order (pings included). */
export function komojuTypesOf(received: readonly ReceivedKomojuWebhook[]): string[] {
  return received.map((delivery) => delivery.event.type);
}
