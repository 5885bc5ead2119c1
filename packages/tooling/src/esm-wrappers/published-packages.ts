/**
 * @module
 * The workspace's published packages: every `packages/*` whose package.json is not private.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A package that goes to npm: its directory and name. */
export interface PublishedPackage {
  readonly dir: string;
  readonly name: string;
}

/** The published packages under `<root>/packages`, sorted by directory. */
export function publishedPackages(root: string): PublishedPackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir)
    .sort()
    .map((folder) => join(packagesDir, folder))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name: string;
        private?: boolean;
      },
    }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name }));
}
