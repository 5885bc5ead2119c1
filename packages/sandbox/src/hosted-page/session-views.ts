/**
 * @module
 * Which page a session shows: the payment form while open, the konbini slip once one was issued,
 * otherwise a "complete" or "expired" notice.
 */
import type { Request, Response } from "express";
import { hostedPageUrl } from "../objects/render-session";
import type { SandboxContext } from "../operations/sandbox-context";
import type { SessionRecord } from "../state/records";
import type { FormFlash } from "./form-flash";
import { konbiniSlipPage } from "./konbini-slip-page";
import { type NoticeKind, noticePage } from "./notice-page";
import { pageLanguage } from "./page-language";
import { paymentPage } from "./payment-page";

/** Where the shopper goes after paying: `success_url` with the session id filled in. */
export function successTarget(session: SessionRecord, origin: string): string {
  return (
    session.successUrl?.replaceAll("{CHECKOUT_SESSION_ID}", session.id) ??
    hostedPageUrl(origin, session.id)
  );
}

/** Renders hosted pages into responses. */
export interface SessionViews {
  /** A notice page (`session` picks its language, when there is one). */
  notice(
    req: Request,
    res: Response,
    status: number,
    kind: NoticeKind,
    session?: SessionRecord,
  ): void;
  /** The page that fits the session's state, showing `flash` on the payment form. */
  show(
    req: Request,
    res: Response,
    session: SessionRecord,
    status?: number,
    flash?: FormFlash,
  ): void;
}

/** The views of one sandbox. */
export function sessionViews(context: SandboxContext, merchantName: string): SessionViews {
  const send = (res: Response, status: number, body: string) =>
    void res.status(status).type("html").send(body);
  const views: SessionViews = {
    notice(req, res, status, kind, session) {
      const returnUrl =
        session === undefined
          ? undefined
          : kind === "complete"
            ? successTarget(session, context.origin())
            : session.cancelUrl;
      const language = pageLanguage(session?.locale, req);
      send(res, status, noticePage({ kind, language, merchantName, returnUrl }));
    },
    show(req, res, session, status = 200, flash) {
      const language = pageLanguage(session.locale, req);
      if (session.status === "open") {
        send(res, status, paymentPage({ session, language, merchantName, flash }));
      } else if (session.konbini !== null) {
        const returnUrl = successTarget(session, context.origin());
        const voucher = session.konbini;
        send(
          res,
          status,
          konbiniSlipPage({
            session,
            voucher,
            language,
            merchantName,
            returnUrl,
            imitates: "Stripe",
          }),
        );
      } else {
        views.notice(
          req,
          res,
          status,
          session.status === "complete" ? "complete" : "expired",
          session,
        );
      }
    },
  };
  return views;
}
