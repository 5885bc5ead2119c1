/**
 * @module
 * The operator endpoints under `/_sandbox`, protected by the same key check as the API and
 * answering errors in the same Stripe shape. Bodies are JSON.
 */
import type { Logger } from "@linkpay/core";
import express, { type Request, Router } from "express";
import { authenticate } from "../api/authenticate";
import { stripeErrorHandler, unknownRoute } from "../api/error-handler";
import type { OperatorActions } from "./operator-actions";

function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === "string" ? value : undefined;
}

/** The `/_sandbox` router. */
export function operatorRoutes(
  actions: OperatorActions,
  apiKey: string | undefined,
  logger: Logger,
): Router {
  const router = Router();
  router.use(authenticate({ apiKey, restrictedKeys: false }));
  router.use(express.json({ limit: "16kb" }));

  router.get("/sessions", (_req, res) => {
    res.json({ data: actions.sessions() });
  });
  router.post("/sessions/:id/expire", (req, res) => {
    res.json(actions.expire(req.params.id));
  });
  router.post("/sessions/:id/konbini/paid", (req, res) => {
    res.json(actions.konbiniPaid(req.params.id));
  });
  router.post("/sessions/:id/konbini/expired", (req, res) => {
    res.json(actions.konbiniExpired(req.params.id));
  });
  router.post("/sessions/:id/faults", (req, res) => {
    res.json(actions.setSessionFaults(req.params.id, req.body ?? {}));
  });

  router.get("/faults", (_req, res) => {
    res.json(actions.faults());
  });
  router.post("/faults", (req, res) => {
    res.json(actions.setFaults(req.body ?? {}));
  });

  router.get("/deliveries", (req, res) => {
    const filter = {
      eventId: queryString(req, "event_id"),
      sessionId: queryString(req, "session_id"),
    };
    res.json({ data: actions.deliveries(filter) });
  });
  router.post("/deliveries/:id/resend", (req, res) => {
    res.status(202).json(actions.resend(req.params.id));
  });

  router.use(unknownRoute());
  router.use(stripeErrorHandler(logger));
  return router;
}
