/**
 * @module
 * The SQLite engine: one better-sqlite3 connection per store, in WAL mode with foreign keys on.
 *
 * Every transaction takes the write lock when it starts (`BEGIN IMMEDIATE`), so two processes
 * on one file never deadlock upgrading a read lock. SQLite's own busy handler waits at most a
 * short slice (so the event loop is never blocked long); the caller retries asynchronously until
 * its `busyTimeoutMs` has passed (see {@link busyRetryDelay}).
 */
import { LinkpayError } from "@linkpay/core";
import type Database from "better-sqlite3";
import { type Driver, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from "kysely";
import { classifyDriverError } from "../errors/classify-error";
import { loadDriver } from "./load-driver";
import { cachingStatements, type StatementCache, statementCache } from "./statement-cache";
import { type RunnerOf, sqliteRunner } from "./statement-runner";

/** How long one lock attempt may block the event loop inside SQLite's own busy handler. */
const BUSY_SLICE_MS = 25;

/**
 * How long to wait before starting again a transaction that failed before its work began, or
 * null when it must not be started again: only SQLITE_BUSY is retried (jittered backoff, longer
 * with each `attempt`), and only until `deadline` (epoch ms).
 */
export function busyRetryDelay(error: unknown, attempt: number, deadline: number): number | null {
  const left = deadline - Date.now();
  if (left <= 0 || classifyDriverError(error) !== "busy") return null;
  return Math.min(left, 1 + Math.random() * Math.min(50, 4 * 2 ** attempt));
}

/**
 * Kysely's SQLite driver, but transactions begin with BEGIN IMMEDIATE, and BEGIN, COMMIT and
 * ROLLBACK run on the store's prepared statements directly (there is one connection, which the
 * transaction holds), not as a query object each time.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #prepare: StatementCache;

  constructor(config: SqliteDialectConfig, prepare: StatementCache) {
    super(config);
    this.#prepare = prepare;
  }

  override async beginTransaction(): Promise<void> {
    this.#prepare("begin immediate").run();
  }

  override async commitTransaction(): Promise<void> {
    this.#prepare("commit").run();
  }

  override async rollbackTransaction(): Promise<void> {
    this.#prepare("rollback").run();
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #prepare: StatementCache;

  constructor(config: SqliteDialectConfig, prepare: StatementCache) {
    super(config);
    this.#config = config;
    this.#prepare = prepare;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#prepare);
  }
}

/** Options of {@link openSqlite}. */
export interface SqliteEngineOptions {
  readonly filename: string;
  readonly memory: boolean;
  readonly busyTimeoutMs: number;
  readonly synchronous: "full" | "normal";
}

/** An open SQLite database, the Kysely dialect over it and the store's statement runner. */
export interface SqliteEngine {
  readonly dialect: SqliteDialect;
  readonly database: Database.Database;
  readonly runnerOf: RunnerOf;
}

function openFile(options: SqliteEngineOptions): Database.Database {
  const BetterSqlite3 = loadDriver<typeof Database>("better-sqlite3");
  try {
    return new BetterSqlite3(options.memory ? ":memory:" : options.filename, {
      timeout: Math.min(options.busyTimeoutMs, BUSY_SLICE_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LinkpayError("CONFIG_INVALID", `Invalid store option "url": ${reason}`, {
      cause: error,
      details: { option: "url" },
    });
  }
}

/** Opens (creating if needed) the database file and sets WAL, synchronous, foreign keys. */
export function openSqlite(options: SqliteEngineOptions): SqliteEngine {
  const database = openFile(options);
  if (!options.memory) database.pragma("journal_mode = WAL");
  database.pragma(options.synchronous === "full" ? "synchronous = FULL" : "synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  const prepare = statementCache(database);
  const dialect = new ImmediateSqliteDialect(
    { database: cachingStatements(database, prepare) },
    prepare,
  );
  return { dialect, database, runnerOf: sqliteRunner(prepare) };
}
