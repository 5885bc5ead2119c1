/**
 * @module
 * The benchmark's deliveries: Stripe `checkout.session.completed` events, each with its own event
 * id, signed in advance with the official SDK's test signer, about a fixed set of sessions both
 * servers know. Generated once and sent unchanged to both routes.
 */
import Stripe from "stripe";

/** The signing secret both benchmark servers trust (a test value). */
export const BENCH_SECRET = "whsec_benchmarkSigningSecretNotARealOne0001";

/** How many checkout sessions the events are spread over. */
export const BENCH_SESSIONS = 100;

/** The order reference of session `index`. */
export const benchOrderRef = (index: number): string => `BENCH-${index}`;

/** The Checkout Session id of session `index`. */
export const benchSessionId = (index: number): string => `cs_test_bench_${index}`;

/** One pre-signed delivery. */
export interface BenchPayload {
  readonly body: string;
  readonly signature: string;
}

/** `count` signed deliveries with unique event ids (`evt_<prefix>_<n>`), round-robin over the sessions. */
export function benchPayloads(count: number, prefix: string): BenchPayload[] {
  const timestamp = Math.floor(Date.now() / 1000);
  const payloads: BenchPayload[] = [];
  for (let i = 0; i < count; i++) {
    const session = i % BENCH_SESSIONS;
    const body = JSON.stringify({
      id: `evt_${prefix}_${i}`,
      object: "event",
      api_version: "2026-10-28.endive",
      created: timestamp,
      livemode: false,
      type: "checkout.session.completed",
      data: {
        object: {
          id: benchSessionId(session),
          object: "checkout.session",
          mode: "payment",
          status: "complete",
          payment_status: "paid",
          amount_total: 5000,
          currency: "jpy",
          client_reference_id: benchOrderRef(session),
          metadata: { linkpay_order_ref: benchOrderRef(session) },
          expires_at: timestamp + 1800,
          payment_intent: `pi_bench_${session}`,
        },
      },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: BENCH_SECRET,
      timestamp,
    });
    payloads.push({ body, signature });
  }
  return payloads;
}
