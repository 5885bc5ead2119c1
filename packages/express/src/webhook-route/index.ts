/**
 * @module
 * `webhookRoute`: `POST /webhooks/:provider`. Reads the raw body itself, lets the provider verify
 * the signature over those exact bytes, applies the event exactly once through
 * `payments.handleWebhook`, and answers 2xx only after the state is committed. Needs no CSRF
 * token, session or cookie: the signature is the authentication.
 */
import { LinkpayError, type Logger, type Payments } from "@linkpay/core";
import express, { type Response, type Router } from "express";
import { requestLogger } from "../logging";
import { rawBodyReader } from "./read-raw-body";
import { logWebhookFailure, webhookFailure } from "./webhook-answer";

/** Options of {@link webhookRoute}. */
export interface WebhookRouteOptions {
  /** The Payments service from `createPayments`. */
  readonly payments: Payments;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
  /** Largest body accepted (bytes or `"256kb"`); larger → 413. Default `"256kb"`. */
  readonly limit?: number | string | undefined;
  /** The route path; must contain `:provider`. Default `/webhooks/:provider`. */
  readonly path?: string | undefined;
}

/** The body of every 2xx answer, serialized once. */
const RECEIVED = JSON.stringify({ received: true });

/** Answers `status` with a JSON body (no ETag: a webhook answer is never cached or compared). */
function answer(res: Response, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}

/** The default webhook path. */
export const DEFAULT_WEBHOOK_PATH = "/webhooks/:provider";

/** The concrete webhook paths for `payments`' providers (for CSRF exemptions, monitoring). */
export function webhookPaths(payments: Payments, path: string = DEFAULT_WEBHOOK_PATH): string[] {
  return payments.providers.map((provider) =>
    path.replace(":provider", encodeURIComponent(provider.id)),
  );
}

function assertOptions(options: WebhookRouteOptions): void {
  if (typeof options?.payments?.handleWebhook !== "function") {
    throw new LinkpayError("CONFIG_INVALID", "webhookRoute needs { payments } from createPayments");
  }
  if (options.path !== undefined && !options.path.includes(":provider")) {
    throw new LinkpayError("CONFIG_INVALID", "webhookRoute's path must contain :provider");
  }
}

/**
 * The webhook router. Mount it before any global body parser and before CSRF protection.
 *
 * Answers: 200 `{ received: true }` for processed, duplicate and ignored events, and for a
 * verified event that does not match its attempt (core logs it as an alert: a retry cannot fix
 * it); 400 `{ error: { code } }` for a missing, malformed or wrong signature, a stale or future
 * timestamp, or a malformed payload; 404 for an unknown provider; 413 beyond `limit`; 500 when a
 * body parser ran first; 503 when the store or a hook failed, so the provider retries.
 *
 * @example
 * const app = express();
 * app.use(webhookRoute({ payments, logger }));   // first: it reads the raw body itself
 * app.use(express.urlencoded({ extended: false }));
 */
export function webhookRoute(options: WebhookRouteOptions): Router {
  assertOptions(options);
  const { payments } = options;
  const readRawBody = rawBodyReader(options.limit ?? "256kb");
  const router = express.Router();

  router.post(options.path ?? DEFAULT_WEBHOOK_PATH, async function linkpayWebhook(req, res) {
    const log = requestLogger(req, options.logger);
    const param: unknown = req.params.provider;
    const provider = typeof param === "string" ? param : "";
    try {
      const read = await readRawBody(req, res);
      if (!read.ok) throw read.error;
      // Core looks the provider up, verifies, applies and logs the outcome (with this request's
      // id); this layer only turns the result into an HTTP answer.
      await payments.handleWebhook({
        provider,
        rawBody: read.body,
        headers: req.headers,
        logger: log,
      });
      answer(res, 200, RECEIVED);
    } catch (error) {
      const failure = webhookFailure(error);
      logWebhookFailure(log, error, failure, provider);
      answer(res, failure.status, JSON.stringify({ error: { code: failure.code } }));
    }
  });
  return router;
}
