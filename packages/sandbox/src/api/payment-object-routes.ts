/**
 * @module
 * Read-only `/v1/payment_intents/:id` (with `expand[]=latest_charge`) and `/v1/charges/:id`, for
 * merchants that reconcile from the PaymentIntent.
 */
import { Router } from "express";
import { EXPANDABLE, parseExpand } from "../objects/expand";
import { renderCharge } from "../objects/render-charge";
import { renderPaymentIntent } from "../objects/render-payment-intent";
import { renderContext, type SandboxContext } from "../operations/sandbox-context";
import { retrieveParamsSchema } from "./list-params";
import { recordsOf } from "./records-of";
import { parseParams } from "./zod-to-stripe-error";

/** The PaymentIntent and charge routes. */
export function paymentObjectRoutes(context: SandboxContext): Router {
  const router = Router();

  router.get("/payment_intents/:id", (req, res) => {
    const params = parseParams(retrieveParamsSchema, req.query);
    const expand = parseExpand(params.expand ?? [], EXPANDABLE.paymentIntent);
    const intent = recordsOf(context, req).paymentIntent(req.params.id);
    res.json(renderPaymentIntent(renderContext(context), intent, expand));
  });

  router.get("/charges/:id", (req, res) => {
    const params = parseParams(retrieveParamsSchema, req.query);
    parseExpand(params.expand ?? [], EXPANDABLE.none);
    res.json(renderCharge(recordsOf(context, req).charge(req.params.id)));
  });

  return router;
}
