/**
 * @module
 * The options of `createSqlStore`, validated with zod. A bad option throws CONFIG_INVALID naming
 * the option; the connection string's password is never part of a message.
 */
import { CSP_REPORT_STORE_LIMIT, LinkpayError } from "@linkpay/core";
import * as z from "zod";
import { type ConnectionTarget, parseConnectionUrl } from "./connection-url";

/** What `createSqlStore` accepts. */
export interface SqlStoreOptions {
  /** `sqlite:./data/app.db`, `sqlite::memory:`, `postgres://user:pass@host:5432/db`. */
  readonly url: string;
  /** Prefix of every table and index linkpay creates (default `linkpay_`); `[a-z_][a-z0-9_]*`. */
  readonly tablePrefix?: string | undefined;
  /** How long a writer waits for the SQLite write lock before STORE_UNAVAILABLE (default 5000). */
  readonly busyTimeoutMs?: number | undefined;
  /** PostgreSQL: connections in the pool (default 10). */
  readonly poolSize?: number | undefined;
  /** PostgreSQL: how long to wait for a new connection before STORE_UNAVAILABLE (default 5000). */
  readonly connectTimeoutMs?: number | undefined;
  /** PostgreSQL: extra attempts after a serialization failure or deadlock (default 5). */
  readonly maxTransactionRetries?: number | undefined;
  /** Days raw event payloads are kept by `purgeRawPayloads()` (default 90; null keeps them). */
  readonly rawPayloadRetentionDays?: number | null | undefined;
  /** SQLite `synchronous`: `full` (default) survives power loss; `normal` only process crashes. */
  readonly sqliteSynchronous?: "full" | "normal" | undefined;
  /**
   * PostgreSQL: send the store's webhook statements as named prepared statements, parsed and
   * planned once per connection (default true). Set false behind a pooler that cannot keep them
   * (PgBouncer in transaction mode before 1.21, or without `max_prepared_statements`).
   */
  readonly postgresNamedStatements?: boolean | undefined;
  /** Distinct CSP violations kept; the least recently seen go first (default 1000). */
  readonly cspReportLimit?: number | undefined;
}

/** Options after validation and defaults. */
export interface ResolvedStoreOptions {
  readonly target: ConnectionTarget;
  readonly tablePrefix: string;
  readonly busyTimeoutMs: number;
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  readonly maxTransactionRetries: number;
  readonly rawPayloadRetentionDays: number | null;
  readonly sqliteSynchronous: "full" | "normal";
  readonly postgresNamedStatements: boolean;
  readonly cspReportLimit: number;
}

const optionsSchema = z.strictObject({
  url: z.string({ error: "must be a connection string" }),
  tablePrefix: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,39})?$/, "lower-case letters, digits and _, at most 40")
    .default("linkpay_"),
  busyTimeoutMs: z.number().int().min(0).max(600_000).default(5_000),
  poolSize: z.number().int().min(1).max(1_000).default(10),
  connectTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
  maxTransactionRetries: z.number().int().min(0).max(50).default(5),
  rawPayloadRetentionDays: z.number().int().min(1).max(36_500).nullable().default(90),
  sqliteSynchronous: z.enum(["full", "normal"]).default("full"),
  postgresNamedStatements: z.boolean().default(true),
  cspReportLimit: z.number().int().min(1).max(1_000_000).default(CSP_REPORT_STORE_LIMIT),
});

function invalid(option: string, reason: string): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", `Invalid store option "${option}": ${reason}`, {
    details: { option },
  });
}

/** Validates `createSqlStore` options; throws CONFIG_INVALID naming the first bad option. */
export function resolveStoreOptions(input: SqlStoreOptions): ResolvedStoreOptions {
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue?.path.map(String).join(".") || "options";
    // Zod's messages describe the rule, never the value, so the password stays out.
    const reason = issue?.code === "unrecognized_keys" ? issue.message : (issue?.message ?? "");
    throw invalid(option, reason);
  }
  const { url, ...rest } = parsed.data;
  const target = parseConnectionUrl(url);
  if ("error" in target) throw invalid("url", target.error);
  return { target, ...rest };
}
