/**
 * @module
 * The webhook benchmark's command line: `[seconds=5] [rounds=3] [connections=10]` as positional
 * arguments (as it always took them), `--quick` for the short CI run, `--cpu-prof <dir>` to have
 * V8 profile each server process, and `--out <file>` for where the JSON results go.
 */
import { parseArgs } from "node:util";

/** How the benchmark runs. */
export interface BenchOptions {
  /** Seconds of measured load per route and round. */
  readonly seconds: number;
  /** Alternating rounds (bare, then linkpay, in each). */
  readonly rounds: number;
  readonly connections: number;
  /** Seconds of load on other events before each measured run (JIT warm-up). */
  readonly warmUpSeconds: number;
  readonly quick: boolean;
  /** Directory the server processes write their `.cpuprofile` to, when profiling. */
  readonly cpuProfileDirectory: string | undefined;
  /** The JSON results file, when not the default `artifacts/bench/webhook.json`. */
  readonly out: string | undefined;
}

/** The full run: 5 s × 3 rounds after a 2 s warm-up each. */
const FULL = { seconds: 5, rounds: 3, warmUpSeconds: 2 } as const;

/** `--quick` (CI): 2 s × 3 rounds after a 1 s warm-up; still three rounds so the median means something. */
const QUICK = { seconds: 2, rounds: 3, warmUpSeconds: 1 } as const;

function positiveInteger(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer, got "${text}"`);
  }
  return value;
}

/** Parses `argv` (without node and the script); throws TypeError on anything it does not know. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      quick: { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
      out: { type: "string" },
    },
  });
  if (positionals.length > 3) {
    throw new TypeError(`expected at most [seconds] [rounds] [connections], got ${positionals}`);
  }
  const [seconds, rounds, connections] = positionals;
  const preset = values.quick ? QUICK : FULL;
  return {
    seconds: positiveInteger(seconds, "seconds", preset.seconds),
    rounds: positiveInteger(rounds, "rounds", preset.rounds),
    connections: positiveInteger(connections, "connections", 10),
    warmUpSeconds: preset.warmUpSeconds,
    quick: values.quick,
    cpuProfileDirectory: values["cpu-prof"],
    out: values.out,
  };
}
