/**
 * The published packages' public surface, under review: each package's export list, built from
 * its `.d.ts` files (run `npx tsc -b` first; `npm test` does), must equal the checked-in
 * `packages/<pkg>/api/<pkg>.api.md`, and each package root exports by name, never `export *`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { createTwoFilesPatch } from "diff";
import { repoRoot } from "../repo-root";
import { API_UPDATE_COMMAND, apiReportPath, buildApiReports } from "./api-report";
import { findExportStars } from "./export-star";
import { publishedPackages } from "./published-packages";

const root = repoRoot();
const packages = publishedPackages(root);
const built = new Map<string, string>();

beforeAll(() => {
  for (const { pkg, text } of buildApiReports(packages)) built.set(pkg.name, text);
}, 120_000);

describe.each(packages)("$name", (pkg) => {
  it("has the checked-in export list", () => {
    const file = relative(root, apiReportPath(pkg));
    const checkedIn = existsSync(join(root, file)) ? readFileSync(join(root, file), "utf8") : "";
    const current = built.get(pkg.name) ?? "";
    if (current !== checkedIn) {
      const patch = createTwoFilesPatch(file, file, checkedIn, current, "checked in", "build");
      throw new Error(
        `The public API of ${pkg.name} differs from ${file}:\n\n${patch}\n` +
          `If the change is intended, run \`${API_UPDATE_COMMAND}\` and commit the file.`,
      );
    }
  });

  it("exports by name from its root (no export *)", () => {
    const index = join(pkg.dir, "src", "index.ts");
    const stars = findExportStars(index, readFileSync(index, "utf8")).map(
      (star) => `${relative(root, index)}:${star.line} ${star.text}`,
    );
    expect(stars).toEqual([]);
  });
});
