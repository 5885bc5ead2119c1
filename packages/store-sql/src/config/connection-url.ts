/**
 * @module
 * Reads the connection string that picks the engine: `sqlite:<file>`, `sqlite::memory:`,
 * `postgres://…` or `postgresql://…`. Passwords never leave this module unredacted.
 */

/** Which database engine a store runs on. */
export type SqlDialectName = "sqlite" | "postgres";

/** A parsed connection string. */
export type ConnectionTarget =
  | { readonly dialect: "sqlite"; readonly filename: string; readonly memory: boolean }
  | { readonly dialect: "postgres"; readonly connectionString: string };

const SQLITE_SCHEME = "sqlite:";
const POSTGRES_SCHEMES = ["postgres:", "postgresql:"];

/** Parses a connection string; returns a reason (never echoing the string) when it is not one. */
export function parseConnectionUrl(url: string): ConnectionTarget | { readonly error: string } {
  if (url.startsWith(SQLITE_SCHEME)) {
    const filename = url.slice(SQLITE_SCHEME.length);
    if (filename === "") return { error: "sqlite: needs a file path or :memory:" };
    const memory = filename === ":memory:";
    return { dialect: "sqlite", filename, memory };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: "expected sqlite:<file>, sqlite::memory: or postgres://…" };
  }
  if (!POSTGRES_SCHEMES.includes(parsed.protocol)) {
    return { error: `unsupported scheme ${parsed.protocol} (sqlite: or postgres://)` };
  }
  if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
    return { error: "postgres:// needs a host" };
  }
  return { dialect: "postgres", connectionString: url };
}

/** The connection string with any password replaced by `***`, safe to log or print. */
export function redactConnectionUrl(url: string): string {
  if (url.startsWith(SQLITE_SCHEME)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|key/i.test(key)) parsed.searchParams.set(key, "***");
    }
    return parsed.toString();
  } catch {
    return "(unparseable connection string)";
  }
}
