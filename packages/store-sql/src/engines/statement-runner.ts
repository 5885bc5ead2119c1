/**
 * @module
 * Runs the store's own hot-path statements (see store/prepared-query) on the connection of the
 * transaction they belong to, without Kysely's per-query layers (executor, connection provider,
 * result plugins): Kysely built and compiled the SQL once, and values are always bound
 * parameters. On SQLite the store has one connection, which its transaction holds (Kysely's
 * driver lends it to one transaction at a time), so statements run on it synchronously; on
 * PostgreSQL they run on the pooled connection Kysely reserved for the transaction.
 */
import type { CompiledQuery, DatabaseConnection, Transaction } from "kysely";
import { type StatementNames, statementName } from "./named-statements";
import type { StatementCache } from "./statement-cache";

/** Runs compiled statements with bound values on one transaction's connection. */
export interface StatementRunner {
  /** The first row a query returns, if any. */
  row<R>(
    query: CompiledQuery,
    parameters: readonly unknown[],
  ): R | undefined | Promise<R | undefined>;
  /** How many rows a write changed. */
  changes(query: CompiledQuery, parameters: readonly unknown[]): number | Promise<number>;
}

/** The runner of one transaction's connection. */
export type RunnerOf = (trx: Transaction<object>) => StatementRunner | Promise<StatementRunner>;

/** SQLite: prepared statements of the store's only connection, run synchronously. */
export function sqliteRunner(prepare: StatementCache): RunnerOf {
  const runner: StatementRunner = {
    row: <R>(query: CompiledQuery, parameters: readonly unknown[]) =>
      prepare(query.sql).get(parameters) as R | undefined,
    changes: (query, parameters) => prepare(query.sql).run(parameters).changes,
  };
  return () => runner;
}

/** A runner on a Kysely connection (its driver's own `executeQuery`). */
function connectionRunner(
  connection: DatabaseConnection,
  named: (query: CompiledQuery) => CompiledQuery,
): StatementRunner {
  return {
    async row<R>(query: CompiledQuery, parameters: readonly unknown[]) {
      return (await connection.executeQuery<R>({ ...named(query), parameters })).rows[0];
    },
    async changes(query, parameters) {
      const result = await connection.executeQuery({ ...named(query), parameters });
      return Number(result.numAffectedRows ?? 0n);
    },
  };
}

/**
 * PostgreSQL: the connection Kysely reserved for the transaction, which `provideConnection` on
 * the transaction's executor hands back (how Kysely's own transaction code reaches it; the
 * method is marked internal in Kysely's typings, so named-statements.test.ts checks on a pool of
 * several connections that the statements share the hook's connection). Each statement's SQL is
 * registered in `names`, so the pool runs it as a named statement.
 */
export function pooledRunner(names: StatementNames): RunnerOf {
  const named = (query: CompiledQuery) => {
    statementName(names, query.sql);
    return query;
  };
  return (trx) =>
    trx.getExecutor().provideConnection(async (connection) => connectionRunner(connection, named));
}
