/**
 * @module
 * The KOMOJU pages about one payment: the konbini slip (`/komoju/slips/:paymentId`, the payment's
 * `instructions_url`) and the PayPay look-alike (`/komoju/wallet/paypay/:paymentId`), where
 * approving captures the payment and returns to the shop, and cancelling goes back to the session
 * page (the session stays pending).
 */
import express, { Router } from "express";
import { isCrossSitePost, pageSecurity } from "../../hosted-page/page-security";
import type { KomojuContext } from "../operations/komoju-context";
import { isPayable } from "../operations/komoju-payments";
import { answerKomojuPayPay, isWaitingPayPay } from "../operations/komoju-paypay";
import { komojuLanguage, langSuffix, returnTarget } from "./komoju-order";
import type { KomojuPageViews } from "./komoju-page-views";
import { komojuSlipPage } from "./komoju-slip";
import { komojuWalletPage } from "./komoju-wallet-page";

/** The slip and wallet routes. */
export function komojuPaymentPageRoutes(
  context: KomojuContext,
  views: KomojuPageViews,
  merchantName: string,
  allowedOrigins: () => readonly string[],
): Router {
  const { state } = context;
  const router = Router();
  const paymentPage = [views.loadPaymentSession, ...pageSecurity()];
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });

  router.get("/slips/:paymentId", ...paymentPage, (req, res) => {
    const payment = state.payments.get(String(req.params.paymentId));
    const session = views.loaded(res);
    if (payment?.details.type !== "konbini" || session === undefined)
      return views.notice(req, res, 404, "notFound", session);
    const language = komojuLanguage(session, req);
    views.send(
      res,
      200,
      komojuSlipPage({ session, payment, details: payment.details, language, merchantName }),
    );
  });

  router.get("/wallet/paypay/:paymentId", ...paymentPage, (req, res) => {
    const payment = state.payments.get(String(req.params.paymentId));
    const session = views.loaded(res);
    if (session === undefined) return views.notice(req, res, 404, "notFound");
    if (!isWaitingPayPay(context, payment) || !isPayable(session))
      return views.show(req, res, session);
    const language = komojuLanguage(session, req);
    views.send(
      res,
      200,
      komojuWalletPage({ payment, language, merchantName, lang: langSuffix(req) }),
    );
  });

  router.post("/wallet/paypay/:paymentId", ...paymentPage, form, (req, res) => {
    const payment = state.payments.get(String(req.params.paymentId));
    const session = views.loaded(res);
    if (session === undefined) return views.notice(req, res, 404, "notFound");
    if (isCrossSitePost(req, allowedOrigins()))
      return views.notice(req, res, 403, "forbidden", session);
    if (!isWaitingPayPay(context, payment) || !isPayable(session))
      return res.redirect(303, views.pagePath(req, session));
    const approved = req.body?.outcome === "approve";
    answerKomojuPayPay(context, payment, approved);
    if (approved) return res.redirect(303, returnTarget(session));
    views.backFromPayPay(req, res, session);
  });

  return router;
}
