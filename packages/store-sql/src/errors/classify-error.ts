/**
 * @module
 * Sorts the errors better-sqlite3, `pg` and the network raise into what a caller can do about
 * them, and turns them into {@link LinkpayError}s: lock waits, lost connections and server
 * restarts are retryable (STORE_UNAVAILABLE); a missing table means migrations were not run.
 */
import { isLinkpayError, LinkpayError } from "@linkpay/core";

/** What kind of driver failure an error is, or null when it is not a driver error. */
export type DriverFailure =
  /** SQLite's write lock is held elsewhere. */
  | "busy"
  /** The server or file cannot be reached now (down, restarting, connection lost, timeout). */
  | "unavailable"
  /** PostgreSQL gave up a transaction to break a deadlock or a serialization conflict. */
  | "serialization"
  /** A unique constraint refused a row. */
  | "unique"
  /** linkpay's tables are not there: migrations have not been run. */
  | "missing_table"
  /** Any other error the database reported. */
  | "database";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
]);

/** Messages `pg` and `pg-pool` use for a connection that died or could not be made. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /not queryable/,
  /^Client was closed/,
  /Cannot use a pool after calling end/,
  /^Query read timeout/,
];

function postgresFailure(code: string | undefined): DriverFailure {
  if (code === undefined) return "database";
  if (code === "40001" || code === "40P01") return "serialization";
  if (code === "23505") return "unique";
  if (code === "42P01") return "missing_table";
  // 08: connection exception; 53: insufficient resources; 57P0x: shutdown / cannot connect now;
  // 57014: statement timeout; 55P03: lock timeout; 58: system error (I/O).
  if (/^(08|53|58)/.test(code) || /^57P0/.test(code) || code === "57014" || code === "55P03") {
    return "unavailable";
  }
  return "database";
}

function sqliteFailure(code: string, message: string): DriverFailure {
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return "unique";
  }
  if (code === "SQLITE_ERROR" && /^no such table/.test(message)) return "missing_table";
  if (/^SQLITE_(IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM)/.test(code)) return "unavailable";
  return "database";
}

/**
 * Classifies an error raised while talking to the database; null for anything else. Duck-typed,
 * not `instanceof`: errors may come from another realm or another copy of a driver module (a test
 * runner's registry, a bundler), and better-sqlite3 keeps the error class it first loaded.
 */
export function classifyDriverError(error: unknown): DriverFailure | null {
  if (typeof error !== "object" || error === null) return null;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  const message = "message" in error && typeof error.message === "string" ? error.message : "";
  const name = "name" in error ? error.name : undefined;
  if (code !== undefined && (name === "SqliteError" || code.startsWith("SQLITE_"))) {
    return sqliteFailure(code, message);
  }
  // A `pg` DatabaseError, recognised by shape: pg itself is loaded only for PostgreSQL URLs.
  if ("severity" in error && /^[0-9A-Z]{5}$/.test(code ?? "")) {
    return postgresFailure(code);
  }
  if (code !== undefined && NETWORK_CODES.has(code)) return "unavailable";
  if (PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return "unavailable";
  return null;
}

/** True for a failure that happened before the server saw the transaction, or lost it. */
export function isConnectionFailure(error: unknown): boolean {
  const failure = classifyDriverError(error);
  return failure === "unavailable" || failure === "busy";
}

/**
 * Turns a driver error into a LinkpayError (STORE_UNAVAILABLE, STORE_CONFLICT or CONFIG_INVALID);
 * LinkpayErrors and errors thrown by other code (a merchant hook, say) pass through unchanged.
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (isLinkpayError(error)) return error;
  const failure = classifyDriverError(error);
  if (failure === null) return error;
  const sqlState =
    failure !== "busy" &&
    typeof error === "object" &&
    error !== null &&
    "severity" in error &&
    "code" in error &&
    typeof error.code === "string"
      ? error.code
      : undefined;
  const details = { operation, failure, ...(sqlState === undefined ? {} : { sqlState }) };
  switch (failure) {
    case "missing_table":
      return new LinkpayError(
        "CONFIG_INVALID",
        "linkpay's tables are missing: run `linkpay-migrate up` (or store.migrate()) first",
        { cause: error, details },
      );
    case "serialization":
      return new LinkpayError(
        "STORE_CONFLICT",
        "The database aborted a conflicting transaction; retry",
        {
          cause: error,
          details,
        },
      );
    case "busy":
      return new LinkpayError(
        "STORE_UNAVAILABLE",
        "The SQLite database is locked by another writer; try again later",
        { cause: error, details },
      );
    default:
      return new LinkpayError("STORE_UNAVAILABLE", "The payment store failed; try again later", {
        cause: error,
        details,
      });
  }
}

/**
 * Classifies an error from your own queries on the database linkpay's store uses (`store.db`):
 * a lost or refused connection or a locked SQLite file becomes a retryable `STORE_UNAVAILABLE`
 * (503), a deadlock `STORE_CONFLICT`, a missing table `CONFIG_INVALID`; anything else is returned
 * unchanged. Give it to `@linkpay/express`'s error handler as `classify`.
 *
 * @example
 * mountLinkpay(app, { payments, errors: { classify: classifyDatabaseError } });
 */
export function classifyDatabaseError(error: unknown): unknown {
  return toStoreError(error, "app query");
}
