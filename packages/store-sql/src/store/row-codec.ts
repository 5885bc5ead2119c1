/**
 * @module
 * Converts between the domain records of `@linkpay/core` and table rows, per engine: timestamps
 * are `Date`s on PostgreSQL and epoch milliseconds on SQLite (both exact to the millisecond);
 * money is integer minor units plus a currency.
 */
import {
  type AuditEntry,
  type CheckoutAttempt,
  LinkpayError,
  money,
  PAYMENT_EVENT_KINDS,
  PAYMENT_STATUSES,
  type PaymentEventKind,
  type PaymentStatus,
  type ReceivedEvent,
} from "@linkpay/core";
import type { Selectable } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { AttemptsTable, AuditTable, EventsTable } from "../schema/tables";

/** An attempt row as read (the lease column is not needed). */
export type AttemptRow = Omit<Selectable<AttemptsTable>, "claimed_until">;
/** An event row as read. */
export type EventRow = Selectable<EventsTable>;
/** An audit row as read. */
export type AuditRow = Selectable<AuditTable>;

function corrupt(what: string): LinkpayError {
  return new LinkpayError("STORE_UNAVAILABLE", `A stored ${what} is not valid`, {
    details: { what },
  });
}

/** Encodes a Date for a query parameter. */
export function encodeTime(dialect: SqlDialectName, date: Date): Date | number {
  return dialect === "postgres" ? date : date.getTime();
}

/** Decodes a stored timestamp. */
export function decodeTime(value: Date | number | string | bigint): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(Number(value));
  if (Number.isNaN(date.getTime())) throw corrupt("timestamp");
  return date;
}

/** Decodes a stored integer (pg returns `bigint` columns as strings). */
export function decodeInteger(value: number | string | bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw corrupt("integer");
  return number;
}

const statuses: ReadonlySet<string> = new Set(PAYMENT_STATUSES);
const kinds: ReadonlySet<string> = new Set([...PAYMENT_EVENT_KINDS, "ignored"]);

function isStatus(value: string): value is PaymentStatus {
  return statuses.has(value);
}

function isKind(value: string): value is PaymentEventKind | "ignored" {
  return kinds.has(value);
}

function status(value: string): PaymentStatus {
  if (!isStatus(value)) throw corrupt("status");
  return value;
}

/** The attempt a row holds. */
export function attemptFromRow(row: AttemptRow): CheckoutAttempt {
  return {
    id: row.id,
    orderRef: row.order_ref,
    sequence: row.sequence,
    provider: row.provider,
    providerSessionId: row.provider_session_id,
    hostedUrl: row.hosted_url,
    amount: money(decodeInteger(row.amount), row.currency),
    status: status(row.status),
    refundedAmount: money(decodeInteger(row.refunded_amount), row.currency),
    expiresAt: decodeTime(row.expires_at),
    createdAt: decodeTime(row.created_at),
    updatedAt: decodeTime(row.updated_at),
    version: row.version,
  };
}

/** The event a row holds. */
export function eventFromRow(row: EventRow): ReceivedEvent {
  if (!isKind(row.kind)) throw corrupt("event kind");
  const outcome = row.outcome;
  if (outcome !== "processed" && outcome !== "ignored" && outcome !== "rejected") {
    throw corrupt("event outcome");
  }
  return {
    provider: row.provider,
    eventId: row.event_id,
    kind: row.kind,
    attemptId: row.attempt_id,
    receivedAt: decodeTime(row.received_at),
    outcome,
    reason: row.reason,
    payloadDigest: row.payload_digest,
    payload: row.payload === null ? null : JSON.parse(row.payload),
  };
}

/** The audit entry a row holds. */
export function auditFromRow(row: AuditRow): AuditEntry {
  return {
    attemptId: row.attempt_id,
    from: status(row.from_status),
    to: status(row.to_status),
    cause: row.cause,
    at: decodeTime(row.at),
  };
}

/** The payload as stored text (JSON), or null when there is none. */
export function encodePayload(payload: unknown): string | null {
  return JSON.stringify(payload) ?? null;
}
