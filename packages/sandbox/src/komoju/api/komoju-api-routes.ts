/**
 * @module
 * The KOMOJU API routes: sessions (create, retrieve, cancel), payments (retrieve, refund) and
 * events (list, retrieve). Mutations go through the idempotency store.
 */
import { Router } from "express";
import * as z from "zod";
import type { IdempotencyStore } from "../../api/idempotency";
import { renderKomojuPayment, renderKomojuSession } from "../objects/render-komoju";
import { createKomojuSession } from "../operations/create-komoju-session";
import type { KomojuContext } from "../operations/komoju-context";
import { refundKomojuPayment } from "../operations/komoju-refund";
import { cancelKomojuSession, expireKomojuIfDue } from "../operations/komoju-session-lifecycle";
import { komojuNotFound } from "./komoju-api-error";
import { parseKomojuParams, sessionParamsSchema } from "./komoju-session-params";

const refundSchema = z.object({
  amount: z.number().int().positive().optional(),
  description: z.string().max(255).optional(),
});

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const eventListSchema = z.object({
  start_time: z.iso.datetime({ offset: true }).optional(),
  end_time: z.iso.datetime({ offset: true }).optional(),
  page: positiveInt(1, 100_000),
  per_page: positiveInt(10, 100),
});

/** The routes under `/komoju/api/v1`. */
export function komojuApiRoutes(context: KomojuContext, idempotency: IdempotencyStore): Router {
  const router = Router();
  const { state } = context;
  const session = (id: string) => {
    const found = state.session(id);
    expireKomojuIfDue(context, found);
    return found;
  };

  router.post(
    "/sessions",
    idempotency.handle((req) => {
      const params = parseKomojuParams(sessionParamsSchema, req.body);
      return renderKomojuSession(context, createKomojuSession(context, params));
    }),
  );
  router.get("/sessions/:id", (req, res) => {
    res.json(renderKomojuSession(context, session(req.params.id)));
  });
  router.post(
    "/sessions/:id/cancel",
    idempotency.handle((req) => {
      const found = session(String(req.params.id));
      cancelKomojuSession(context, found);
      return renderKomojuSession(context, found);
    }),
  );

  router.get("/payments/:id", (req, res) => {
    res.json(renderKomojuPayment(context, state.payment(req.params.id)));
  });
  router.post(
    "/payments/:id/refund",
    idempotency.handle((req) => {
      const payment = state.payment(String(req.params.id));
      refundKomojuPayment(context, payment, parseKomojuParams(refundSchema, req.body));
      return renderKomojuPayment(context, payment);
    }),
  );

  router.get("/events", (req, res) => {
    const query = parseKomojuParams(eventListSchema, req.query);
    const from = query.start_time === undefined ? -Infinity : Date.parse(query.start_time);
    const to = query.end_time === undefined ? Infinity : Date.parse(query.end_time);
    const matching = context.events
      .newestFirst()
      .filter((stored) => stored.at >= from && stored.at <= to);
    const start = (query.page - 1) * query.per_page;
    res.json({
      resource: "list",
      data: matching.slice(start, start + query.per_page).map((stored) => stored.event),
      total: matching.length,
      page: query.page,
      per_page: query.per_page,
      last_page: Math.max(1, Math.ceil(matching.length / query.per_page)),
    });
  });
  router.get("/events/:id", (req, res) => {
    const stored = context.events.get(req.params.id);
    if (stored === undefined) throw komojuNotFound("event", req.params.id);
    res.json(stored.event);
  });
  return router;
}
