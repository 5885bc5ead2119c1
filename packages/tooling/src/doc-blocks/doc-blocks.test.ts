/**
 * The repository's docs: every ```ts block of README.md, docs/ and the packages' READMEs
 * compiles against the built packages (run `npx tsc -b` first; `npm test` does), and every
 * block left out says why. `npm run docs:check` prints the same outside jest.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { repoRoot } from "../repo-root";
import { formatDiagnostic } from "./check-blocks";
import { checkDocs, type DocsReport } from "./check-docs";

let report: DocsReport;

beforeAll(() => {
  const root = repoRoot();
  if (!existsSync(join(root, "packages", "core", "dist", "index.d.ts"))) {
    throw new Error("The packages are not built: run `npx tsc -b` (npm test does) first");
  }
  report = checkDocs(root);
}, 120_000);

describe("TypeScript blocks in the docs", () => {
  it("finds blocks to check", () => {
    expect(report.blocks.length - report.fragments.length).toBeGreaterThan(0);
  });

  it("marks fragments with a reason, on the line right before the fence", () => {
    const problems = report.markerProblems.map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(problems.join("\n")).toBe("");
  });

  it("compile with strict settings against the built packages", () => {
    expect(report.diagnostics.map(formatDiagnostic).join("\n")).toBe("");
  });
});
