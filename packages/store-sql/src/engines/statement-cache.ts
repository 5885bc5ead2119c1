/**
 * @module
 * Reuses prepared better-sqlite3 statements: Kysely prepares every query it runs, and the store
 * runs the same few statements over and over. The store's own hot-path statements (see
 * statement-runner) share the cache.
 */
import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

const MAX_STATEMENTS = 256;

/** Prepared statements by SQL text, the oldest dropped first beyond {@link MAX_STATEMENTS}. */
export type StatementCache = (sql: string) => Database.Statement;

/** A cache of `database`'s prepared statements. */
export function statementCache(database: Database.Database): StatementCache {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    const cached = statements.get(sql);
    if (cached) return cached;
    const statement = database.prepare(sql);
    if (statements.size >= MAX_STATEMENTS) {
      const oldest = statements.keys().next();
      if (!oldest.done) statements.delete(oldest.value);
    }
    statements.set(sql, statement);
    return statement;
  };
}

/** `database` as Kysely sees it, preparing through `prepare` (a {@link statementCache}). */
export function cachingStatements(
  database: Database.Database,
  prepare: StatementCache,
): SqliteDatabase {
  return { close: () => database.close(), prepare };
}
