/**
 * @module
 * `npm run api:update`: rewrites every package's export list from the build. Review the diff:
 * it is the change to the public surface.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { repoRoot } from "../repo-root";
import { apiReportPath, buildApiReports } from "./api-report";
import { publishedPackages } from "./published-packages";

const root = repoRoot();
for (const { pkg, text } of buildApiReports(publishedPackages(root))) {
  const file = apiReportPath(pkg);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${relative(root, file)}`);
}
