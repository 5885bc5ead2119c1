/**
 * @module
 * `/v1/checkout/sessions`: create, retrieve (with `expand[]`), list (newest first, filtered by
 * `payment_intent` or `status`), expire, and list a session's line items — each for the calling
 * account's sessions only.
 */
import { Router } from "express";
import * as z from "zod";
import { EXPANDABLE, parseExpand } from "../objects/expand";
import { listPage } from "../objects/list-page";
import { renderLineItem } from "../objects/render-line-item";
import { lineItemsPath, renderSession } from "../objects/render-session";
import { createSession } from "../operations/create-session";
import { expireSession } from "../operations/expire-session";
import { renderContext, type SandboxContext } from "../operations/sandbox-context";
import { callerOf } from "./authenticate";
import { createSessionParamsSchema } from "./create-session-params";
import { expandParam, optionalField } from "./form-values";
import type { IdempotencyStore } from "./idempotency";
import { pageParamsSchema, pageParamsShape, retrieveParamsSchema } from "./list-params";
import { recordsOf } from "./records-of";
import { requestIdOf } from "./request-id";
import { parseParams } from "./zod-to-stripe-error";

const listSessionsSchema = z.strictObject({
  ...pageParamsShape,
  payment_intent: optionalField(z.string().max(255)),
  status: optionalField(z.enum(["open", "complete", "expired"])),
});

const expireParamsSchema = z.strictObject({ expand: expandParam.optional() });

/** The Checkout Session routes. */
export function checkoutSessionRoutes(
  context: SandboxContext,
  idempotency: IdempotencyStore,
): Router {
  const router = Router();
  const render = () => renderContext(context);

  router.post(
    "/checkout/sessions",
    idempotency.handle((req) => {
      const params = parseParams(createSessionParamsSchema, req.body ?? {});
      const expand = parseExpand(params.expand ?? [], EXPANDABLE.session);
      const session = createSession(context, params, callerOf(req).account);
      return renderSession(render(), session, expand);
    }),
  );

  router.get("/checkout/sessions", (req, res) => {
    const params = parseParams(listSessionsSchema, req.query);
    const expand = parseExpand(params.expand ?? [], EXPANDABLE.session, true);
    const sessions = recordsOf(context, req)
      .sessions()
      .filter(
        (session) =>
          (params.payment_intent === undefined ||
            session.paymentIntentId === params.payment_intent) &&
          (params.status === undefined || session.status === params.status),
      );
    const rendered = render();
    res.json(
      listPage(sessions, params, "/v1/checkout/sessions", (session) =>
        renderSession(rendered, session, expand),
      ),
    );
  });

  router.get("/checkout/sessions/:id", (req, res) => {
    const params = parseParams(retrieveParamsSchema, req.query);
    const expand = parseExpand(params.expand ?? [], EXPANDABLE.session);
    const session = recordsOf(context, req).session(req.params.id);
    // Recorded for the operator: tests see when a merchant's reconciliation asked about it.
    session.retrievals += 1;
    session.lastRetrievedAt = context.clock().getTime();
    res.json(renderSession(render(), session, expand));
  });

  router.post(
    "/checkout/sessions/:id/expire",
    idempotency.handle((req) => {
      const params = parseParams(expireParamsSchema, req.body ?? {});
      const expand = parseExpand(params.expand ?? [], EXPANDABLE.session);
      const session = recordsOf(context, req).session(String(req.params.id));
      expireSession(context, session, {
        requestId: requestIdOf(req),
        idempotencyKey: req.get("idempotency-key") ?? null,
      });
      return renderSession(render(), session, expand);
    }),
  );

  router.get("/checkout/sessions/:id/line_items", (req, res) => {
    const params = parseParams(pageParamsSchema, req.query);
    parseExpand(params.expand ?? [], EXPANDABLE.none, true);
    const session = recordsOf(context, req).session(req.params.id);
    const items = session.lineItems;
    res.json(
      listPage(items, params, lineItemsPath(session.id), (item) => renderLineItem(session, item)),
    );
  });

  return router;
}
