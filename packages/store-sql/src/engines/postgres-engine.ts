/**
 * @module
 * The PostgreSQL engine: a `pg` pool behind Kysely's dialect. Every client gets an error
 * listener, so a connection that dies (server restart, network cut) never crashes the process;
 * the pool drops broken clients and opens new ones once the server answers again.
 */
import { PostgresDialect } from "kysely";
import type { Pool } from "pg";
import { loadDriver } from "./load-driver";
import { namingPool, type StatementNames } from "./named-statements";
import { pooledRunner, type RunnerOf } from "./statement-runner";

/** Options of {@link openPostgres}. */
export interface PostgresEngineOptions {
  readonly connectionString: string;
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  /** Run the store's hot-path statements as named prepared statements (see named-statements). */
  readonly namedStatements: boolean;
}

/** A pool, the Kysely dialect over it and the store's statement runner. */
export interface PostgresEngine {
  readonly dialect: PostgresDialect;
  readonly pool: Pool;
  readonly runnerOf: RunnerOf;
}

/** Creates the pool (connections open lazily, on first use). */
export function openPostgres(options: PostgresEngineOptions): PostgresEngine {
  const { Pool: PgPool } = loadDriver<typeof import("pg")>("pg");
  const pool = new PgPool({
    connectionString: options.connectionString,
    max: options.poolSize,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: "linkpay",
  });
  // An idle client lost its connection: the pool has already dropped it.
  pool.on("error", () => undefined);
  // A checked-out client lost its connection: its current query fails, so the caller learns it.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
  const names: StatementNames = new Map();
  const dialect = new PostgresDialect({
    pool: options.namedStatements ? namingPool(pool, names) : pool,
  });
  return { dialect, pool, runnerOf: pooledRunner(names) };
}
