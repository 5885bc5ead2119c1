/**
 * @module
 * Profiles a piece of work in this process with V8's sampling profiler (the one behind
 * `node --cpu-prof`, through the inspector) and writes a `.cpuprofile` that
 * `cpu-profile-summary` (rental-car harness) or Chrome DevTools can read. The store benchmark
 * profiles extra passes after its timed rounds, so the profiler's cost never reaches the ratios.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

/** Finer than `--cpu-prof`'s 1 ms: a pass takes about a second. */
const SAMPLING_INTERVAL_MICROS = 200;

/** Runs `work` under the profiler and writes `<directory>/<name>.cpuprofile`; returns the path. */
export async function profiled(
  directory: string,
  name: string,
  work: () => Promise<unknown>,
): Promise<string> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_MICROS });
    await session.post("Profiler.start");
    let stopped: Awaited<ReturnType<typeof stop>>;
    const stop = () => session.post("Profiler.stop");
    try {
      await work();
    } finally {
      stopped = await stop();
    }
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(stopped.profile));
    return file;
  } finally {
    session.disconnect();
  }
}
