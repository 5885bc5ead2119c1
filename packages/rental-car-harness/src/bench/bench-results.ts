/**
 * @module
 * Where benchmark results go: a JSON file per benchmark under `artifacts/bench/` at the
 * repository root (git-ignored), read by `charts.ts` to draw the charts in docs/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";

/** The repository root, from this file's place in dist/ or src/. */
export const REPO_ROOT = join(__dirname, "..", "..", "..", "..");

/** The directory benchmark results are written to. */
export const RESULTS_DIRECTORY = join(REPO_ROOT, "artifacts", "bench");

/** Writes `data` as `<RESULTS_DIRECTORY>/<name>`; returns the path. */
export function saveResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const file = join(RESULTS_DIRECTORY, name);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** One line describing the machine, as every report starts. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`;
}
