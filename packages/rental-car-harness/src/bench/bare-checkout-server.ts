/**
 * @module
 * The checkout benchmark's baseline: the least a shop can do to start a hosted checkout — a bare
 * Express route that parses the form and makes the same single create-session call to the same
 * sandbox with the official SDK, then answers 303. No database, no CSRF, no CSP, no validation.
 */
import express, { type Express } from "express";
import Stripe from "stripe";

/** The bare app, talking to the sandbox at `apiOrigin` with `apiKey`. */
export function bareCheckoutApp(apiOrigin: string, apiKey: string): Express {
  const url = new URL(apiOrigin);
  const stripe = new Stripe(apiKey, {
    apiVersion: "2026-10-28.endive",
    host: url.hostname,
    port: Number(url.port),
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const app = express();
  app.post("/bookings", express.urlencoded({ extended: false }), async (_req, res) => {
    const reference = `BARE-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          price_data: {
            currency: "jpy",
            unit_amount: 7_700,
            product_data: { name: "Compact, 2 days" },
          },
          quantity: 2,
        },
      ],
      client_reference_id: reference,
      metadata: { order_ref: reference },
      success_url: "http://127.0.0.1:9/return?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://127.0.0.1:9/cancel",
      expires_at: Math.floor(Date.now() / 1000) + 1860,
    });
    res.redirect(303, session.url ?? "/");
  });
  return app;
}
