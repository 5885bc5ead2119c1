/**
 * @module
 * The KOMOJU session page (`/komoju/sessions/:id`, `?lang=ja|en`) and its posts: card (the shared
 * card form and test cards), 3-D Secure, konbini with a store choice, and PayPay. Every post is
 * answered with a 303 (post/redirect/get): paid → `return_url?session_id=…`, refused or declined →
 * back to the page, which shows why once; a konbini slip → the slip page; PayPay → the wallet.
 */
import express, { Router } from "express";
import { readCardForm } from "../../cards/read-card-form";
import { challengePage } from "../../hosted-page/challenge-page";
import { keptFields, NO_FIELDS } from "../../hosted-page/form-flash";
import { pageSecurity } from "../../hosted-page/page-security";
import { TEXTS } from "../../hosted-page/texts";
import { completeKomojuChallenge, payKomojuWithCard } from "../operations/komoju-card";
import type { KomojuContext } from "../operations/komoju-context";
import { isKonbiniOpen, startKomojuKonbini } from "../operations/komoju-konbini";
import { isPayable } from "../operations/komoju-payments";
import { startKomojuPayPay } from "../operations/komoju-paypay";
import { KOMOJU_STORES, type KomojuStore } from "../state/komoju-records";
import { komojuLanguage, langSuffix, orderOf, returnTarget } from "./komoju-order";
import type { KomojuPageViews } from "./komoju-page-views";

function isStore(value: unknown): value is KomojuStore {
  return KOMOJU_STORES.some((store) => store === value);
}

/** The session page routes. */
export function komojuSessionRoutes(
  context: KomojuContext,
  views: KomojuPageViews,
  merchantName: string,
): Router {
  const { state } = context;
  const router = Router();
  const page = [views.loadSession, ...pageSecurity()];
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });

  router.get("/sessions/:id", ...page, (req, res) => {
    const session = views.loaded(res);
    if (session === undefined) return views.notice(req, res, 404, "notFound");
    views.show(req, res, session);
  });

  router.post("/sessions/:id/card", ...page, form, (req, res) => {
    const session = views.postable(req, res);
    if (session === undefined) return;
    if (!session.paymentTypes.includes("credit_card"))
      return res.redirect(303, views.pagePath(req, session));
    const input = readCardForm(req.body, context.clock());
    if (!input.ok)
      return views.backToPage(req, res, session, {
        problem: input.problem,
        fields: keptFields(req.body),
      });
    const result = payKomojuWithCard(context, session, input.card, input.outcome);
    if (result.kind === "captured") return res.redirect(303, returnTarget(session));
    if (result.kind === "challenge")
      return res.redirect(
        303,
        `/komoju/sessions/${session.id}/3ds/${result.challengeId}${langSuffix(req)}`,
      );
    const problem =
      input.outcome.kind === "decline" ? input.outcome.declineCode : "generic_decline";
    views.backToPage(req, res, session, { problem, fields: keptFields(req.body) });
  });

  router.get("/sessions/:id/3ds/:challengeId", ...page, (req, res) => {
    const session = views.loaded(res);
    if (session === undefined) return views.notice(req, res, 404, "notFound");
    const challenge = state.steps.get(String(req.params.challengeId));
    if (challenge === undefined || challenge.sessionId !== session.id || !isPayable(session))
      return res.redirect(303, views.pagePath(req, session));
    const language = komojuLanguage(session, req);
    const action = `/komoju/sessions/${session.id}/3ds/${challenge.id}${langSuffix(req)}`;
    const order = orderOf(session, TEXTS[language]);
    const card = { brand: challenge.card.brand, last4: challenge.card.lastDigits };
    views.send(
      res,
      200,
      challengePage({ order, card, action, language, merchantName, imitates: "KOMOJU" }),
    );
  });

  router.post("/sessions/:id/3ds/:challengeId", ...page, form, (req, res) => {
    const session = views.postable(req, res);
    if (session === undefined) return;
    const passed = req.body?.outcome === "pass";
    const result = completeKomojuChallenge(
      context,
      session,
      String(req.params.challengeId),
      passed,
    );
    if (result?.kind === "captured") return res.redirect(303, returnTarget(session));
    if (result === undefined) return res.redirect(303, views.pagePath(req, session));
    views.backToPage(req, res, session, { problem: "authentication_failed", fields: NO_FIELDS });
  });

  router.post("/sessions/:id/konbini", ...page, form, (req, res) => {
    const session = views.postable(req, res);
    if (session === undefined) return;
    const store = req.body?.store;
    if (!isKonbiniOpen(context, session) || !isStore(store))
      return res.redirect(303, views.pagePath(req, session));
    const payment = startKomojuKonbini(context, session, store);
    res.redirect(303, `/komoju/slips/${payment.id}${langSuffix(req)}`);
  });

  router.post("/sessions/:id/paypay", ...page, (req, res) => {
    const session = views.postable(req, res);
    if (session === undefined) return;
    if (!session.paymentTypes.includes("paypay"))
      return res.redirect(303, views.pagePath(req, session));
    const payment = startKomojuPayPay(context, session);
    res.redirect(303, `/komoju/wallet/paypay/${payment.id}${langSuffix(req)}`);
  });

  return router;
}
