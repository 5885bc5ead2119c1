/**
 * @module
 * What the console needs, and the helpers its routes share: the page context, the signed-in
 * account of a request, the role check, and the audit record of a request's action.
 */
import type { Payments, RateLimitStore } from "@linkpay/core";
import type { CsrfProtection, LinkpayLogger } from "@linkpay/express";
import type { Kysely } from "@linkpay/store-sql";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { AppTables } from "../db/app-tables";
import type { Lang } from "../web/format";
import { chooseLanguage } from "../web/i18n";
import { recordStaffAction, type StaffAction } from "./audit-log";
import type { ConsoleSession } from "./console-sessions";
import { CONSOLE_TEXTS, type ConsoleTexts } from "./console-texts";
import type { Staff } from "./staff-accounts";
import { ConsoleLayout, type ConsolePageContext, renderConsolePage } from "./views/console-layout";

/** The console's dependencies. */
export interface ConsoleDeps {
  readonly db: Kysely<AppTables>;
  readonly payments: Payments;
  /** Counts sign-in attempts (the database: survives restarts, shared by instances). */
  readonly signInLimits: RateLimitStore;
  readonly logger: LinkpayLogger;
  /** The console's own origin, e.g. `https://admin.rental.example`. */
  readonly publicOrigin: string;
  /** Signs the CSRF tokens of the console's forms. */
  readonly secret: string;
  /** `ADMIN_ALLOWED_IPS`; undefined: any address. */
  readonly allowedIps?: readonly string[] | undefined;
  /** Shown in authenticator apps next to the account. */
  readonly totpIssuer: string;
  readonly now: () => Date;
}

/** What routes get besides the dependencies. */
export interface ConsoleRouteDeps extends ConsoleDeps {
  readonly csrf: CsrfProtection;
}

declare global {
  namespace Express {
    interface Locals {
      /** The console session of this request, when there is a live one. */
      consoleSession?: ConsoleSession | undefined;
    }
  }
}

/** Records an action of `staff` in the audit log, from this request's address, at the console's time. */
export function auditAction(
  deps: Pick<ConsoleDeps, "db" | "now">,
  req: Request,
  staff: Pick<Staff, "id" | "email">,
  entry: Omit<StaffAction, "staffId" | "staffEmail" | "ip" | "at">,
): Promise<void> {
  return recordStaffAction(deps.db, {
    ...entry,
    staffId: staff.id,
    staffEmail: staff.email,
    ip: req.ip ?? "",
    at: deps.now(),
  });
}

/** The signed-in session of this request (routes behind `requireSignedIn`). */
export function signedIn(res: Response): ConsoleSession {
  const session = res.locals.consoleSession;
  if (session?.stage !== "signed_in") throw new Error("route is not behind requireSignedIn");
  return session;
}

/** The language of a request and its texts (for handlers that render no form themselves). */
export function consoleTexts(
  req: Request,
  res: Response,
): { readonly lang: Lang; readonly texts: ConsoleTexts } {
  const lang = chooseLanguage(req, res);
  return { lang, texts: CONSOLE_TEXTS[lang] };
}

/** The page context of a request. */
export function consoleContext(
  deps: ConsoleRouteDeps,
  req: Request,
  res: Response,
): ConsolePageContext & { readonly texts: ConsoleTexts } {
  const { lang, texts } = consoleTexts(req, res);
  const session = res.locals.consoleSession;
  const path = req.path.startsWith("/enrol/") ? "/enrol" : req.path;
  return {
    lang,
    texts,
    otherLanguageHref: `${path}?lang=${lang === "ja" ? "en" : "ja"}`,
    nonce: res.locals.cspNonce,
    staff: session?.stage === "signed_in" ? session.staff : undefined,
    csrfToken: deps.csrf.generateToken(req, res),
  };
}

/** Sends a console page (never cached: it holds customer data). */
export function sendConsolePage(res: Response, status: number, html: string): void {
  res.status(status).set("Cache-Control", "no-store").type("html").send(html);
}

/** A page with a title and one message. */
export function sendMessage(
  deps: ConsoleRouteDeps,
  req: Request,
  res: Response,
  input: { readonly status: number; readonly title: string; readonly message: string },
): void {
  const context = consoleContext(deps, req, res);
  const page = (
    <ConsoleLayout context={context} title={input.title}>
      <p class={input.status >= 400 ? "problem" : "ok"}>{input.message}</p>
      {context.staff !== undefined && <a href="/">{context.texts.back}</a>}
    </ConsoleLayout>
  );
  sendConsolePage(res, input.status, renderConsolePage(page));
}

/** Without a signed-in session: GET goes to the sign-in page, anything else gets 401. */
export function requireSignedIn(): RequestHandler {
  return function consoleRequireSignedIn(req, res, next) {
    if (res.locals.consoleSession?.stage === "signed_in") return next();
    if (req.method === "GET" || req.method === "HEAD") return res.redirect(303, "/sign-in");
    res.status(401).set("Cache-Control", "no-store").type("text").send("Sign in first");
  };
}

/** Managers only; a staff member gets 403 and the refusal is in the audit log. */
export function requireManager(deps: ConsoleRouteDeps): RequestHandler {
  return async function consoleRequireManager(req: Request, res: Response, next: NextFunction) {
    const session = signedIn(res);
    if (session.staff.role === "manager") return next();
    await auditAction(deps, req, session.staff, {
      action: `${req.method} ${req.originalUrl.split("?")[0] ?? ""}`.slice(0, 200),
      target: typeof req.params.reference === "string" ? req.params.reference : "-",
      outcome: "refused",
    });
    const { texts } = consoleTexts(req, res);
    sendMessage(deps, req, res, {
      status: 403,
      title: texts.forbiddenTitle,
      message: texts.forbidden,
    });
  };
}

/** A form field as a trimmed string ("" when absent). */
export function formField(req: Request, name: string): string {
  const body: unknown = req.body;
  const value: unknown = typeof body === "object" && body !== null ? Reflect.get(body, name) : "";
  return typeof value === "string" ? value.trim() : "";
}
