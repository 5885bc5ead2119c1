/**
 * @module
 * Which Markdown files hold checked blocks: the README, everything under `docs/`, and each
 * package's README. Repository-relative, `/`-separated and sorted, so reports are stable.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The Markdown files of the repository at `root` whose ```ts blocks are checked. */
export function docFiles(root: string): string[] {
  const files: string[] = [];
  if (existsSync(join(root, "README.md"))) files.push("README.md");
  if (existsSync(join(root, "docs"))) {
    for (const entry of readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })) {
      if (entry.endsWith(".md")) files.push(`docs/${entry.split("\\").join("/")}`);
    }
  }
  if (existsSync(join(root, "packages"))) {
    for (const name of readdirSync(join(root, "packages"))) {
      if (existsSync(join(root, "packages", name, "README.md"))) {
        files.push(`packages/${name}/README.md`);
      }
    }
  }
  return files.sort();
}
