/**
 * @module
 * A loopback webhook endpoint for tests: records each delivery and verifies its signature with the
 * official SDK's `stripe.webhooks.constructEvent`, as a merchant would.
 */
import Stripe from "stripe";
import { startRecordingServer } from "./recording-server";

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

/** Starts a receiver on 127.0.0.1. */
export async function startWebhookReceiver(
  options: ReceiverOptions = {},
): Promise<WebhookReceiver> {
  const secret = options.secret ?? "whsec_test_receiver_secret_0123456789";
  const server = await startRecordingServer((rawBody, req, index): ReceivedWebhook => {
    const header = req.headers["stripe-signature"];
    const signature = Array.isArray(header) ? header[0] : header;
    let event: Stripe.Event | undefined;
    let error: string | undefined;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature ?? "", secret);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const status = event === undefined ? 400 : (options.respond?.(index) ?? 200);
    return { rawBody, signature, event, error, status };
  });
  return {
    url: `${server.origin}/webhooks/stripe`,
    secret,
    received: server.received,
    waitFor: (count, timeoutMs) => server.waitFor(count, timeoutMs),
    close: () => server.close(),
  };
}

/** The types of the verified events, in arrival order. */
export function typesOf(received: readonly ReceivedWebhook[]): string[] {
  return received.map((delivery) => delivery.event?.type ?? "(unverified)");
}
