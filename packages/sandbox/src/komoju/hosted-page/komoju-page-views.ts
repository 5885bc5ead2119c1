/**
 * @module
 * What the KOMOJU hosted page routes share: loading the session a page is about (expiring it when
 * due, allowing its return origin in `form-action`), rendering notices and the page that fits the
 * session's state, and the one-time messages of post/redirect/get.
 */
import type { Request, RequestHandler, Response } from "express";
import { FlashStore, type FormFlash } from "../../hosted-page/form-flash";
import { allowRedirectsTo, isCrossSitePost } from "../../hosted-page/page-security";
import type { KomojuContext } from "../operations/komoju-context";
import { isKonbiniOpen } from "../operations/komoju-konbini";
import { isPayable } from "../operations/komoju-payments";
import { expireKomojuIfDue } from "../operations/komoju-session-lifecycle";
import type { KomojuSessionRecord } from "../state/komoju-records";
import { type KomojuNoticeKind, komojuNoticePage } from "./komoju-notice-page";
import { komojuLanguage, langSuffix, returnTarget } from "./komoju-order";
import { komojuPaymentPage } from "./komoju-payment-page";

/** The views and helpers of one sandbox's KOMOJU pages. */
export interface KomojuPageViews {
  send(res: Response, status: number, body: string): void;
  /** A notice page (with a way back when there is a session). */
  notice(
    req: Request,
    res: Response,
    status: number,
    kind: KomojuNoticeKind,
    session?: KomojuSessionRecord,
  ): void;
  /** The session page's path, keeping `?lang`. */
  pagePath(req: Request, session: KomojuSessionRecord): string;
  /** Middleware loading the session named by `:id`. */
  readonly loadSession: RequestHandler;
  /** Middleware loading the session of the payment named by `:paymentId`. */
  readonly loadPaymentSession: RequestHandler;
  /** The session loaded for this response, if any. */
  loaded(res: Response): KomojuSessionRecord | undefined;
  /** Back to the session page, which shows `flash` once. */
  backToPage(req: Request, res: Response, session: KomojuSessionRecord, flash: FormFlash): void;
  /** Back to the session page, which says once that PayPay was cancelled. */
  backFromPayPay(req: Request, res: Response, session: KomojuSessionRecord): void;
  /** The page that fits the session: the form while payable, else the slip or a notice. */
  show(req: Request, res: Response, session: KomojuSessionRecord): void;
  /** The loaded session for a form post, or undefined after answering (404/403, or 303 when closed). */
  postable(req: Request, res: Response): KomojuSessionRecord | undefined;
}

/** Builds the shared views; `allowedOrigins` are the sandbox's own (for the `Origin` check). */
export function komojuPageViews(
  context: KomojuContext,
  merchantName: string,
  allowedOrigins: () => readonly string[],
): KomojuPageViews {
  const { state } = context;
  const loaded = new WeakMap<Response, KomojuSessionRecord>();
  const flashes = new FlashStore();
  const paypayCancelled = new Set<string>();

  const send = (res: Response, status: number, body: string) =>
    void res.status(status).type("html").send(body);

  const remember = (res: Response, session: KomojuSessionRecord) => {
    loaded.set(res, session);
    allowRedirectsTo(res, [session.returnUrl]);
  };

  const loadSession: RequestHandler = (req, res, next) => {
    const session = state.sessions.get(String(req.params.id));
    if (session !== undefined) {
      expireKomojuIfDue(context, session);
      remember(res, session);
    }
    next();
  };

  const loadPaymentSession: RequestHandler = (req, res, next) => {
    const payment = state.payments.get(String(req.params.paymentId));
    const session = payment === undefined ? undefined : state.sessions.get(payment.sessionId);
    if (session !== undefined) remember(res, session);
    next();
  };

  const notice = (
    req: Request,
    res: Response,
    status: number,
    kind: KomojuNoticeKind,
    session?: KomojuSessionRecord,
  ) => {
    const language = komojuLanguage(session, req);
    const returnUrl = session === undefined ? undefined : returnTarget(session);
    send(res, status, komojuNoticePage({ kind, language, merchantName, returnUrl }));
  };

  const pagePath = (req: Request, session: KomojuSessionRecord) =>
    `/komoju/sessions/${session.id}${langSuffix(req)}`;

  return {
    send,
    notice,
    pagePath,
    loadSession,
    loadPaymentSession,
    loaded: (res: Response) => loaded.get(res),

    backToPage(req: Request, res: Response, session: KomojuSessionRecord, flash: FormFlash) {
      flashes.put(session.id, flash);
      res.redirect(303, pagePath(req, session));
    },

    backFromPayPay(req: Request, res: Response, session: KomojuSessionRecord) {
      paypayCancelled.add(session.id);
      res.redirect(303, pagePath(req, session));
    },

    show(req: Request, res: Response, session: KomojuSessionRecord) {
      const payment = state.latestPayment(session);
      if (session.status === "completed" && payment?.details.type === "konbini") {
        return void res.redirect(303, `/komoju/slips/${payment.id}${langSuffix(req)}`);
      }
      if (session.status === "cancelled") return notice(req, res, 200, "cancelled", session);
      if (session.status === "completed") return notice(req, res, 200, "completed", session);
      if (session.expired) return notice(req, res, 200, "expired", session);
      const page = komojuPaymentPage({
        session,
        paymentTypes: session.paymentTypes.filter(
          (type) => type !== "konbini" || isKonbiniOpen(context, session),
        ),
        language: komojuLanguage(session, req),
        merchantName,
        lang: langSuffix(req),
        flash: flashes.take(session.id),
        paypayCancelled: paypayCancelled.delete(session.id),
      });
      send(res, 200, page);
    },

    postable(req: Request, res: Response): KomojuSessionRecord | undefined {
      const session = loaded.get(res);
      if (session === undefined) return void notice(req, res, 404, "notFound");
      if (isCrossSitePost(req, allowedOrigins()))
        return void notice(req, res, 403, "forbidden", session);
      if (!isPayable(session)) return void res.redirect(303, pagePath(req, session));
      return session;
    },
  };
}
