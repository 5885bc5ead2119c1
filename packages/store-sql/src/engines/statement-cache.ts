/**
 * @module
 * Reuses prepared better-sqlite3 statements: Kysely prepares every query it runs, and the store
 * runs the same few statements over and over.
 */
import type Database from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

const MAX_STATEMENTS = 256;

/** Wraps a database so `prepare` returns a cached statement for SQL text it has seen. */
export function cachingStatements(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) return cached;
      const statement = database.prepare(sql);
      if (statements.size >= MAX_STATEMENTS) {
        const oldest = statements.keys().next();
        if (!oldest.done) statements.delete(oldest.value);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
