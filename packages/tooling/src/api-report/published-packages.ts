/**
 * @module
 * The published packages (every `packages/*` whose package.json is not private) and the entry
 * points their `exports` declare, read fresh each time so a new package or subpath is listed
 * without touching this code.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A package that is published, with its public entry points. */
export interface PublishedPackage {
  /** `@linkpay/core`. */
  readonly name: string;
  /** The folder under `packages/`: `core`. */
  readonly folder: string;
  /** Absolute path of the package. */
  readonly dir: string;
  /** Subpaths of `exports` that lead to code, `.` first: `.`, `./testing`. */
  readonly entryPoints: readonly string[];
}

interface PackageJson {
  readonly name?: string;
  readonly private?: boolean;
  readonly exports?: unknown;
}

/** The subpaths of an `exports` field that lead to code (not `./package.json`), `.` first. */
export function entryPointsOf(exportsField: unknown): string[] {
  if (
    exportsField === undefined ||
    typeof exportsField === "string" ||
    Array.isArray(exportsField)
  ) {
    return ["."];
  }
  if (typeof exportsField !== "object" || exportsField === null) return ["."];
  const keys = Object.keys(exportsField);
  // `{ "types": …, "default": … }` without subpaths is the root's conditions.
  if (!keys.some((key) => key.startsWith("."))) return ["."];
  const entries = keys.filter((key) => {
    if (key.includes("*")) {
      throw new Error(`exports "${key}": subpath patterns cannot be listed; name each subpath`);
    }
    return targetsOf((exportsField as Record<string, unknown>)[key]).some(
      (t) => !t.endsWith(".json"),
    );
  });
  return entries.sort((a, b) => (a === "." ? -1 : b === "." ? 1 : a < b ? -1 : 1));
}

/** Every file path a conditional export can lead to. */
function targetsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(targetsOf);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(targetsOf);
  return [];
}

/** The published packages under `root/packages`, sorted by folder. */
export function publishedPackages(root: string): PublishedPackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir)
    .filter((folder) => existsSync(join(packagesDir, folder, "package.json")))
    .sort()
    .flatMap((folder) => {
      const dir = join(packagesDir, folder);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
      if (manifest.private === true || manifest.name === undefined) return [];
      return [{ name: manifest.name, folder, dir, entryPoints: entryPointsOf(manifest.exports) }];
    });
}
