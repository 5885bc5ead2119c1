/**
 * @module
 * The reliability run's report: what the shoppers did, what the sandbox delivered and how, what
 * reconciliation recovered, and each invariant's verdict. Returns whether every invariant held.
 */
import type { DeliveryRecord } from "@linkpay/sandbox";
import { reconcilePasses } from "./instance-checks";
import type { Verdict } from "./invariants";
import type { JourneyResult } from "./journeys";

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length;
}

function reconciled(logFiles: readonly string[]): number {
  return logFiles
    .flatMap((file) => reconcilePasses(file))
    .reduce((sum, pass) => sum + pass.changed, 0);
}

/** Prints the report; true when every invariant held. */
export function printReport(input: {
  readonly provider: string;
  readonly results: readonly JourneyResult[];
  readonly verdicts: readonly Verdict[];
  readonly deliveries: readonly DeliveryRecord[];
  readonly faults: readonly string[];
  readonly logFiles: readonly string[];
  readonly loadSeconds: number;
}): boolean {
  const { results, deliveries } = input;
  const rows: [string, string | number][] = [
    ["provider", input.provider],
    ["shoppers", results.length],
    [
      "  paid by card (incl. after a decline or 3-D Secure)",
      count(results, (r) => r.outcome === "paid_by_card"),
    ],
    [
      "  konbini slips (paid later at the store)",
      count(results, (r) => r.outcome === "konbini_slip"),
    ],
    ["  abandoned (expired)", count(results, (r) => r.outcome === "abandoned")],
    ["  sold out", count(results, (r) => r.outcome === "sold_out")],
    ["  failed journeys", count(results, (r) => r.outcome === "failed")],
    ["load time (s)", input.loadSeconds.toFixed(1)],
    ["webhook deliveries", deliveries.length],
    ["  duplicates (extra copies)", count(deliveries, (d) => d.copy > 1)],
    ["  reordered", count(deliveries, (d) => d.faults.some((f) => f.startsWith("reorder")))],
    ["  dropped", count(deliveries, (d) => d.status === "dropped")],
    [
      "  bad signature",
      count(deliveries, (d) => d.attempts.some((a) => a.signature === "invalid")),
    ],
    ["  failed after every retry", count(deliveries, (d) => d.status === "failed")],
    ["attempts changed by reconciliation", reconciled(input.logFiles)],
    ["faults injected", input.faults.join("; ")],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write("\n== counts\n");
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
  process.stdout.write("\n== invariants\n");
  for (const verdict of input.verdicts) {
    process.stdout.write(`${verdict.ok ? "PASS" : "FAIL"}  ${verdict.name}: ${verdict.detail}\n`);
  }
  const problems = results.filter((r) => r.problem !== undefined).slice(0, 10);
  if (problems.length > 0) {
    process.stdout.write("\n== first failed journeys\n");
    for (const r of problems) process.stdout.write(`${r.kind}: ${r.problem}\n`);
  }
  const ok = input.verdicts.every((verdict) => verdict.ok);
  process.stdout.write(`\n${ok ? "every invariant held" : "INVARIANT VIOLATED"}\n`);
  return ok;
}
