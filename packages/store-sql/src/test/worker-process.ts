/**
 * @module
 * Starts the compiled apply-worker in a child process, and reads its `hook` lines and summary.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtScript } from "./built-script";
import type { SerializedDelivery } from "./order-scenario";

/** A running worker. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves once the worker printed `count` hook lines (a hook is inside an open transaction). */
  hooksSeen(count: number): Promise<void>;
  /** Resolves when the process ended. */
  readonly done: Promise<WorkerResult>;
}

/** How a worker ended. */
export interface WorkerResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly hooks: number;
  readonly summary: { outcomes: Record<string, number>; errors: Record<string, number> } | null;
  readonly stderr: string;
}

/** Writes deliveries to `dir/name.json`; returns the path. */
export function writeDeliveries(
  dir: string,
  name: string,
  deliveries: readonly SerializedDelivery[],
) {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(deliveries));
  return path;
}

/** Starts `apply-worker <url> <file> <concurrency> <hookDelayMs>`. */
export function startWorker(
  url: string,
  file: string,
  concurrency: number,
  hookDelayMs = 0,
): WorkerProcess {
  const script = builtScript("test/workers/apply-worker.js");
  const child = spawn(process.execPath, [
    script,
    url,
    file,
    String(concurrency),
    String(hookDelayMs),
  ]);
  let stdout = "";
  let stderr = "";
  let hooks = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    hooks = stdout.split("\n").filter((line) => line === "hook").length;
    for (const waiter of waiters) if (hooks >= waiter.count) waiter.resolve();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<WorkerResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      const summary = last.startsWith("{") ? JSON.parse(last) : null;
      resolve({ code, signal, hooks, summary, stderr });
    });
  });
  return {
    child,
    done,
    hooksSeen: (count) =>
      new Promise((resolve, reject) => {
        if (hooks >= count) return resolve();
        waiters.push({ count, resolve });
        done.then(() => reject(new Error(`worker ended after ${hooks} hooks: ${stderr}`)), reject);
      }),
  };
}
