/**
 * @module
 * `createSqlStore`: the durable {@link PaymentStore} on SQLite or PostgreSQL, chosen by the
 * connection string, plus migrations, raw-payload retention and the Kysely instance for the
 * merchant's own tables in the same database.
 */
import type {
  AuditEntry,
  CheckoutAttempt,
  CspReportStore,
  PaymentStore,
  RateLimitStore,
  ReceivedEvent,
} from "@linkpay/core";
import { Kysely } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import { resolveStoreOptions, type SqlStoreOptions } from "../config/store-options";
import { openPostgres } from "../engines/postgres-engine";
import { openSqlite } from "../engines/sqlite-engine";
import { toStoreError } from "../errors/classify-error";
import {
  type MigrationReport,
  type MigrationState,
  migrationStatus,
  runMigrations,
} from "../migrations";
import { TablePrefixPlugin } from "../schema/table-prefix-plugin";
import { type LinkpayTables, type LogicalTable, physicalTables } from "../schema/tables";
import { applyStatements } from "./apply-statements";
import { selectAttempts } from "./attempt-queries";
import { attemptWriteStatements } from "./attempt-write-statements";
import { bindSession, claimStale, insertAttempt } from "./attempt-writes";
import { cspReportOperations } from "./csp-reports";
import { type PurgeOptions, purgeRawPayloads } from "./purge-payloads";
import { rateLimitOperations } from "./rate-limits";
import { refundOperations, refundTransactionOperations } from "./refunds";
import { attemptFromRow, auditFromRow, encodeTime, eventFromRow } from "./row-codec";
import { type SqlTransactionContext, sqlTransaction } from "./sql-transaction";
import type { SqlTransactionHandle } from "./sql-transaction-handle";
import { createTransactionRunner } from "./transaction-runner";

/**
 * A payment store on SQL, with its administration; it also keeps CSP violation reports (pass it as
 * `cspReports: { store }` to `mountLinkpay`).
 */
export interface SqlStore
  extends PaymentStore<SqlTransactionHandle>,
    CspReportStore,
    RateLimitStore {
  readonly dialect: SqlDialectName;
  readonly tablePrefix: string;
  /** The physical (prefixed) name of each linkpay table. */
  readonly tables: Readonly<Record<LogicalTable, string>>;
  /** A Kysely instance on the same database for your own tables (`db.withTables<T>()`). */
  readonly db: Kysely<object>;
  /** Applies pending migrations (safe to run from several instances at once). */
  migrate(): Promise<MigrationReport>;
  /** Every migration and when it was applied. */
  migrationStatus(): Promise<readonly MigrationState[]>;
  /** Drops raw payloads older than the retention (or `olderThan`); returns how many. */
  purgeRawPayloads(options?: PurgeOptions): Promise<number>;
  /** Closes the pool or the database file. */
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * Creates a payment store on SQLite or PostgreSQL. Tables are created by `migrate()` or the
 * `linkpay-migrate up` CLI, never implicitly.
 *
 * @example
 * const store = createSqlStore({ url: "sqlite:./data/app.db" });
 * await store.migrate();
 * const payments = createPayments({ providers, store, urls, hooks: {
 *   onPaid: ({ attempt, tx }) =>
 *     sql`update bookings set paid = true where ref = ${attempt.orderRef}`.execute(tx.db),
 * } });
 */
export function createSqlStore(options: SqlStoreOptions): SqlStore {
  const config = resolveStoreOptions(options);
  const { target, tablePrefix } = config;
  const dialect = target.dialect;
  const engine =
    target.dialect === "sqlite"
      ? openSqlite({
          ...target,
          busyTimeoutMs: config.busyTimeoutMs,
          synchronous: config.sqliteSynchronous,
        })
      : openPostgres({
          ...target,
          poolSize: config.poolSize,
          connectTimeoutMs: config.connectTimeoutMs,
          namedStatements: config.postgresNamedStatements,
        });
  const db = new Kysely<object>({ dialect: engine.dialect });
  const prefix = new TablePrefixPlugin(tablePrefix);
  const linkpay = db.withPlugin(prefix).withTables<LinkpayTables>();
  const run = createTransactionRunner(db, { ...config, dialect });
  const context = {
    dialect,
    prefix,
    statements: attemptWriteStatements(linkpay),
    runnerOf: engine.runnerOf,
  };
  const transactions: SqlTransactionContext = {
    dialect,
    statements: applyStatements(linkpay, dialect),
    refunds: (trx) =>
      refundTransactionOperations(trx.withPlugin(prefix).withTables<LinkpayTables>(), dialect),
  };
  let closed: Promise<void> | undefined;

  async function read<T>(operation: string, query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  const attempts = () => selectAttempts(linkpay, dialect, false);
  const cspReports = cspReportOperations({
    run,
    read,
    db: linkpay,
    dialect,
    prefix,
    maxEntries: config.cspReportLimit,
  });
  const rateLimits = rateLimitOperations({ read, db: linkpay, dialect });
  const refunds = refundOperations({ read, db: linkpay, dialect });

  return {
    dialect,
    tablePrefix,
    tables: physicalTables(tablePrefix),
    db,

    createAttempt: (input, alongside) =>
      run("createAttempt", (trx) => insertAttempt(trx, context, input, alongside)),
    attachSession: (input) => run("attachSession", (trx) => bindSession(trx, context, input)),
    claimStaleAttempts: (input) =>
      run("claimStaleAttempts", (trx) => claimStale(trx, context, input)),
    releaseClaim: ({ attemptId, at }) =>
      run("releaseClaim", async (trx) => {
        // The lease ends now rather than being cleared: when it ended orders the next claims.
        const ended = encodeTime(dialect, at);
        await trx
          .withPlugin(prefix)
          .withTables<LinkpayTables>()
          .updateTable("attempts")
          .set({ claimed_until: ended })
          .where("id", "=", attemptId)
          .where("claimed_until", ">", ended)
          .execute();
      }),
    transaction: (work) =>
      run("transaction", async (trx) =>
        work(sqlTransaction(trx, await engine.runnerOf(trx), transactions)),
      ),

    findLatestAttempt: ({ orderRef }) =>
      read("findLatestAttempt", async (): Promise<CheckoutAttempt | null> => {
        const row = await attempts()
          .where("order_ref", "=", orderRef)
          .orderBy("sequence", "desc")
          .limit(1)
          .executeTakeFirst();
        return row ? attemptFromRow(row) : null;
      }),

    listAttempts: ({ orderRef }) =>
      read("listAttempts", async (): Promise<readonly CheckoutAttempt[]> => {
        const rows = await attempts()
          .where("order_ref", "=", orderRef)
          .orderBy("sequence")
          .execute();
        return rows.map(attemptFromRow);
      }),

    findAttemptBySession: ({ provider, providerSessionId }) =>
      read("findAttemptBySession", async (): Promise<CheckoutAttempt | null> => {
        const row = await attempts()
          .where("provider", "=", provider)
          .where("provider_session_id", "=", providerSessionId)
          .executeTakeFirst();
        return row ? attemptFromRow(row) : null;
      }),

    findEvent: ({ provider, eventId }) =>
      read("findEvent", async (): Promise<ReceivedEvent | null> => {
        const row = await linkpay
          .selectFrom("events")
          .selectAll()
          .where("provider", "=", provider)
          .where("event_id", "=", eventId)
          .executeTakeFirst();
        return row ? eventFromRow(row) : null;
      }),

    listEvents: ({ attemptId }) =>
      read("listEvents", async (): Promise<readonly ReceivedEvent[]> => {
        const rows = await linkpay
          .selectFrom("events")
          .selectAll()
          .where("attempt_id", "=", attemptId)
          .orderBy("received_at")
          .orderBy("event_id")
          .execute();
        return rows.map(eventFromRow);
      }),

    listAudit: ({ attemptId }) =>
      read("listAudit", async (): Promise<readonly AuditEntry[]> => {
        const rows = await linkpay
          .selectFrom("audit")
          .selectAll()
          .where("attempt_id", "=", attemptId)
          .orderBy("id")
          .execute();
        return rows.map(auditFromRow);
      }),

    findRefund: refunds.findRefund,
    updateRefund: refunds.updateRefund,
    listRefunds: refunds.listRefunds,
    findAttemptsAwaitingRefund: refunds.findAttemptsAwaitingRefund,

    recordCspViolations: cspReports.recordCspViolations,
    listCspViolations: cspReports.listCspViolations,
    hitRateLimit: rateLimits.hitRateLimit,
    undoRateLimitHit: rateLimits.undoRateLimitHit,
    resetRateLimit: rateLimits.resetRateLimit,

    migrate: () =>
      runMigrations(
        (work) => run("migrate", (trx) => work(trx.withPlugin(prefix).withTables<LinkpayTables>())),
        { dialect, prefix: tablePrefix },
      ),
    migrationStatus: () => read("migrationStatus", () => migrationStatus(linkpay)),

    purgeRawPayloads: async ({ olderThan } = {}) => {
      const days = config.rawPayloadRetentionDays;
      const cutoff = olderThan ?? (days === null ? null : new Date(Date.now() - days * DAY_MS));
      return cutoff === null ? 0 : purgeRawPayloads(run, context, cutoff);
    },

    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
