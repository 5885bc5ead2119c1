/**
 * @module
 * CSP violation reports: one row per distinct violation (keyed by its fingerprint) with a count
 * and the first and last time it was reported, indexed by last sighting for listing and pruning.
 */
import type { Migration } from "./migration";

/** Creates the `csp_reports` table. */
export const cspReportsMigration: Migration = {
  name: "0002_csp_reports",
  async up(db, { dialect, prefix }) {
    const postgres = dialect === "postgres";
    const time = postgres ? "timestamptz" : "integer";
    await db.schema
      .createTable("csp_reports")
      .addColumn("fingerprint", "text", (c) => c.notNull())
      .addColumn("document_url", "text", (c) => c.notNull())
      .addColumn("blocked_url", "text", (c) => c.notNull())
      .addColumn("directive", "text", (c) => c.notNull())
      .addColumn("disposition", "text", (c) => c.notNull())
      .addColumn("source_file", "text")
      .addColumn("line", "integer")
      .addColumn("column_number", "integer")
      .addColumn("count", postgres ? "bigint" : "integer", (c) => c.notNull())
      .addColumn("first_seen_at", time, (c) => c.notNull())
      .addColumn("last_seen_at", time, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${prefix}csp_reports_pkey`, ["fingerprint"])
      .execute();
    await db.schema
      .createIndex(`${prefix}csp_reports_last_seen_idx`)
      .on("csp_reports")
      .column("last_seen_at")
      .execute();
  },
};
