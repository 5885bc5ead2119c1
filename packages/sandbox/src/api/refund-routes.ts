/**
 * @module
 * `/v1/refunds`: create a refund of a paid PaymentIntent or charge, and retrieve one.
 */
import { Router } from "express";
import * as z from "zod";
import { EXPANDABLE, parseExpand } from "../objects/expand";
import { renderRefund } from "../objects/render-refund";
import { createRefund } from "../operations/refund";
import type { SandboxContext } from "../operations/sandbox-context";
import { expandParam, formInteger, metadata, optionalField } from "./form-values";
import type { IdempotencyStore } from "./idempotency";
import { retrieveParamsSchema } from "./list-params";
import { recordsOf } from "./records-of";
import { requestIdOf } from "./request-id";
import { parseParams } from "./zod-to-stripe-error";

const createRefundSchema = z.strictObject({
  payment_intent: optionalField(z.string().max(255)),
  charge: optionalField(z.string().max(255)),
  amount: optionalField(formInteger(1, 99_999_999)),
  currency: optionalField(z.string().regex(/^[A-Za-z]{3}$/, { message: "Invalid currency." })),
  reason: optionalField(z.enum(["duplicate", "fraudulent", "requested_by_customer"])),
  metadata: metadata.optional(),
  expand: expandParam.optional(),
});

/** The refund routes. */
export function refundRoutes(context: SandboxContext, idempotency: IdempotencyStore): Router {
  const router = Router();

  router.post(
    "/refunds",
    idempotency.handle((req) => {
      const params = parseParams(createRefundSchema, req.body ?? {});
      parseExpand(params.expand ?? [], EXPANDABLE.none);
      const refund = createRefund(
        context,
        {
          records: recordsOf(context, req),
          paymentIntentId: params.payment_intent,
          chargeId: params.charge,
          amount: params.amount,
          currency: params.currency,
          reason: params.reason,
          metadata: params.metadata ?? {},
        },
        { requestId: requestIdOf(req), idempotencyKey: req.get("idempotency-key") ?? null },
      );
      return renderRefund(refund);
    }),
  );

  router.get("/refunds/:id", (req, res) => {
    parseParams(retrieveParamsSchema, req.query);
    res.json(renderRefund(recordsOf(context, req).refund(req.params.id)));
  });

  return router;
}
