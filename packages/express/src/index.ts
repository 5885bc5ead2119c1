/**
 * @module
 * @linkpay/express: the Express 5 integration of linkpay. A webhook route that verifies raw bytes
 * and answers only after commit, a 303 checkout redirect, a return handler that never marks
 * anything paid, a strict CSP with the providers' origins in `form-action`, CSRF protection,
 * a card-data guard, redacted logging with request ids, one error handler and rate limits.
 * See docs/express.md for the mounting order.
 */
export {
  type CardDataSource,
  type RejectCardDataOptions,
  rejectCardData,
} from "./card-data-guard";
export {
  type CheckoutHandlerOptions,
  checkoutHandler,
  type RedirectToCheckoutOptions,
  redirectToCheckout,
} from "./checkout-redirect";
export {
  CSRF_TOKEN_HEADER,
  type CsrfProtection,
  type CsrfProtectionOptions,
  type CsrfTokenOptions,
  csrfProtection,
  judgeOrigin,
  type OriginPolicy,
  type OriginVerdict,
} from "./csrf";
export {
  type ErrorHandlerOptions,
  errorHandler,
  notFoundHandler,
  type RenderedProblem,
  sendProblem,
} from "./error-handler";
export {
  describeError,
  HTTP_ERROR_CODES,
  HttpError,
  type HttpErrorCode,
  type HttpErrorOptions,
  isHttpError,
  type PublicProblem,
  problemFor,
} from "./errors";
export {
  ALERT_LEVEL,
  type AlertLogger,
  type CreateLoggerOptions,
  createLogger,
  hasAlertLevel,
  isLogger,
  type LinkpayLogger,
  type LinkpayLogLevel,
  logAlert,
  loggerFor,
  REDACTED_HEADER_PATHS,
  REQUEST_ID_HEADER,
  type RequestLoggingOptions,
  requestIdOf,
  requestLogging,
  toCoreLogger,
} from "./logging";
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
  CSP_REPORT_GROUP,
  type CspReportRouteOptions,
  cspReportRoute,
  type ExtensibleDirective,
  type ExtraSources,
  noStore,
  type SecurityHeadersOptions,
  securityHeaders,
} from "./security-headers";
export {
  DEFAULT_WEBHOOK_PATH,
  type WebhookRouteOptions,
  webhookPaths,
  webhookRoute,
} from "./webhook-route";
