/**
 * @module
 * The KOMOJU-compatible API under `/komoju/api/v1`: Basic-auth key check, the shared API faults,
 * JSON bodies, the card-number guard, the routes, and KOMOJU-shaped errors for everything else.
 */
import type { Logger } from "@linkpay/core";
import express, { Router } from "express";
import { apiFaults } from "../../api/api-faults";
import { refuseCardNumbers } from "../../api/card-number-guard";
import type { IdempotencyStore } from "../../api/idempotency";
import type { FaultState } from "../../faults/fault-state";
import type { KomojuContext } from "../operations/komoju-context";
import { komojuApiRoutes } from "./komoju-api-routes";
import { komojuAuthenticate } from "./komoju-authenticate";
import { komojuErrorHandler, komojuUnknownRoute } from "./komoju-error-handler";

/** What the KOMOJU API router needs. */
export interface KomojuApiOptions {
  readonly context: KomojuContext;
  readonly faults: FaultState;
  readonly idempotency: IdempotencyStore;
  /** The only secret key accepted, or undefined for any `sk_test_…` key. */
  readonly secretKey: string | undefined;
  readonly logger: Logger;
}

/** The `/komoju/api/v1` router. */
export function komojuApiRouter(options: KomojuApiOptions): Router {
  const router = Router();
  router.use(komojuAuthenticate(options.secretKey));
  router.use(apiFaults(options.faults));
  router.use(express.json({ limit: "100kb" }));
  router.use(refuseCardNumbers());
  router.use(komojuApiRoutes(options.context, options.idempotency));
  router.use(komojuUnknownRoute());
  router.use(komojuErrorHandler(options.logger));
  return router;
}
