/**
 * @module
 * The tables linkpay keeps, as Kysely sees them under their logical (unprefixed) names. The
 * {@link TablePrefixPlugin} adds the configured prefix when a query is compiled.
 *
 * Engine differences are hidden behind two column kinds: timestamps are `timestamptz` on
 * PostgreSQL (read back as `Date`) and integer epoch milliseconds on SQLite; money is an integer
 * count of minor units (`bigint` on PostgreSQL, read back as a string by `pg`).
 */
import type { ColumnType, Generated } from "kysely";

/** A stored timestamp: written as `Date` (PostgreSQL) or epoch ms (SQLite). */
export type TimeColumn = ColumnType<Date | number | string, Date | number, Date | number>;

/** A stored integer that may exceed 2³¹ (money). */
export type BigIntColumn = ColumnType<number | string | bigint, number, number>;

/** One checkout attempt. */
export type AttemptsTable = {
  id: string;
  order_ref: string;
  sequence: number;
  provider: string;
  provider_session_id: string | null;
  hosted_url: string | null;
  amount: BigIntColumn;
  currency: string;
  status: string;
  refunded_amount: BigIntColumn;
  expires_at: TimeColumn;
  claimed_until: ColumnType<
    Date | number | string | null,
    Date | number | null,
    Date | number | null
  >;
  created_at: TimeColumn;
  updated_at: TimeColumn;
  version: number;
};

/** One received provider event (once per provider + event id). */
export type EventsTable = {
  provider: string;
  event_id: string;
  kind: string;
  attempt_id: string | null;
  received_at: TimeColumn;
  outcome: string;
  reason: string | null;
  payload_digest: string;
  /** The raw payload as JSON text; null once purged by the retention policy. */
  payload: string | null;
};

/** One state change, append-only. */
export type AuditTable = {
  id: Generated<BigIntColumn>;
  attempt_id: string;
  from_status: string;
  to_status: string;
  cause: string;
  at: TimeColumn;
};

/** One distinct CSP violation with how often and when it was reported. */
export type CspReportsTable = {
  fingerprint: string;
  document_url: string;
  blocked_url: string;
  directive: string;
  disposition: string;
  source_file: string | null;
  line: number | null;
  column_number: number | null;
  count: BigIntColumn;
  first_seen_at: TimeColumn;
  last_seen_at: TimeColumn;
};

/** One rate-limited key: its hits in the current window and when that window ends. */
export type RateLimitsTable = {
  key: string;
  hits: number;
  reset_at: TimeColumn;
};

/** One refund asked for through `payments.refund`, and the provider's answer. */
export type RefundsTable = {
  id: string;
  attempt_id: string;
  order_ref: string;
  amount: BigIntColumn;
  currency: string;
  reason: string;
  actor: string;
  idempotency_key: string;
  status: string;
  provider_refund_id: string | null;
  failure_code: string | null;
  created_at: TimeColumn;
  updated_at: TimeColumn;
};

/** Which migrations ran, and when. */
export type MigrationsTable = {
  name: string;
  applied_at: TimeColumn;
};

/** linkpay's tables under their logical names. */
export type LinkpayTables = {
  attempts: AttemptsTable;
  events: EventsTable;
  audit: AuditTable;
  csp_reports: CspReportsTable;
  rate_limits: RateLimitsTable;
  refunds: RefundsTable;
  migrations: MigrationsTable;
};

/** The logical table names, in creation order. */
export const LOGICAL_TABLES = [
  "attempts",
  "events",
  "audit",
  "csp_reports",
  "rate_limits",
  "refunds",
  "migrations",
] as const;

/** A logical table name. */
export type LogicalTable = (typeof LOGICAL_TABLES)[number];

/** The physical name of each table for a prefix. */
export function physicalTables(prefix: string): Readonly<Record<LogicalTable, string>> {
  return {
    attempts: `${prefix}attempts`,
    events: `${prefix}events`,
    audit: `${prefix}audit`,
    csp_reports: `${prefix}csp_reports`,
    rate_limits: `${prefix}rate_limits`,
    refunds: `${prefix}refunds`,
    migrations: `${prefix}migrations`,
  };
}
