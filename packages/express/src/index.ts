/**
 * @module
 * @linkpay/express: the Express 5 integration of linkpay. `mountLinkpay` installs it all in one
 * call, in the documented order: request logging, the webhook route (raw bytes, 2xx only after
 * commit), CSP reports (and, when configured, their feed for the patrol), security headers with
 * the providers' origins in `form-action`, the app's body parsers, the card-data guard, CSRF
 * protection, the app's routes, 404 and one error handler.
 * The pieces stay public for apps that assemble their own order (see docs/express.md), with the
 * checkout redirect, the return page handler and rate limits for the app's own routes.
 */
export { type RejectCardDataOptions, rejectCardData } from "./card-data-guard";
export {
  type CheckoutHandlerOptions,
  checkoutHandler,
  redirectToCheckout,
} from "./checkout-redirect";
export { type CspReportFeedOptions, cspReportFeed } from "./csp-report-feed";
export {
  browserIdOf,
  CSRF_TOKEN_HEADER,
  type CsrfProtection,
  type CsrfProtectionOptions,
  type CsrfTokenOptions,
  csrfProtection,
} from "./csrf";
export {
  type ErrorHandlerOptions,
  errorHandler,
  notFoundHandler,
  type RenderedProblem,
} from "./error-handler";
export {
  HTTP_ERROR_CODES,
  HttpError,
  type HttpErrorCode,
  type HttpErrorOptions,
  isHttpError,
  type PublicProblem,
} from "./errors";
export {
  ALERT_LEVEL,
  type CreateLoggerOptions,
  createLogger,
  type LinkpayLogger,
  type LinkpayLogLevel,
  REQUEST_ID_HEADER,
  type RequestLoggingOptions,
  requestLogger,
  requestLogging,
} from "./logging";
export {
  type MountedLinkpay,
  type MountLinkpayOptions,
  type MountPart,
  mountLinkpay,
} from "./mount";
export {
  checkoutRateLimit,
  type RateLimitOptions,
  rateLimit,
  returnRateLimit,
} from "./rate-limit";
export {
  type ReturnHandlerOptions,
  type ReturnStatus,
  type ReturnView,
  returnHandler,
} from "./return-handler";
export {
  type CspReportRoute,
  type CspReportRouteOptions,
  cspNonce,
  cspReportRoute,
  type ExtensibleDirective,
  type ExtraSources,
  noStore,
  type SecurityHeadersOptions,
  securityHeaders,
} from "./security-headers";
export { type WebhookRouteOptions, webhookPaths, webhookRoute } from "./webhook-route";
