/**
 * @module
 * Where the repository is, found from this file so the checks work from `src` (jest) and from
 * `dist` (the command-line scripts) alike.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The nearest directory above `from` holding `pnpm-workspace.yaml`: the repository root. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}
