/**
 * @module
 * The Stripe-compatible `/v1` API: key check (the key names the account; restricted keys read
 * only), API faults, form decoding (`extended`, so
 * `line_items[0][price_data][currency]` nests as Stripe's does), the card-number guard, the
 * routes, and Stripe-shaped errors for everything else.
 */
import type { Logger } from "@linkpay/core";
import express, { Router } from "express";
import { SANDBOX_API_VERSION } from "../events/api-version";
import type { FaultState } from "../faults/fault-state";
import type { SandboxContext } from "../operations/sandbox-context";
import { apiFaults } from "./api-faults";
import { authenticate } from "./authenticate";
import { refuseCardNumbers } from "./card-number-guard";
import { checkoutSessionRoutes } from "./checkout-sessions-routes";
import { stripeErrorHandler, unknownRoute } from "./error-handler";
import { eventRoutes } from "./event-routes";
import type { IdempotencyStore } from "./idempotency";
import { paymentObjectRoutes } from "./payment-object-routes";
import { refundRoutes } from "./refund-routes";
import { restrictedKeyPermissions } from "./restricted-keys";

/** What the API router needs. */
export interface ApiRouterOptions {
  readonly context: SandboxContext;
  readonly faults: FaultState;
  readonly idempotency: IdempotencyStore;
  /** The only secret key accepted (and its `rk_test_…` twin), or undefined for any test key. */
  readonly apiKey: string | undefined;
  readonly pendingWebhooks: (eventId: string) => number;
  readonly logger: Logger;
}

/** The `/v1` router. */
export function apiRouter(options: ApiRouterOptions): Router {
  const { context, idempotency } = options;
  const router = Router();
  router.use((req, res, next) => {
    res.set("Stripe-Version", req.get("stripe-version") ?? SANDBOX_API_VERSION);
    next();
  });
  router.use(authenticate({ apiKey: options.apiKey, restrictedKeys: true }));
  router.use(restrictedKeyPermissions());
  router.use(apiFaults(options.faults));
  router.use(express.urlencoded({ extended: true, limit: "100kb", parameterLimit: 2_000 }));
  router.use(refuseCardNumbers());
  router.use(checkoutSessionRoutes(context, idempotency));
  router.use(refundRoutes(context, idempotency));
  router.use(eventRoutes(context, options.pendingWebhooks));
  router.use(paymentObjectRoutes(context));
  router.use(unknownRoute());
  router.use(stripeErrorHandler(options.logger));
  return router;
}
