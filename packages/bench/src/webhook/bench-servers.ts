/**
 * @module
 * The servers the benchmark compares, on the same Express and the same `stripe` SDK: a bare
 * route that only calls `stripe.webhooks.constructEvent` and answers 200, and the linkpay webhook
 * route (Stripe adapter, one hook) on core's memory store.
 */
import { createMemoryStore, createPayments, money, type PaymentStore } from "@linkpay/core";
import { webhookRoute } from "@linkpay/express";
import { createStripeProvider } from "@linkpay/stripe";
import express, { type Express } from "express";
import Stripe from "stripe";
import { BENCH_SECRET, BENCH_SESSIONS, benchOrderRef, benchSessionId } from "./bench-payloads";

/** Which server to run: the baseline or the linkpay route. */
export type BenchTarget = "bare" | "linkpay";

/** Every target, in the order each round runs them. */
export const BENCH_TARGETS: readonly BenchTarget[] = ["bare", "linkpay"];

const SECRET_KEY = "sk_test_benchmarkNeverCallsStripe";

/** The bare baseline: verify with the SDK, answer 200. */
function bareApp(): Express {
  const stripe = new Stripe(SECRET_KEY);
  const app = express();
  app.post("/webhooks/stripe", express.raw({ type: "*/*", limit: "256kb" }), (req, res) => {
    try {
      stripe.webhooks.constructEvent(
        req.body,
        String(req.headers["stripe-signature"]),
        BENCH_SECRET,
      );
      res.status(200).json({ received: true });
    } catch {
      res.status(400).json({ error: { code: "WEBHOOK_SIGNATURE_INVALID" } });
    }
  });
  return app;
}

/** The linkpay route on `store`, its attempts seeded as startCheckout leaves them. */
async function linkpayApp(store: PaymentStore<unknown>): Promise<Express> {
  const provider = createStripeProvider({ secretKey: SECRET_KEY, webhookSecrets: BENCH_SECRET });
  let fulfilled = 0;
  const payments = createPayments({
    providers: [provider],
    store,
    urls: { success: "https://shop.example/return", cancel: "https://shop.example/cart" },
    hooks: {
      onPaid: () => {
        fulfilled++;
      },
    },
  });
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 24 * 3600_000);
  for (let i = 0; i < BENCH_SESSIONS; i++) {
    const attempt = await store.createAttempt({
      id: `attempt-${i}`,
      orderRef: benchOrderRef(i),
      sequence: 1,
      provider: provider.id,
      amount: money(5000, "JPY"),
      expiresAt,
      now,
    });
    await store.attachSession({
      attemptId: attempt.id,
      providerSessionId: benchSessionId(i),
      hostedUrl: `https://checkout.stripe.com/c/pay/${benchSessionId(i)}`,
      expiresAt,
      now,
    });
  }
  const app = express();
  app.use(webhookRoute({ payments }));
  app.get("/fulfilled", (_req, res) => {
    res.json({ fulfilled });
  });
  return app;
}

/** The app for `target`. */
export function benchApp(target: BenchTarget): Promise<Express> {
  if (target === "bare") return Promise.resolve(bareApp());
  return linkpayApp(createMemoryStore());
}
