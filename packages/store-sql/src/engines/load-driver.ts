/**
 * @module
 * Loads a database driver only when a URL needs it. `better-sqlite3` and `pg` are optional peer
 * dependencies: a site on PostgreSQL never compiles SQLite's native addon, and a site on SQLite
 * never installs `pg`. A missing driver fails at start, naming the package to install.
 */
import { LinkpayError } from "@linkpay/core";

/** The drivers store-sql can use. */
export type DriverName = "better-sqlite3" | "pg";

const DRIVERS: Readonly<Record<DriverName, { database: string; install: string }>> = {
  "better-sqlite3": { database: "SQLite", install: "npm install better-sqlite3@12" },
  pg: { database: "PostgreSQL", install: "npm install pg" },
};

function isMissing(error: unknown, name: DriverName): boolean {
  if (!(error instanceof Error)) return false;
  const code: unknown = Reflect.get(error, "code");
  // Only the driver itself missing, not a module the driver needs (that is a broken install).
  return code === "MODULE_NOT_FOUND" && error.message.includes(`'${name}'`);
}

/**
 * `require`s `name`, or throws CONFIG_INVALID with the install line when it is not installed.
 * `load` is the resolver (tests pass one that fails).
 */
export function loadDriver<T>(name: DriverName, load: (id: string) => unknown = require): T {
  try {
    return load(name) as T;
  } catch (error) {
    if (!isMissing(error, name)) throw error;
    const { database, install } = DRIVERS[name];
    throw new LinkpayError(
      "CONFIG_INVALID",
      `The store URL is a ${database} URL, but its driver "${name}" is not installed: run ` +
        `\`${install}\` in your app (store-sql lists it as an optional peer dependency)`,
      { cause: error, details: { option: "url", driver: name } },
    );
  }
}
