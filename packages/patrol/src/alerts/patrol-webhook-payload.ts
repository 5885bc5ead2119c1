/**
 * @module
 * The JSON body of a patrol webhook, built by the sender and checked by receivers after the
 * signature. Receivers accept codes they do not know, so an older receiver keeps working when a
 * newer patrol adds a finding code.
 */
import * as z from "zod";
import type { Severity } from "../model/findings";
import type { AlertVerdict, PatrolAlert } from "./patrol-alert";

/** The `type` of every patrol webhook body. */
export const PATROL_ALERT_TYPE = "patrol.alert";

/** A finding as sent in a webhook; `code` is a `FindingCode` (or one from a newer patrol). */
export interface PatrolWebhookFinding {
  readonly severity: Severity;
  readonly code: string;
  readonly where: string;
  readonly subject: string;
  readonly message: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The body of a patrol webhook. */
export interface PatrolAlertPayload {
  readonly type: typeof PATROL_ALERT_TYPE;
  readonly runId: string;
  readonly site: string;
  /** When the run happened, ISO 8601. */
  readonly at: string;
  readonly verdict: AlertVerdict;
  readonly findings: readonly PatrolWebhookFinding[];
}

/** Receivers check a verified body against this before trusting its shape. */
export const patrolAlertPayloadSchema: z.ZodType<PatrolAlertPayload> = z.object({
  type: z.literal(PATROL_ALERT_TYPE),
  runId: z.string(),
  site: z.string(),
  at: z.iso.datetime(),
  verdict: z.enum(["critical", "warning"]),
  findings: z.array(
    z.object({
      severity: z.enum(["critical", "warning", "info"]),
      code: z.string(),
      where: z.string(),
      subject: z.string(),
      message: z.string(),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
    }),
  ),
});

/** The webhook body for an alert. */
export function toPatrolAlertPayload(alert: PatrolAlert): PatrolAlertPayload {
  return {
    type: PATROL_ALERT_TYPE,
    runId: alert.runId,
    site: alert.site,
    at: alert.at.toISOString(),
    verdict: alert.verdict,
    findings: alert.findings,
  };
}
