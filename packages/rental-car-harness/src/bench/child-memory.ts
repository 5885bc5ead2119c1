/**
 * @module
 * The memory of this process's descendants (Chromium's browser, zygote, renderer, GPU and
 * utility processes) sampled from /proc while a browser run goes on, and this process's own RSS
 * at the same moments. Each sample sums every descendant's `VmRSS` and `RssAnon`
 * (`/proc/<pid>/status`). The RSS sum counts the pages Chromium's processes share (the mapped
 * binary above all) once per process, so it overstates the browser's footprint; the anonymous sum
 * (heaps, JS, buffers) leaves the file-backed pages out and is the closer figure. PSS
 * (`smaps_rollup`) would split shared pages exactly but costs about 5 ms per process to read, too
 * much to sample every 100 ms beside a timed run. Linux only (needs `/proc/<pid>/task/<tid>/children`);
 * elsewhere the figures stay 0.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Peaks seen between {@link sampleChildMemory} and `stop()`. */
export interface MemoryPeaks {
  /** Highest sum of the descendants' RSS in one sample, in bytes. */
  readonly childRssBytes: number;
  /** Highest sum of the descendants' anonymous resident memory in one sample, in bytes. */
  readonly childAnonBytes: number;
  /** Most descendant processes seen in one sample. */
  readonly childProcesses: number;
  /** This process's highest RSS, in bytes. */
  readonly selfRssBytes: number;
  readonly samples: number;
}

const NOTHING: MemoryPeaks = {
  childRssBytes: 0,
  childAnonBytes: 0,
  childProcesses: 0,
  selfRssBytes: 0,
  samples: 0,
};

/** A running sampler. */
export interface MemorySampler {
  /** Takes a last sample, stops, and returns the peaks. */
  stop(): MemoryPeaks;
}

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    // The process exited between listing and reading: it counts as gone.
    return "";
  }
}

/** Every descendant of `pid`, through each thread's `children` list (any thread may fork). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      for (const child of read(`/proc/${next}/task/${task}/children`).split(" ")) {
        const id = Number(child);
        if (child.trim() === "" || !Number.isInteger(id)) continue;
        found.push(id);
        queue.push(id);
      }
    }
  }
  return found;
}

/** `VmRSS` and `RssAnon` of one process, in bytes (0 once it is gone). */
function resident(pid: number): { rss: number; anon: number } {
  const text = read(`/proc/${pid}/status`);
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  return { rss: kib("VmRSS") * 1024, anon: kib("RssAnon") * 1024 };
}

/** Starts sampling every `intervalMs` (default 100; 0 samples nothing and reports zeros). */
export function sampleChildMemory(options: { readonly intervalMs?: number } = {}): MemorySampler {
  const intervalMs = options.intervalMs ?? 100;
  let childRssBytes = 0;
  let childAnonBytes = 0;
  let childProcesses = 0;
  let selfRssBytes = 0;
  let samples = 0;
  const sample = () => {
    const pids = process.platform === "linux" ? descendants(process.pid) : [];
    let rss = 0;
    let anon = 0;
    for (const pid of pids) {
      const one = resident(pid);
      rss += one.rss;
      anon += one.anon;
    }
    childRssBytes = Math.max(childRssBytes, rss);
    childAnonBytes = Math.max(childAnonBytes, anon);
    childProcesses = Math.max(childProcesses, pids.length);
    selfRssBytes = Math.max(selfRssBytes, process.memoryUsage.rss());
    samples += 1;
  };
  if (intervalMs > 0) sample();
  const timer = intervalMs > 0 ? setInterval(sample, intervalMs) : undefined;
  return {
    stop() {
      if (timer === undefined) return { ...NOTHING };
      clearInterval(timer);
      sample();
      return { childRssBytes, childAnonBytes, childProcesses, selfRssBytes, samples };
    },
  };
}
