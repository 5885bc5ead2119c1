/**
 * @module
 * The hosted payment page under `/c`: `GET /c/pay/:id` shows the session, and the card, 3-D Secure
 * and konbini forms post back to the sandbox. Success is a 303 to the session's `success_url`
 * with `{CHECKOUT_SESSION_ID}` filled in; declines keep the session open, as Stripe does.
 */
import type { Logger } from "@linkpay/core";
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  Router,
} from "express";
import { readCardForm } from "../cards/read-card-form";
import { expireIfDue } from "../operations/expire-session";
import { startKonbini } from "../operations/konbini";
import { completeChallenge, payWithCard } from "../operations/pay-with-card";
import type { SandboxContext } from "../operations/sandbox-context";
import type { SessionRecord } from "../state/records";
import { challengePage } from "./challenge-page";
import { pageLanguage } from "./page-language";
import { allowRedirectsOf, isCrossSitePost, pageSecurity } from "./page-security";
import { sessionViews, successTarget } from "./session-views";
import { STYLESHEET } from "./stylesheet";

/** What the hosted page needs. */
export interface HostedPageOptions {
  readonly context: SandboxContext;
  readonly merchantName: string;
  /** Origins the sandbox is reached at (for the `Origin` check of form posts). */
  readonly allowedOrigins: () => readonly string[];
  readonly logger: Logger;
}

/** The `/c` router. */
export function hostedPageRoutes(options: HostedPageOptions): Router {
  const { context, merchantName } = options;
  const router = Router();
  const loaded = new WeakMap<Response, SessionRecord>();
  const load: RequestHandler = (req, res, next) => {
    const session = context.state.sessions.get(String(req.params.id));
    if (session !== undefined) {
      expireIfDue(context, session);
      loaded.set(res, session);
      allowRedirectsOf(res, session);
    }
    next();
  };
  const page = [load, ...pageSecurity()];
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });
  const { notice, show } = sessionViews(context, merchantName);

  /** The loaded session for a form post, or undefined after answering 404/403/409. */
  const postable = (req: Request, res: Response): SessionRecord | undefined => {
    const session = loaded.get(res);
    if (session === undefined) return void notice(req, res, 404, "notFound");
    if (isCrossSitePost(req, options.allowedOrigins()))
      return void notice(req, res, 403, "forbidden", session);
    if (session.status !== "open") return void show(req, res, session, 409);
    return session;
  };

  router.get("/assets/sandbox.css", (_req, res) => {
    res.set({ "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" });
    res.type("text/css").send(STYLESHEET);
  });

  router.get("/pay/:id", ...page, (req, res) => {
    const session = loaded.get(res);
    if (session === undefined) return notice(req, res, 404, "notFound");
    const problem =
      req.query.error === "authentication_failed" ? "authentication_failed" : undefined;
    show(req, res, session, 200, problem);
  });

  router.post("/pay/:id/card", ...page, form, (req, res) => {
    const session = postable(req, res);
    if (session === undefined) return;
    const input = readCardForm(req.body, context.clock());
    if (!input.ok) return show(req, res, session, 400, input.problem);
    const result = payWithCard(context, session, input.card, input.outcome);
    if (result.kind === "succeeded")
      return res.redirect(303, successTarget(session, context.origin()));
    if (result.kind === "challenge")
      return res.redirect(303, `/c/pay/${session.id}/3ds/${result.challengeId}`);
    show(
      req,
      res,
      session,
      402,
      result.kind === "declined" ? result.declineCode : "authentication_failed",
    );
  });

  router.get("/pay/:id/3ds/:challengeId", ...page, (req, res) => {
    const session = loaded.get(res);
    if (session === undefined) return notice(req, res, 404, "notFound");
    const challenge = context.state.challenges.get(String(req.params.challengeId));
    if (
      challenge === undefined ||
      challenge.sessionId !== session.id ||
      session.status !== "open"
    ) {
      return res.redirect(303, `/c/pay/${session.id}`);
    }
    const language = pageLanguage(session.locale, req);
    res.type("html").send(challengePage({ session, challenge, language, merchantName }));
  });

  router.post("/pay/:id/3ds/:challengeId", ...page, form, (req, res) => {
    const session = postable(req, res);
    if (session === undefined) return;
    const challenge = context.state.challenges.get(String(req.params.challengeId));
    if (challenge === undefined || challenge.sessionId !== session.id)
      return res.redirect(303, `/c/pay/${session.id}`);
    const passed = req.body?.outcome === "pass";
    const result = completeChallenge(context, session, challenge.id, passed);
    if (result.kind === "succeeded")
      return res.redirect(303, successTarget(session, context.origin()));
    res.redirect(303, `/c/pay/${session.id}?error=authentication_failed`);
  });

  router.post("/pay/:id/konbini", ...page, (req, res) => {
    const session = postable(req, res);
    if (session === undefined) return;
    if (!session.paymentMethodTypes.includes("konbini")) return show(req, res, session, 400);
    startKonbini(context, session);
    res.redirect(303, `/c/pay/${session.id}/konbini`);
  });

  router.get("/pay/:id/konbini", ...page, (req, res) => {
    const session = loaded.get(res);
    if (session === undefined) return notice(req, res, 404, "notFound");
    if (session.konbini === null) return res.redirect(303, `/c/pay/${session.id}`);
    show(req, res, session);
  });

  const failed: ErrorRequestHandler = (error, req, res, _next) => {
    options.logger.error({ error, path: req.path }, "hosted page error");
    res.status(500).type("text/plain").send("The sandbox could not show this page.");
  };
  router.use(failed);
  return router;
}
