/**
 * @module
 * Patrol alerts: the sinks (log, signed webhook, e-mail), delivery to all of them, and the
 * verifier receivers of the webhook use.
 */
export { AlertDeliveryError, type AlertDeliveryErrorCode } from "./alert-delivery-error";
export { createSink, type SinkSpec } from "./create-sink";
export { type LogSinkOptions, logSink } from "./log-sink";
export type { AlertSink, AlertVerdict, PatrolAlert } from "./patrol-alert";
export {
  PATROL_ALERT_TYPE,
  type PatrolAlertPayload,
  type PatrolWebhookFinding,
} from "./patrol-webhook-payload";
export { PATROL_ID_HEADER, PATROL_SIGNATURE_HEADER } from "./patrol-webhook-signature";
export { type SinkOutcome, sendAlerts } from "./send-alerts";
export { type SmtpSinkOptions, smtpSink } from "./smtp-sink";
export { type VerifyPatrolWebhookInput, verifyPatrolWebhook } from "./verify-patrol-webhook";
export type { WebhookSinkOptions } from "./webhook-options";
export { webhookSink } from "./webhook-sink";
