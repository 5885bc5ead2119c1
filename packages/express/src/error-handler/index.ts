/**
 * @module
 * `errorHandler`: the one place errors become answers. linkpay codes map to their HTTP status and
 * a fixed message; anything unknown is a 500 with a request id. Clients never see a stack trace,
 * an error message or details; the log gets all of it, redacted. A retryable failure (a store
 * that is down for now) is a 503 with `Retry-After`, logged as such rather than as a bug.
 */
import { randomUUID } from "node:crypto";
import { isLinkpayError, type LinkpayError, type Logger } from "@linkpay/core";
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { describeError, HttpError, type PublicProblem } from "../errors";
import { REQUEST_ID_HEADER, requestIdOf, requestLogger } from "../logging";

/** A problem as rendered: what the client may see, plus the request id. */
export interface RenderedProblem extends PublicProblem {
  readonly requestId: string;
}

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  /** Where failures are logged when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
  /** Renders the page for clients that prefer HTML (default: plain text). Escape what you print. */
  readonly renderHtml?:
    | ((problem: RenderedProblem, req: Request, res: Response) => void)
    | undefined;
  /**
   * Turns errors linkpay does not know (a driver's, from the app's own queries) into LinkpayErrors
   * before they are rendered, e.g. `classifyDatabaseError` of `@linkpay/store-sql`; returns
   * anything it does not recognise unchanged. Must not throw.
   */
  readonly classify?: ((error: unknown) => unknown) | undefined;
}

/** How long a client should wait before retrying a retryable failure (a restart takes seconds). */
const RETRY_AFTER_SECONDS = 5;

/**
 * What caused a retryable error, for the log (no stack: it is no bug). Duck-typed: a driver's
 * errors may come from another realm, and an `AggregateError` (every address refused) has no
 * message, only a code.
 */
function causeOf(error: LinkpayError): string | undefined {
  const cause: unknown = error.cause;
  if (typeof cause !== "object" || cause === null) return undefined;
  const message: unknown = Reflect.get(cause, "message");
  if (typeof message === "string" && message !== "") return message;
  const code: unknown = Reflect.get(cause, "code");
  return typeof code === "string" ? code : undefined;
}

/** A refusal's own message, for the log only (a stack adds nothing to a 4xx). */
function reasonOf(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined;
}

function requestIdFor(req: Request, res: Response): string {
  const id = requestIdOf(req) ?? randomUUID();
  if (!res.hasHeader(REQUEST_ID_HEADER)) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Sends `problem` as JSON, HTML (via `renderHtml`) or text, whichever the client prefers. */
export function sendProblem(
  req: Request,
  res: Response,
  problem: RenderedProblem,
  renderHtml?: ErrorHandlerOptions["renderHtml"],
): void {
  res.status(problem.status).setHeader("Cache-Control", "no-store");
  const preferred = req.accepts(["json", "html", "text"]);
  if (preferred === "html" && renderHtml !== undefined) {
    renderHtml(problem, req, res);
    return;
  }
  if (preferred === "json" || preferred === false) {
    const { code, message, requestId } = problem;
    res.json({ error: { code, message, requestId } });
    return;
  }
  res
    .type("text/plain")
    .send(`${problem.message} (${problem.code}, request ${problem.requestId})\n`);
}

/**
 * Renders every error passed to `next`: LinkpayError and HttpError codes with their status
 * (retryable ones as 503 with `Retry-After`), body parser errors as 400/413, anything else as 500
 * `INTERNAL_ERROR`. `classify` runs first, so the app's own driver errors can say "try again".
 * Mount it last.
 *
 * @example
 * app.use(notFoundHandler());
 * app.use(errorHandler({ logger, classify: classifyDatabaseError }));
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  return function linkpayErrorHandler(error: unknown, req, res, next) {
    if (res.headersSent) {
      next(error);
      return;
    }
    const classified = options.classify === undefined ? error : options.classify(error);
    const problem = describeError(classified);
    const requestId = requestIdFor(req, res);
    const log = requestLogger(req, options.logger);
    const fields = { code: problem.code, status: problem.status, requestId };
    const retryable = isLinkpayError(classified) && classified.retryable;
    if (retryable) res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    // A failing merchant hook is retryable (the provider tries again) but is a bug: its stack.
    if (retryable && classified.code !== "HOOK_FAILED") {
      const { message: reason, details } = classified;
      log.warn({ ...fields, reason, details, cause: causeOf(classified) }, "service unavailable");
    } else if (problem.status >= 500) log.error({ ...fields, err: classified }, "request failed");
    else log.warn({ ...fields, reason: reasonOf(classified) }, "request refused");
    sendProblem(req, res, { ...problem, requestId }, options.renderHtml);
  };
}

/** Answers 404 `NOT_FOUND` for anything no route handled (mount before {@link errorHandler}). */
export function notFoundHandler(): RequestHandler {
  return function linkpayNotFound(_req, _res, next) {
    next(new HttpError("NOT_FOUND", "No route matched"));
  };
}
