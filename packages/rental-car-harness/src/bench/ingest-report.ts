/**
 * @module
 * The webhook-ingest benchmark's numbers and their Markdown report.
 */
import type { OnceCheck } from "./ingest-database";
import type { CpuUse } from "./ingest-processes";

/** One measured run of one subject in one round. */
export interface RoundRow {
  readonly round: number;
  readonly subject: string;
  readonly events: number;
  /** Answers 200 (app) or committed transactions (baseline). */
  readonly ok: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly other: number;
  readonly errors: number;
  readonly latency?: { readonly p50: number; readonly p90: number; readonly p99: number };
  readonly cpu: CpuUse;
}

/** One memory sample. */
export interface MemorySample {
  readonly deliveries: number;
  readonly seconds: number;
  readonly rssMiB: number;
}

/** Everything one run measured. */
export interface IngestResults {
  readonly machine: string;
  readonly postgres: string;
  readonly command: string;
  readonly settings: Readonly<Record<string, number | boolean | string>>;
  readonly seeding: readonly {
    readonly what: string;
    readonly items: number;
    readonly seconds: number;
  }[];
  readonly ingest: readonly RoundRow[];
  readonly scale: readonly RoundRow[];
  readonly toppedUp: Readonly<Record<string, number>>;
  readonly checks: Readonly<Record<string, OnceCheck>>;
  readonly memory?: MemoryResult | undefined;
  readonly profile?: string | undefined;
  readonly durationSeconds: number;
}

/** The memory run's numbers. */
export interface MemoryResult {
  readonly deliveries: number;
  readonly mix: { readonly paid: number; readonly duplicates: number; readonly ignored: number };
  readonly seconds: number;
  readonly ok: number;
  readonly other: number;
  readonly errors: number;
  readonly startMiB: number;
  readonly warmMiB: number;
  readonly warmAtDeliveries: number;
  readonly endMiB: number;
  readonly peakMiB: number;
  readonly growth: number;
  /** Median RSS over deliveries 10 000–20 000, and over the last 10 000. */
  readonly earlyWindowMiB: number;
  readonly lateWindowMiB: number;
  readonly windowGrowth: number;
  /** The lowest RSS (just after a full collection) over the same two windows. */
  readonly earlyFloorMiB: number;
  readonly lateFloorMiB: number;
  readonly floorGrowth: number;
  /** Least-squares RSS slope after warm-up, MiB per 10 000 deliveries. */
  readonly slopeMiBPer10k: number;
  readonly logBytesPerDelivery: number;
  readonly logLinesPerDelivery: number;
  readonly logSample: readonly string[];
  readonly samples: readonly MemorySample[];
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Summary of one subject's rounds. */
export interface SubjectSummary {
  readonly subject: string;
  readonly medianEventsPerSecond: number;
  /** All events over the summed time. */
  readonly overallEventsPerSecond: number;
  readonly p50?: number;
  readonly p90?: number;
  readonly p99?: number;
  /** CPU ms per event: app processes, PostgreSQL, this process; machine busy share (of 100 %). */
  readonly cpuMsPerEvent: {
    readonly app: number;
    readonly postgres: number;
    readonly bench: number;
  };
  readonly machineBusyShare: number;
}

/** Summarizes the rounds of `subject`. */
export function summarizeSubject(rows: readonly RoundRow[], subject: string, cpus: number) {
  const mine = rows.filter((row) => row.subject === subject);
  const ok = mine.reduce((sum, row) => sum + row.ok, 0);
  const seconds = mine.reduce((sum, row) => sum + row.seconds, 0);
  const cpu = (pick: (use: CpuUse) => number) =>
    (mine.reduce((sum, row) => sum + pick(row.cpu), 0) / Math.max(ok, 1)) * 1000;
  const wall = mine.reduce((sum, row) => sum + row.cpu.wall, 0);
  const latencies = mine.flatMap((row) => (row.latency ? [row.latency] : []));
  const summary: SubjectSummary = {
    subject,
    medianEventsPerSecond: median(mine.map((row) => row.eventsPerSecond)),
    overallEventsPerSecond: ok / seconds,
    ...(latencies.length > 0
      ? {
          p50: median(latencies.map((l) => l.p50)),
          p90: median(latencies.map((l) => l.p90)),
          p99: median(latencies.map((l) => l.p99)),
        }
      : {}),
    cpuMsPerEvent: {
      app: cpu((use) => use.apps),
      postgres: cpu((use) => use.postgres),
      bench: cpu((use) => use.loadGenerator),
    },
    machineBusyShare: mine.reduce((sum, row) => sum + row.cpu.machineBusy, 0) / (wall * cpus),
  };
  return summary;
}

const f0 = (value: number | undefined) => (value === undefined ? "–" : value.toFixed(0));
const f2 = (value: number) => value.toFixed(2);
const pct = (value: number) => `${(value * 100).toFixed(0)} %`;

function roundTable(rows: readonly RoundRow[], cpus: number): string[] {
  return [
    "| round | subject | events/s | 200s (or commits) | other answers | errors | seconds | p50 ms | p90 ms | p99 ms | CPU s: app / postgres / bench | machine busy |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ...rows.map(
      (row) =>
        `| ${row.round} | ${row.subject} | ${f0(row.eventsPerSecond)} | ${row.ok} | ${row.other} | ${row.errors} | ${row.seconds.toFixed(2)} | ${f0(row.latency?.p50)} | ${f0(row.latency?.p90)} | ${f0(row.latency?.p99)} | ${row.cpu.apps.toFixed(1)} / ${row.cpu.postgres.toFixed(1)} / ${row.cpu.loadGenerator.toFixed(1)} | ${pct(row.cpu.machineBusy / (row.cpu.wall * cpus))} |`,
    ),
  ];
}

function summaryTable(summaries: readonly SubjectSummary[], reference: SubjectSummary): string[] {
  return [
    "| subject | events/s (median of rounds) | events/s (all rounds) | × reference | p50 ms | p90 ms | p99 ms | CPU ms/event: app / postgres / bench process | machine busy |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ...summaries.map(
      (s) =>
        `| ${s.subject} | ${f0(s.medianEventsPerSecond)} | ${f0(s.overallEventsPerSecond)} | **${f2(s.medianEventsPerSecond / reference.medianEventsPerSecond)}×** | ${f0(s.p50)} | ${f0(s.p90)} | ${f0(s.p99)} | ${f2(s.cpuMsPerEvent.app)} / ${f2(s.cpuMsPerEvent.postgres)} / ${f2(s.cpuMsPerEvent.bench)} | ${pct(s.machineBusyShare)} |`,
    ),
  ];
}

/** Part 1's target: the app at least this fraction of the baseline's events per second. */
export const INGEST_TARGET = 0.8;

/** Part 2's target: median RSS over the last window at most this much above the early window's. */
export const MEMORY_WINDOW_TARGET = 0.05;

/** The subjects' names. */
export const SUBJECTS = {
  app: "app (HTTP → signature → linkpay → hook)",
  baseline: "raw-driver baseline (pg, same writes)",
  one: "1 app instance",
  two: "2 app instances",
} as const;

/** The Markdown report. */
export function reportMarkdown(results: IngestResults, cpus: number): string {
  const lines: string[] = [
    "# Webhook ingest benchmark (rental-car app on PostgreSQL)",
    "",
    `machine: ${results.machine}`,
    `PostgreSQL: ${results.postgres}`,
    `command: \`${results.command}\``,
    `settings: ${Object.entries(results.settings)
      .map(([key, value]) => `${key} ${value}`)
      .join(", ")}`,
    `seeding: ${results.seeding
      .map(
        (s) =>
          `${s.what}: ${s.items} bookings + attempts in ${s.seconds.toFixed(1)} s (${f0(s.items / s.seconds)}/s)`,
      )
      .join("; ")}`,
    `total time: ${results.durationSeconds.toFixed(0)} s`,
    "",
  ];
  if (results.ingest.length > 0) {
    const app = summarizeSubject(results.ingest, SUBJECTS.app, cpus);
    const baseline = summarizeSubject(results.ingest, SUBJECTS.baseline, cpus);
    const ratio = app.medianEventsPerSecond / baseline.medianEventsPerSecond;
    lines.push(
      "## 1. Webhook ingest end to end vs the raw-driver baseline",
      "",
      ...summaryTable([app, baseline], baseline),
      "",
      `app ÷ baseline (medians): **${f2(ratio)}×** — target ≥ ${f2(INGEST_TARGET)}×: **${ratio >= INGEST_TARGET ? "met" : "missed"}**`,
      "",
      ...roundTable(results.ingest, cpus),
      "",
    );
  }
  if (results.scale.length > 0) {
    const one = summarizeSubject(results.scale, SUBJECTS.one, cpus);
    const two = summarizeSubject(results.scale, SUBJECTS.two, cpus);
    lines.push(
      "## 3. Scale: 1 vs 2 app instances on one PostgreSQL",
      "",
      ...summaryTable([one, two], one),
      "",
      ...roundTable(results.scale, cpus),
      "",
    );
  }
  const memory = results.memory;
  if (memory !== undefined) {
    lines.push(
      "## 2. Memory while receiving webhook deliveries",
      "",
      `${memory.deliveries} deliveries (${memory.mix.paid} new paid checkout.session.completed, ${memory.mix.duplicates} duplicates of applied ones, ${memory.mix.ignored} payment_intent.succeeded) in ${memory.seconds.toFixed(0)} s (${f0(memory.ok / memory.seconds)}/s); ${memory.ok} answered 200, ${memory.other} otherwise, ${memory.errors} errors; log ${f0(memory.logBytesPerDelivery)} bytes / ${memory.logLinesPerDelivery.toFixed(2)} lines per delivery`,
      "",
      "| RSS at start | after the first 10 000 (warm) | at the end | peak | growth after warm-up |",
      "| ---: | ---: | ---: | ---: | ---: |",
      `| ${memory.startMiB.toFixed(1)} MiB | ${memory.warmMiB.toFixed(1)} MiB (at ${memory.warmAtDeliveries}) | ${memory.endMiB.toFixed(1)} MiB | ${memory.peakMiB.toFixed(1)} MiB | **${(memory.growth * 100).toFixed(1)} %** (target < 10 %: **${memory.growth < 0.1 ? "met" : "missed"}**) |`,
      "",
      `Less sensitive to where the garbage-collection sawtooth is at the two sampled moments: median RSS over deliveries 10 000–20 000 ${memory.earlyWindowMiB.toFixed(1)} MiB, over the last 10 000 ${memory.lateWindowMiB.toFixed(1)} MiB (**${(memory.windowGrowth * 100).toFixed(1)} %**, target < ${MEMORY_WINDOW_TARGET * 100} %: **${memory.windowGrowth < MEMORY_WINDOW_TARGET ? "met" : "missed"}**); least-squares slope after warm-up ${memory.slopeMiBPer10k.toFixed(2)} MiB per 10 000 deliveries. Lowest RSS (after a full collection) over the same windows: ${memory.earlyFloorMiB.toFixed(1)} and ${memory.lateFloorMiB.toFixed(1)} MiB (**${(memory.floorGrowth * 100).toFixed(1)} %**).`,
      "",
      "| deliveries | seconds | RSS MiB |",
      "| ---: | ---: | ---: |",
      ...thin(memory.samples, 25).map(
        (s) => `| ${s.deliveries} | ${s.seconds.toFixed(0)} | ${s.rssMiB.toFixed(1)} |`,
      ),
      "",
    );
  }
  lines.push(
    "## Checks",
    "",
    ...Object.entries(results.checks).map(
      ([what, check]) =>
        `- ${what}: ${check.items} bookings — confirmed ${check.confirmed}, with exactly one outbox row ${check.bookingsWithOneOutboxRow} (outbox rows ${check.outboxRows}), paid attempts ${check.paidAttempts}, audit rows into paid ${check.paidAuditRows}, processed events ${check.processedEvents}: **exactly once**`,
    ),
    ...Object.entries(results.toppedUp).map(
      ([what, count]) =>
        `- ${what}: ${count} events not confirmed by the measured load were delivered afterwards (unmeasured)`,
    ),
    "",
  );
  if (results.profile !== undefined)
    lines.push("## CPU profile of the app", "", results.profile, "");
  return lines.join("\n");
}

/** At most `count` samples, evenly spread, first and last kept. */
function thin<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => items[Math.round(i * step)]).filter(
    (item): item is T => item !== undefined,
  );
}
