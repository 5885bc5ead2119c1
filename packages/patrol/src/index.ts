/**
 * @module
 * @linkpay/patrol: an outside-in watch of the pages that lead to payment. A fresh Chromium visits
 * the site as a shopper does, records scripts, headers and forms as the browser receives them,
 * follows the "go to payment" step and asks the provider whether the page it lands on is a
 * genuine, open session of this merchant for the booking just made and the amount shown. It
 * compares each run with an approved baseline, reads the CSP reports of real shoppers' browsers,
 * checks a manifest of the deployed files, and alerts by log, signed webhook or e-mail.
 */
export {
  AlertDeliveryError,
  type AlertDeliveryErrorCode,
  type AlertSink,
  type AlertVerdict,
  createSink,
  type LogSinkOptions,
  logSink,
  PATROL_ALERT_TYPE,
  PATROL_ID_HEADER,
  PATROL_SIGNATURE_HEADER,
  type PatrolAlert,
  type PatrolAlertPayload,
  type PatrolWebhookFinding,
  type SinkOutcome,
  type SinkSpec,
  type SmtpSinkOptions,
  sendAlerts,
  smtpSink,
  type VerifyPatrolWebhookInput,
  verifyPatrolWebhook,
  type WebhookSinkOptions,
  webhookSink,
} from "./alerts";
export { type CliIo, runPatrolCli } from "./cli/run-cli";
export {
  approveCommand,
  baselineCommand,
  type CommandContext,
  checkCommand,
  PatrolUsageError,
} from "./commands/patrol-commands";
export {
  type Journey,
  type JourneyStep,
  type ParseConfigOptions,
  type PatrolConfig,
  type PatrolConfigFile,
  parsePatrolConfig,
  type ResolvedAlertSpec,
  type ResolvedProviderSpec,
  readPatrolConfig,
  type SecretRef,
} from "./config";
export {
  type FindingsFromCspReportsOptions,
  findingsFromCspReports,
  type ReadCspReportsOptions,
  type ReportedViolation,
  readCspReports,
} from "./csp-reports";
export {
  type CompareCookiesInput,
  type CompareHeadersInput,
  compareCookies,
  compareHeaders,
  parseCsp,
  securityHeaders,
} from "./headers";
export {
  type CreateManifestOptions,
  createManifest,
  type FileManifest,
  fileManifestSchema,
  type ManifestEntry,
  type ManifestFile,
  type ManifestLink,
  type PathPatterns,
  readManifest,
  type VerifyManifestOptions,
  verifyManifest,
  writeManifest,
} from "./manifest";
export {
  exitCodeFor,
  FINDING_CODES,
  type Finding,
  type FindingCode,
  findingKey,
  SEVERITIES,
  type Severity,
  type Verdict,
  verdictOf,
  worstSeverity,
} from "./model/findings";
export type {
  CookieRecord,
  FieldRecord,
  FormRecord,
  NavigationHop,
  PageSnapshot,
  RedirectRecord,
  ScriptRecord,
  SecurityHeaders,
  Snapshot,
} from "./model/snapshot";
export { type CheckRedirectOptions, checkRedirect } from "./redirect/check-redirect";
export { formatReport } from "./report/format-report";
export { type PatrolReport, type RunPatrolOptions, runPatrol } from "./run/run-patrol";
export type { Approval, BaselineFile } from "./state/patrol-state";
export { type WatchOptions, watchPatrol } from "./watch/watch-loop";
