/**
 * @module
 * `node packages/rental-car-harness/dist/bench/charts.js`: draws the benchmark charts in
 * `docs/charts/` from the results the benchmarks left in `artifacts/bench/` (checkout latency
 * distribution; app RSS over webhook deliveries; every throughput ratio against its target). A
 * chart whose results are missing is skipped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, RESULTS_DIRECTORY } from "./bench-results";
import { parseRatios, type Ratio } from "./quick-ratios";
import { renderLineChart, type Series } from "./svg-line-chart";
import { renderRatioChart } from "./svg-ratio-chart";

const CHARTS = join(REPO_ROOT, "docs", "charts");
const PERCENTILES = ["p10", "p25", "p50", "p75", "p90", "p97.5", "p99", "p99.9"];

function read(name: string): unknown {
  const file = join(RESULTS_DIRECTORY, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined;
}

function median<T>(items: readonly T[], by: (item: T) => number): T | undefined {
  return [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)];
}

function checkoutChart(): string | undefined {
  const runs = field(read("checkout.json"), "runs");
  if (!Array.isArray(runs)) return undefined;
  // Every app subject, and one bare route (the others are the same route in other rounds).
  const all = [...new Set(runs.map((run) => String(field(run, "subject"))))];
  const subjects = [
    ...all.filter((name) => !name.startsWith("bare")),
    ...all.filter((name) => name.startsWith("bare")).slice(0, 1),
  ];
  const series: Series[] = subjects.map((subject) => {
    const middle = median(
      runs.filter((run) => field(run, "subject") === subject),
      (run) => Number(field(run, "rps")),
    );
    const percentiles = field(middle, "percentiles");
    return {
      name: subject,
      points: PERCENTILES.map(
        (p, index) => [index, Number(field(percentiles, p) ?? Number.NaN)] as const,
      ),
    };
  });
  return renderLineChart({
    title: "Checkout latency per request, median round",
    xLabel: "percentile",
    yLabel: "latency (ms)",
    series,
    xTicks: PERCENTILES.map((label, at) => ({ at, label })),
  });
}

function memoryChart(): string | undefined {
  const samples = field(read("webhook-memory.json"), "samples");
  if (!Array.isArray(samples)) return undefined;
  return renderLineChart({
    title: "App RSS while receiving webhook deliveries",
    xLabel: "deliveries received",
    yLabel: "RSS (MiB)",
    series: [
      {
        name: "app RSS",
        points: samples.map(
          (sample) =>
            [Number(field(sample, "deliveries")), Number(field(sample, "rssMiB"))] as const,
        ),
      },
    ],
  });
}

/** Every throughput ratio the full runs left, in the order of docs/benchmarks.md. */
function ratiosChart(): string | undefined {
  const ratios: Ratio[] = [];
  for (const name of ["store.json", "webhook.json", "checkout.json", "webhook-ingest.json"]) {
    const results = read(name);
    if (results === undefined) continue;
    ratios.push(...parseRatios(name, results).filter((ratio) => ratio.better === "higher"));
  }
  if (ratios.length === 0) return undefined;
  return renderRatioChart({
    title: "linkpay ÷ its baseline, same run, against the targets",
    ratios,
  });
}

function main(): void {
  mkdirSync(CHARTS, { recursive: true });
  for (const [name, svg] of [
    ["checkout-latency.svg", checkoutChart()],
    ["webhook-rss.svg", memoryChart()],
    ["ratios.svg", ratiosChart()],
  ] as const) {
    if (svg === undefined) {
      process.stdout.write(`skipped ${name}: no results in ${RESULTS_DIRECTORY}\n`);
      continue;
    }
    writeFileSync(join(CHARTS, name), svg);
    process.stdout.write(`wrote docs/charts/${name}\n`);
  }
}

main();
