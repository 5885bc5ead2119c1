/**
 * @module
 * The hosted payment page under `/c`: `GET /c/pay/:id` shows the session, and the card, 3-D Secure
 * and konbini forms post back to the sandbox. Every post is answered with a 303 (post/redirect/get,
 * so Back and reload never resubmit): success to the session's `success_url` with
 * `{CHECKOUT_SESSION_ID}` filled in; a refusal or decline back to the page, which shows it once
 * from a server-side flash. Declines keep the session open, as Stripe does.
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
import { FlashStore, type FormFlash, keptFields, NO_FIELDS } from "./form-flash";
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
  const flashes = new FlashStore();
  const backToPage = (res: Response, session: SessionRecord, flash: FormFlash) => {
    flashes.put(session.id, flash);
    res.redirect(303, `/c/pay/${session.id}`);
  };

  /** The loaded session for a form post, or undefined after answering 404/403, or 303 when closed. */
  const postable = (req: Request, res: Response): SessionRecord | undefined => {
    const session = loaded.get(res);
    if (session === undefined) return void notice(req, res, 404, "notFound");
    if (isCrossSitePost(req, options.allowedOrigins()))
      return void notice(req, res, 403, "forbidden", session);
    if (session.status !== "open") return void res.redirect(303, `/c/pay/${session.id}`);
    return session;
  };

  router.get("/assets/sandbox.css", (_req, res) => {
    res.set({ "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" });
    res.type("text/css").send(STYLESHEET);
  });

  router.get("/pay/:id", ...page, (req, res) => {
    const session = loaded.get(res);
    if (session === undefined) return notice(req, res, 404, "notFound");
    show(req, res, session, 200, flashes.take(session.id));
  });

  router.post("/pay/:id/card", ...page, form, (req, res) => {
    const session = postable(req, res);
    if (session === undefined) return;
    const input = readCardForm(req.body, context.clock());
    if (!input.ok)
      return backToPage(res, session, { problem: input.problem, fields: keptFields(req.body) });
    const result = payWithCard(context, session, input.card, input.outcome);
    if (result.kind === "succeeded")
      return res.redirect(303, successTarget(session, context.origin()));
    if (result.kind === "challenge")
      return res.redirect(303, `/c/pay/${session.id}/3ds/${result.challengeId}`);
    const problem = result.kind === "declined" ? result.declineCode : "authentication_failed";
    backToPage(res, session, { problem, fields: keptFields(req.body) });
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
    const action = `/c/pay/${session.id}/3ds/${challenge.id}`;
    res.type("html").send(
      challengePage({
        order: session,
        card: challenge.card,
        action,
        language,
        merchantName,
        imitates: "Stripe",
      }),
    );
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
    backToPage(res, session, { problem: "authentication_failed", fields: NO_FIELDS });
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
