/**
 * @module
 * Where this package's benchmarks leave their results: a JSON file per benchmark under
 * `artifacts/bench/` at the repository root (git-ignored), beside the rental-car harness's, which
 * `npm run bench:quick` and `npm run bench:charts` read. Same idea as the harness's
 * bench-results, which this package cannot import.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";

/** The repository root, from this file's place in `packages/bench/{src,dist}/`. */
const REPO_ROOT = join(__dirname, "..", "..", "..");

/** `artifacts/bench/<name>` at the repository root. */
export function resultsFile(name: string): string {
  return join(REPO_ROOT, "artifacts", "bench", name);
}

/** Writes `data` as JSON to `file`, creating its directory; returns the path. */
export function saveResults(file: string, data: unknown): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** One line describing the machine, as every benchmark report starts. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`;
}
