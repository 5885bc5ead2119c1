/**
 * @module
 * The {@link CspReportStore} half of the SQL store: an upsert per reported violation (count and
 * last sighting raised on conflict, so several instances can record at once), then, when a new
 * distinct violation arrived, the entries beyond the bound are dropped, least recently seen first.
 */
import type { CspReportStore, CspViolation, StoredCspViolation } from "@linkpay/core";
import { cspViolationFingerprint } from "@linkpay/core/store-kit";
import type { Kysely, KyselyPlugin, Selectable } from "kysely";
import type { SqlDialectName } from "../config/connection-url";
import type { CspReportsTable, LinkpayTables } from "../schema/tables";
import { decodeInteger, decodeTime, encodeTime } from "./row-codec";
import type { TransactionRunner } from "./transaction-runner";

type CspReportRow = Selectable<CspReportsTable>;

/** Far more rows than any bound: the LIMIT that SQLite requires beside OFFSET. */
const ALL_ROWS = 1_000_000_000;

function violationFromRow(row: CspReportRow): StoredCspViolation {
  const disposition = row.disposition === "report" ? "report" : "enforce";
  return {
    documentUrl: row.document_url,
    blockedUrl: row.blocked_url,
    directive: row.directive,
    disposition,
    ...(row.source_file === null ? {} : { sourceFile: row.source_file }),
    ...(row.line === null ? {} : { line: row.line }),
    ...(row.column_number === null ? {} : { column: row.column_number }),
    fingerprint: row.fingerprint,
    count: decodeInteger(row.count),
    firstSeenAt: decodeTime(row.first_seen_at),
    lastSeenAt: decodeTime(row.last_seen_at),
  };
}

/** The CSP report operations over one database. */
export function cspReportOperations(input: {
  readonly run: TransactionRunner;
  readonly read: <T>(operation: string, query: () => Promise<T>) => Promise<T>;
  readonly db: Kysely<LinkpayTables>;
  readonly dialect: SqlDialectName;
  readonly prefix: KyselyPlugin;
  readonly maxEntries: number;
}): CspReportStore {
  const { run, read, db, dialect, prefix, maxEntries } = input;

  async function recordOne(
    trx: Kysely<LinkpayTables>,
    violation: CspViolation,
    at: Date,
  ): Promise<StoredCspViolation> {
    const seenAt = encodeTime(dialect, at);
    const row = await trx
      .insertInto("csp_reports")
      .values({
        fingerprint: cspViolationFingerprint(violation),
        document_url: violation.documentUrl,
        blocked_url: violation.blockedUrl,
        directive: violation.directive,
        disposition: violation.disposition,
        source_file: violation.sourceFile ?? null,
        line: violation.line ?? null,
        column_number: violation.column ?? null,
        count: 1,
        first_seen_at: seenAt,
        last_seen_at: seenAt,
      })
      .onConflict((conflict) =>
        conflict.column("fingerprint").doUpdateSet((eb) => ({
          count: eb("csp_reports.count", "+", 1),
          last_seen_at: eb.ref("excluded.last_seen_at"),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return violationFromRow(row);
  }

  async function prune(trx: Kysely<LinkpayTables>): Promise<void> {
    const beyond = await trx
      .selectFrom("csp_reports")
      .select("fingerprint")
      .orderBy("last_seen_at", "desc")
      .orderBy("first_seen_at", "desc")
      .limit(ALL_ROWS)
      .offset(maxEntries)
      .execute();
    if (beyond.length === 0) return;
    await trx
      .deleteFrom("csp_reports")
      .where(
        "fingerprint",
        "in",
        beyond.map((row) => row.fingerprint),
      )
      .execute();
  }

  return {
    recordCspViolations: ({ violations, at }) =>
      run("recordCspViolations", async (transaction) => {
        const trx = transaction.withPlugin(prefix).withTables<LinkpayTables>();
        const stored: StoredCspViolation[] = [];
        for (const violation of violations) {
          const entry = await recordOne(trx, violation, at);
          if (entry.count === 1) await prune(trx);
          stored.push(entry);
        }
        return stored;
      }),

    listCspViolations: ({ since, limit = 100 } = {}) =>
      read("listCspViolations", async () => {
        let query = db
          .selectFrom("csp_reports")
          .selectAll()
          .orderBy("last_seen_at", "desc")
          .orderBy("first_seen_at", "desc")
          .limit(limit);
        if (since !== undefined)
          query = query.where("last_seen_at", ">=", encodeTime(dialect, since));
        const rows = await query.execute();
        return rows.map(violationFromRow);
      }),
  };
}
