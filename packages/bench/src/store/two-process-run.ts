/**
 * @module
 * The 2-process PostgreSQL run: two bench-worker processes each apply half of the events, started
 * together after both are ready; throughput is all events over the slower worker's time. Store
 * and baseline alternate in rounds, as in the single-process run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

function startWorker(args: readonly string[]): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, [join(__dirname, "bench-worker.js"), ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const output = once(child, "close").then(([code]) => {
    if (code !== 0) throw new Error(`bench worker failed (${String(code)})`);
    return stdout;
  });
  return { child, output };
}

async function waitFor(child: ChildProcess, text: string): Promise<void> {
  let seen = "";
  while (!seen.includes(text)) {
    const [chunk] = await once(child.stdout ?? child, "data");
    seen += String(chunk);
  }
}

/** Runs `mode` for items [from, to) in two processes; returns events applied and seconds. */
async function round(
  mode: string,
  url: string,
  events: number,
  from: number,
  to: number,
  lanes: number,
) {
  const middle = Math.floor((from + to) / 2);
  const label = mode === "store" ? "pg2-store" : "pg2-base";
  const workers = [
    [from, middle],
    [middle, to],
  ].map(([a, b]) =>
    startWorker([mode, url, label, String(events), String(a), String(b), String(lanes)]),
  );
  await Promise.all(workers.map((w) => waitFor(w.child, "ready")));
  for (const w of workers) w.child.stdin?.write("go\n");
  const outputs = await Promise.all(workers.map((w) => w.output));
  const reports = outputs.map((text): { events: number; seconds: number } => {
    const last = text.trim().split("\n").at(-1) ?? "{}";
    return JSON.parse(last);
  });
  return {
    events: reports.reduce((sum, r) => sum + r.events, 0),
    seconds: Math.max(...reports.map((r) => r.seconds)),
  };
}

/** Events per second of store and baseline with two processes. */
export async function twoProcessRun(url: string, events: number, rounds: number, lanes: number) {
  const totals = { store: { events: 0, seconds: 0 }, baseline: { events: 0, seconds: 0 } };
  const size = Math.ceil(events / rounds);
  for (let r = 0; r < rounds; r++) {
    const from = r * size;
    const to = Math.min(events, from + size);
    for (const mode of ["baseline", "store"] as const) {
      const result = await round(mode, url, events, from, to, lanes);
      totals[mode].events += result.events;
      totals[mode].seconds += result.seconds;
    }
  }
  return {
    store: totals.store.events / totals.store.seconds,
    baseline: totals.baseline.events / totals.baseline.seconds,
  };
}
