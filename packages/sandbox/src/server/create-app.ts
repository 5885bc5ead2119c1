/**
 * @module
 * The sandbox's express application: the Stripe-compatible API under `/v1`, the operator
 * endpoints under `/_sandbox`, the hosted payment page under `/c`, and the KOMOJU mode (API and
 * pages) under `/komoju` with its operator endpoints under `/_sandbox/komoju`.
 */
import type { Logger } from "@linkpay/core";
import express, { type Express, type Router } from "express";
import { apiRouter } from "../api/api-router";
import type { IdempotencyStore } from "../api/idempotency";
import { requestIds } from "../api/request-id";
import type { FaultState } from "../faults/fault-state";
import { hostedPageRoutes } from "../hosted-page/hosted-page-routes";
import type { SandboxContext } from "../operations/sandbox-context";
import type { OperatorActions } from "../operator/operator-actions";
import { operatorRoutes } from "../operator/operator-routes";
import { requestLog } from "./request-log";

/** The parts the application is made of. */
export interface AppParts {
  readonly context: SandboxContext;
  readonly faults: FaultState;
  readonly idempotency: IdempotencyStore;
  readonly operator: OperatorActions;
  readonly apiKey: string | undefined;
  readonly merchantName: string;
  readonly pendingWebhooks: (eventId: string) => number;
  readonly allowedOrigins: () => readonly string[];
  readonly logger: Logger;
  /** The KOMOJU mode's routers. */
  readonly komoju: { readonly router: Router; readonly operatorRouter: Router };
}

/** Builds the application. */
export function createApp(parts: AppParts): Express {
  const { context, logger } = parts;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // Stripe's query strings nest like its bodies: expand[0]=…, types[]=….
  app.set("query parser", "extended");
  app.use(requestIds());
  app.use(requestLog(logger));
  app.use(
    "/v1",
    apiRouter({
      context,
      faults: parts.faults,
      idempotency: parts.idempotency,
      apiKey: parts.apiKey,
      pendingWebhooks: parts.pendingWebhooks,
      logger,
    }),
  );
  app.use("/komoju", parts.komoju.router);
  app.use("/_sandbox/komoju", parts.komoju.operatorRouter);
  app.use("/_sandbox", operatorRoutes(parts.operator, parts.apiKey, logger));
  app.use(
    "/c",
    hostedPageRoutes({
      context,
      merchantName: parts.merchantName,
      allowedOrigins: parts.allowedOrigins,
      logger,
    }),
  );
  app.get("/", (_req, res) => {
    res
      .type("text/plain")
      .send(
        "linkpay sandbox: an offline Stripe (/v1) and KOMOJU (/komoju) emulator for development and CI. Not a payment provider.\n",
      );
  });
  // Browsers ask for it on every origin; a 404 would be a console error on every hosted page.
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).set("Cache-Control", "public, max-age=86400").end();
  });
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("Not found.\n");
  });
  return app;
}
