/**
 * @module
 * The SQLite engine: one better-sqlite3 connection per store, in WAL mode with foreign keys on.
 *
 * Every transaction takes the write lock when it starts (`BEGIN IMMEDIATE`), so two processes
 * on one file never deadlock upgrading a read lock. SQLite's own busy handler waits at most a
 * short slice (so the event loop is never blocked long); the caller retries asynchronously until
 * its `busyTimeoutMs` has passed (see {@link retryWhileBusy}).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { LinkpayError } from "@linkpay/core";
import type Database from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";
import { classifyDriverError } from "../errors/classify-error";
import { loadDriver } from "./load-driver";
import { cachingStatements } from "./statement-cache";

/** How long one lock attempt may block the event loop inside SQLite's own busy handler. */
const BUSY_SLICE_MS = 25;
const BEGIN_IMMEDIATE = CompiledQuery.raw("begin immediate");

/**
 * Runs `start` (which opens a transaction) again while it fails with SQLITE_BUSY before its work
 * began, with jittered backoff, until `busyTimeoutMs` from now; then lets the error surface.
 */
export async function retryWhileBusy<T>(
  busyTimeoutMs: number,
  start: (markBegun: () => void) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + busyTimeoutMs;
  for (let attempt = 0; ; attempt++) {
    let begun = false;
    try {
      return await start(() => {
        begun = true;
      });
    } catch (error) {
      const left = deadline - Date.now();
      if (begun || left <= 0 || classifyDriverError(error) !== "busy") throw error;
      await sleep(Math.min(left, 1 + Math.random() * Math.min(50, 4 * 2 ** attempt)));
    }
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(BEGIN_IMMEDIATE);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Options of {@link openSqlite}. */
export interface SqliteEngineOptions {
  readonly filename: string;
  readonly memory: boolean;
  readonly busyTimeoutMs: number;
  readonly synchronous: "full" | "normal";
}

/** An open SQLite database and the Kysely dialect over it. */
export interface SqliteEngine {
  readonly dialect: SqliteDialect;
  readonly database: Database.Database;
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
  const dialect = new ImmediateSqliteDialect({ database: cachingStatements(database) });
  return { dialect, database };
}
