/**
 * @module
 * The delivery log's entries: one per event, endpoint and copy, with every attempt's status code
 * (or error) and timing, and the faults that were applied.
 */

/** Where a delivery stands. */
export type DeliveryStatus =
  /** Held back by the `reorder` fault until the session's next event is sent. */
  | "held"
  /** Waiting out the `delayMs` fault. */
  | "delayed"
  /** Waiting for earlier deliveries to the same endpoint. */
  | "queued"
  /** An attempt is in flight. */
  | "sending"
  /** The last attempt failed; another is scheduled (`nextAttemptAt`). */
  | "retrying"
  /** The endpoint answered 2xx. */
  | "succeeded"
  /** Every attempt failed. */
  | "failed"
  /** Never sent, by the `drop` fault. */
  | "dropped"
  /** The sandbox closed before it finished. */
  | "canceled";

/** One HTTP attempt of a delivery. */
export interface DeliveryAttempt {
  /** 1 for the first attempt. */
  readonly number: number;
  /** When it started (ISO 8601, sandbox clock). */
  readonly startedAt: string;
  readonly durationMs: number;
  /** The endpoint's HTTP status, or null when no response came. */
  readonly statusCode: number | null;
  /** Why no response came (connection refused, timeout), or null. */
  readonly error: string | null;
  /** Whether it was signed with the endpoint's secret (`invalid` under `badSignature`). */
  readonly signature: "valid" | "invalid";
}

/** One delivery of one event to one endpoint. */
export interface DeliveryRecord {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The session the event belongs to (`""` for KOMOJU's `ping`, which belongs to none). */
  readonly sessionId: string;
  /** The endpoint's URL. */
  readonly endpoint: string;
  /** Which copy this is (`duplicate` fault), 1-based, of `copies`. */
  readonly copy: number;
  readonly copies: number;
  /** The faults applied, e.g. `["duplicate x3", "delay 200ms"]`. */
  readonly faults: readonly string[];
  /** The delivery this one re-sends (manual resend), or null. */
  readonly resendOf: string | null;
  readonly createdAt: string;
  status: DeliveryStatus;
  nextAttemptAt: string | null;
  readonly attempts: DeliveryAttempt[];
}

/** True once a delivery will not change any more. */
export function isFinal(status: DeliveryStatus): boolean {
  return (
    status === "succeeded" || status === "failed" || status === "dropped" || status === "canceled"
  );
}

/** Filters of the delivery log. */
export interface DeliveryFilter {
  readonly eventId?: string | undefined;
  readonly sessionId?: string | undefined;
}
