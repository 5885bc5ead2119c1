/**
 * @module
 * Temporary directories for SQLite test files, removed after the suite.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary directory and a function that removes it. */
export function tempDir(label: string): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `linkpay-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A `sqlite:` URL for a new file in `dir`. */
export function sqliteUrl(dir: string, name = "store.db"): string {
  return `sqlite:${join(dir, name)}`;
}
