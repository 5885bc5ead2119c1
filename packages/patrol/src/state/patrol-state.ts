/**
 * @module
 * The patrol's files in its state directory: `baseline.json` (the approved snapshot, with every
 * approval and its justification) and `history/` (one report per run, the oldest dropped beyond a
 * bound). Files are written to a temporary name and renamed, so a crash never leaves half a
 * baseline behind.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LinkpayError } from "@linkpay/core";
import type { Finding } from "../model/findings";
import type { Snapshot } from "../model/snapshot";
import type { PatrolReport } from "../run/run-patrol";

/** One recorded approval: who accepted which findings, when and why. */
export interface Approval {
  readonly at: string;
  readonly reason: string;
  /** The run whose snapshot became the baseline. */
  readonly runId: string;
  readonly accepted: readonly Pick<Finding, "severity" | "code" | "where" | "subject">[];
}

/** The contents of `baseline.json`. */
export interface BaselineFile {
  readonly version: 1;
  readonly snapshot: Snapshot;
  readonly approvals: readonly Approval[];
}

async function writeAtomic(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

async function readJson<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `${path} is not valid JSON: restore it or record a new baseline`,
      { details: { field: path } },
    );
  }
}

/** The state directory of one patrol. */
export interface PatrolState {
  readBaseline(): Promise<BaselineFile | undefined>;
  writeBaseline(baseline: BaselineFile): Promise<void>;
  /** Keeps `report` in the history, dropping the oldest beyond `keep`. */
  recordRun(report: PatrolReport, keep: number): Promise<void>;
  /** The most recent run's report, if any. */
  lastRun(): Promise<PatrolReport | undefined>;
  /** The report of run `runId`, if the history still keeps it. */
  readRun(runId: string): Promise<PatrolReport | undefined>;
  /** The ids of the reports kept, oldest first. */
  history(): Promise<string[]>;
}

/** Opens (creating when missing) the state directory `directory`. */
export async function openPatrolState(directory: string): Promise<PatrolState> {
  const historyDir = join(directory, "history");
  await mkdir(historyDir, { recursive: true, mode: 0o700 });
  const baselinePath = join(directory, "baseline.json");
  const list = async () =>
    (await readdir(historyDir)).filter((name) => name.endsWith(".json")).sort();
  return {
    readBaseline: () => readJson<BaselineFile>(baselinePath),
    writeBaseline: (baseline) => writeAtomic(baselinePath, baseline),
    async recordRun(report, keep) {
      // Run ids start with the UTC time, so names sort oldest first.
      await writeAtomic(join(historyDir, `${report.runId}.json`), report);
      const names = await list();
      for (const name of names.slice(0, Math.max(0, names.length - keep))) {
        await rm(join(historyDir, name), { force: true });
      }
    },
    async lastRun() {
      const name = (await list()).at(-1);
      return name === undefined ? undefined : readJson<PatrolReport>(join(historyDir, name));
    },
    async readRun(runId) {
      // Run ids are the history's file names; nothing else may be read through this.
      if (!/^[\w-]+$/.test(runId)) return undefined;
      return readJson<PatrolReport>(join(historyDir, `${runId}.json`));
    },
    async history() {
      return (await list()).map((name) => name.replace(/\.json$/, ""));
    },
  };
}
