/**
 * @module
 * Rate-limit counters: one row per limited key with its hits in the current window and when the
 * window ends, indexed by that end so ended windows are deleted in one range scan.
 */
import type { Migration } from "./migration";

/** Creates the `rate_limits` table. */
export const rateLimitsMigration: Migration = {
  name: "0003_rate_limits",
  async up(db, { dialect, prefix }) {
    const postgres = dialect === "postgres";
    await db.schema
      .createTable("rate_limits")
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("hits", "integer", (c) => c.notNull())
      .addColumn("reset_at", postgres ? "timestamptz" : "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${prefix}rate_limits_pkey`, ["key"])
      .execute();
    await db.schema
      .createIndex(`${prefix}rate_limits_reset_idx`)
      .on("rate_limits")
      .column("reset_at")
      .execute();
  },
};
