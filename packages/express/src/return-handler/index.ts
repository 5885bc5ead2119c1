/**
 * @module
 * `returnHandler` for the success and cancel URLs. It finds the order the shopper owns through
 * the app's resolver (an unguessable per-order token or the shopper's session; never an order
 * number alone), reads its state, optionally asks the provider about that one session while it
 * is open, and hands the app a status to render. It changes nothing: only webhooks and
 * reconciliation mark an order paid.
 */
import { type CheckoutAttempt, type Logger, type Payments, silentLogger } from "@linkpay/core";
import type { Request, RequestHandler, Response } from "express";
import { HttpError } from "../errors";
import { logAlert, requestLogger } from "../logging";
import { type ReturnStatus, statusFromProvider, statusFromStore } from "./return-status";

export { type ReturnStatus, statusFromProvider, statusFromStore } from "./return-status";

/** What the app renders on its return page. */
export interface ReturnView {
  readonly status: ReturnStatus;
  readonly orderRef: string;
  /** The order's latest attempt, as stored. */
  readonly attempt: CheckoutAttempt;
  /** Whether `status` came from the store, or from asking the provider about the open session. */
  readonly source: "store" | "provider";
}

/** Options of {@link returnHandler}. */
export interface ReturnHandlerOptions {
  readonly payments: Payments;
  /**
   * The order this shopper may see, or null: look up an unguessable per-order token from the
   * return URL, or the order in the shopper's session. Never trust an order number alone.
   */
  readonly resolveOrder: (
    req: Request,
  ) => Promise<string | null | undefined> | string | null | undefined;
  /** Renders the page. Escape everything you print. */
  readonly render: (view: ReturnView, req: Request, res: Response) => Promise<void> | void;
  /** Ask the provider about an open session (one call per visit; rate-limit the route). Default true. */
  readonly askProvider?: boolean | undefined;
  /** The query parameter a provider appends with its session id (Stripe: `session_id`). */
  readonly sessionIdParam?: string | undefined;
  /** Where to log when {@link requestLogging} is not mounted. */
  readonly logger?: Logger | undefined;
}

const notFound = () => new HttpError("ORDER_NOT_FOUND", "No order for this return link");

async function askProvider(
  payments: Payments,
  attempt: CheckoutAttempt,
  log: Logger,
): Promise<ReturnStatus | undefined> {
  const provider = payments.providers.find((candidate) => candidate.id === attempt.provider);
  const sessionId = attempt.providerSessionId;
  if (provider === undefined || sessionId === null) return undefined;
  try {
    const view = await provider.retrieveCheckout({ providerSessionId: sessionId });
    if (view.providerSessionId !== sessionId || view.orderRef !== attempt.orderRef) {
      logAlert(
        log,
        "provider_view_mismatch",
        { provider: provider.id, attemptId: attempt.id },
        "The provider described another session or order than the one asked about",
      );
      return undefined;
    }
    return statusFromProvider(view);
  } catch (error) {
    log.warn(
      { err: error, provider: provider.id, attemptId: attempt.id },
      "return page: provider not reachable",
    );
    return undefined;
  }
}

/**
 * The handler for the success and cancel URLs: resolves the shopper's order, refuses a provider
 * session id that is not this order's (404 `ORDER_NOT_FOUND`, as for no order: nothing revealed),
 * and calls `render` with the status. Sets `Cache-Control: no-store`.
 *
 * @example
 * app.get("/checkout/return", returnRateLimit(), returnHandler({
 *   payments,
 *   resolveOrder: (req) => orders.findRefByReturnToken(String(req.query.t ?? "")),
 *   render: (view, req, res) => res.render("return", { status: view.status }),
 * }));
 */
export function returnHandler(options: ReturnHandlerOptions): RequestHandler {
  const param = options.sessionIdParam ?? "session_id";
  return async function linkpayReturn(req, res, next) {
    res.setHeader("Cache-Control", "no-store");
    const log = requestLogger(req, options.logger ?? silentLogger);
    try {
      const orderRef = await options.resolveOrder(req);
      if (typeof orderRef !== "string" || orderRef === "") throw notFound();
      const attempt = await options.payments.getStatus({ orderRef });
      if (attempt === null) throw notFound();
      const sessionId: unknown = req.query[param];
      if (sessionId !== undefined && sessionId !== attempt.providerSessionId) {
        log.warn({ attemptId: attempt.id }, "return page: session id of another checkout refused");
        throw notFound();
      }
      const stored = statusFromStore(attempt.status);
      const fromProvider =
        stored === "pending" && options.askProvider !== false
          ? await askProvider(options.payments, attempt, log)
          : undefined;
      await options.render(
        {
          status: fromProvider ?? stored,
          orderRef,
          attempt,
          source: fromProvider === undefined ? "store" : "provider",
        },
        req,
        res,
      );
    } catch (error) {
      next(error);
    }
  };
}
