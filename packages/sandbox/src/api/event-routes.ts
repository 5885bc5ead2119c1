/**
 * @module
 * `/v1/events`: list (newest first; `type` with `*` wildcards, `types[]`, cursors) and retrieve.
 * Every event of the calling account is here even when its webhook was dropped, which is how
 * merchants reconcile.
 */
import { Router } from "express";
import * as z from "zod";
import type { StoredEvent } from "../events/event-log";
import { matchesAnyEventType } from "../events/event-type-pattern";
import { EXPANDABLE, parseExpand } from "../objects/expand";
import { listPage } from "../objects/list-page";
import type { EventObject } from "../objects/stripe-shapes";
import type { SandboxContext } from "../operations/sandbox-context";
import { formList, optionalField } from "./form-values";
import { pageParamsShape, retrieveParamsSchema } from "./list-params";
import { recordsOf } from "./records-of";
import { resourceMissing } from "./sandbox-api-error";
import { parseParams } from "./zod-to-stripe-error";

const listEventsSchema = z.strictObject({
  ...pageParamsShape,
  type: optionalField(z.string().max(200)),
  types: formList(z.string().max(200), 20).optional(),
});

/** The event routes; `pendingWebhooks` counts endpoints that have not acknowledged an event yet. */
export function eventRoutes(
  context: SandboxContext,
  pendingWebhooks: (eventId: string) => number,
): Router {
  const router = Router();
  const render = ({ event }: StoredEvent): EventObject => ({
    ...event,
    pending_webhooks: pendingWebhooks(event.id),
  });

  router.get("/events", (req, res) => {
    const params = parseParams(listEventsSchema, req.query);
    parseExpand(params.expand ?? [], EXPANDABLE.none, true);
    const patterns = [...(params.type === undefined ? [] : [params.type]), ...(params.types ?? [])];
    const records = recordsOf(context, req);
    const events = context.events
      .newestFirst()
      .filter(
        (stored) =>
          records.seesEvent(stored) &&
          (patterns.length === 0 || matchesAnyEventType(patterns, stored.event.type)),
      );
    const withIds = events.map((stored) => ({ id: stored.event.id, stored }));
    res.json(listPage(withIds, params, "/v1/events", ({ stored }) => render(stored)));
  });

  router.get("/events/:id", (req, res) => {
    parseParams(retrieveParamsSchema, req.query);
    const stored = context.events.get(req.params.id);
    if (stored === undefined || !recordsOf(context, req).seesEvent(stored)) {
      throw resourceMissing("event", req.params.id, "id");
    }
    res.json(render(stored));
  });

  return router;
}
