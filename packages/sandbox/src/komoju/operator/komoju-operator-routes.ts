/**
 * @module
 * The KOMOJU operator endpoints under `/_sandbox/komoju`, behind the same key check as the other
 * `/_sandbox` endpoints, answering errors in KOMOJU's shape.
 */
import type { Logger } from "@linkpay/core";
import { type Request, Router } from "express";
import { authenticate } from "../../api/authenticate";
import { komojuErrorHandler, komojuUnknownRoute } from "../api/komoju-error-handler";
import type { KomojuOperator } from "./komoju-operator";

function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === "string" ? value : undefined;
}

/** The `/_sandbox/komoju` router. */
export function komojuOperatorRoutes(
  operator: KomojuOperator,
  apiKey: string | undefined,
  logger: Logger,
): Router {
  const router = Router();
  router.use(authenticate({ apiKey, restrictedKeys: false }));
  router.get("/sessions", (_req, res) => {
    res.json({ data: operator.sessions() });
  });
  router.post("/sessions/:id/expire", (req, res) => {
    res.json(operator.expire(req.params.id));
  });
  router.post("/sessions/:id/konbini-paid", (req, res) => {
    res.json(operator.konbiniPaid(req.params.id));
  });
  router.post("/sessions/:id/konbini-expired", (req, res) => {
    res.json(operator.konbiniExpired(req.params.id));
  });
  router.post("/ping", (_req, res) => {
    operator.sendPing();
    res.status(202).json({ sent: true });
  });
  router.get("/deliveries", (req, res) => {
    const filter = {
      eventId: queryString(req, "event_id"),
      sessionId: queryString(req, "session_id"),
    };
    res.json({ data: operator.deliveries(filter) });
  });
  router.use(komojuUnknownRoute());
  router.use(komojuErrorHandler(logger));
  return router;
}
