/**
 * @module
 * `node packages/rental-car-harness/dist/bench/quick-bench.js`: the benchmarks' `--quick` mode,
 * as `.ci/run` runs it. Each benchmark runs briefly (store, webhook route, checkout start, webhook
 * ingest), writes its ratios to `artifacts/bench/<name>.json`, and this runner fails when any ratio
 * is worse than HALF of its target: a guard against large regressions that the noise of a short
 * run on a shared machine cannot trip. The targets and full runs are in docs/benchmarks.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, RESULTS_DIRECTORY } from "./bench-results";
import { parseRatios, type Ratio, verdictOf } from "./quick-ratios";

/** One benchmark in quick mode: its script (from the repository root), arguments and result file. */
interface QuickBench {
  readonly name: string;
  readonly script: string;
  readonly args: readonly string[];
  readonly results: string;
}

const BENCHES: readonly QuickBench[] = [
  {
    name: "store",
    script: "packages/bench/dist/store/store-bench.js",
    args: ["--quick"],
    results: "store.json",
  },
  {
    name: "webhook route",
    script: "packages/bench/dist/webhook/webhook-bench.js",
    args: ["--quick"],
    results: "webhook.json",
  },
  {
    name: "checkout start",
    script: "packages/rental-car-harness/dist/bench/checkout-bench.js",
    args: ["--quick", "--sqlite-only"],
    results: "checkout.json",
  },
  {
    name: "webhook ingest",
    script: "packages/rental-car-harness/dist/bench/webhook-ingest-bench.js",
    args: ["--quick"],
    results: "webhook-ingest.json",
  },
];

function run(bench: QuickBench): readonly Ratio[] {
  const results = join(RESULTS_DIRECTORY, bench.results);
  // A result left by an earlier run must not pass for this one.
  rmSync(results, { force: true });
  process.stderr.write(`== quick bench: ${bench.name}\n`);
  const child = spawnSync(process.execPath, [join(REPO_ROOT, bench.script), ...bench.args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (child.status !== 0) {
    throw new Error(`${bench.name}: the benchmark exited with ${child.status ?? child.signal}`);
  }
  if (!existsSync(results)) throw new Error(`${bench.name}: no results in ${results}`);
  return parseRatios(bench.results, JSON.parse(readFileSync(results, "utf8")));
}

function main(): void {
  const rows: string[] = [];
  let failed = 0;
  for (const bench of BENCHES) {
    for (const ratio of run(bench)) {
      const verdict = verdictOf(ratio);
      if (verdict.status === "regressed") failed += 1;
      rows.push(
        `| ${ratio.path} | ${ratio.value.toFixed(2)}× | ${verdict.target} | ${verdict.floor} | ${verdict.status} |`,
      );
    }
  }
  process.stdout.write(
    [
      "",
      "| path | quick ratio | target | fails beyond | verdict |",
      "| --- | ---: | --- | --- | --- |",
      ...rows,
      "",
    ].join("\n"),
  );
  if (failed > 0) {
    process.stderr.write(`quick bench: ${failed} ratio(s) worse than half their target\n`);
    process.exitCode = 1;
  }
}

main();
