/**
 * @module
 * The directory of the SQLite file, created before the store opens it (the app and the console's
 * first-manager command both may be the first to open it).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** Creates the directory of a `sqlite:<file>` URL; anything else is left alone. */
export function ensureSqliteDirectory(url: string): void {
  if (!url.startsWith("sqlite:") || url === "sqlite::memory:") return;
  mkdirSync(dirname(url.slice("sqlite:".length)), { recursive: true });
}
