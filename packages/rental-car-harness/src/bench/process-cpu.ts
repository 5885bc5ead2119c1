/**
 * @module
 * CPU time a process has used, from `/proc/<pid>/stat` (Linux): the benchmarks divide the
 * difference over a timed run by the work done, a figure the noise of a shared machine moves far
 * less than throughput.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second (`getconf CLK_TCK`, 100 on Linux). */
export function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name (index 0 = field 3), or undefined if gone. */
export function statFields(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: read after its last ")".
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) `pid` has used; with `children`, also of its reaped children; 0 for
 * a process that has exited meanwhile.
 */
export function cpuSeconds(pid: number | string, children = false): number {
  const fields = statFields(pid);
  if (fields === undefined) return 0;
  // utime, stime, cutime, cstime are fields 14–17 of stat, so 11–14 here.
  const own = Number(fields[11]) + Number(fields[12]);
  const reaped = children ? Number(fields[13]) + Number(fields[14]) : 0;
  return (own + reaped) / clockTicks();
}

/** CPU milliseconds (user + system) `pid` has used so far; NaN when it cannot be read. */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined || statFields(pid) === undefined) return Number.NaN;
  return cpuSeconds(pid) * 1000;
}
