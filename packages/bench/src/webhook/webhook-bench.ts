/**
 * @module
 * `npm run bench:webhook -- [seconds=5] [rounds=3] [connections=10] [--quick] [--cpu-prof <dir>]
 * [--out <file>]`: the linkpay webhook route against a bare Express route that only verifies the
 * Stripe signature with the same SDK, with autocannon on loopback, the same pre-signed payloads
 * (unique event ids) and the same settings. Each round starts every route in a fresh child process
 * (so each store starts empty; see server-process.ts), warms it up on other events, then
 * measures; autocannon runs here.
 * Besides the Markdown on stdout, the results go to `artifacts/bench/webhook.json`.
 */
import { join } from "node:path";
import autocannon from "autocannon";
import { machineLine } from "../results-file";
import { type BenchOptions, parseBenchOptions } from "./bench-options";
import { type BenchPayload, benchPayloads } from "./bench-payloads";
import { benchReport, type Measured } from "./bench-report";
import { BENCH_TARGETS, type BenchTarget } from "./bench-servers";
import { startServer } from "./server-process";
import { saveWebhookResults, webhookResults } from "./webhook-results-file";

/** Events generated per second of load: more than loopback delivers, so no id repeats. */
const MAX_RATE = 15_000;

interface RunSettings {
  readonly options: BenchOptions;
  readonly warmUp: readonly BenchPayload[];
  readonly payloads: readonly BenchPayload[];
}

function load(
  port: number,
  payloads: readonly BenchPayload[],
  duration: number,
  connections: number,
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: "POST",
        path: "/webhooks/stripe",
        setupRequest: (request) => {
          const payload = payloads[next++ % payloads.length];
          if (payload === undefined) return request;
          return {
            ...request,
            body: payload.body,
            headers: { "content-type": "application/json", "stripe-signature": payload.signature },
          };
        },
      },
    ],
  });
}

async function measure(target: BenchTarget, round: number, run: RunSettings): Promise<Measured> {
  const { options } = run;
  const server = await startServer(target, round, options.cpuProfileDirectory);
  try {
    await load(server.port, run.warmUp, options.warmUpSeconds, options.connections);
    const cpuBefore = await server.cpu();
    const result = await load(server.port, run.payloads, options.seconds, options.connections);
    const cpuMicros = (await server.cpu()) - cpuBefore;
    return {
      target,
      round,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      cpuMsPerRequest: cpuMicros / 1000 / Math.max(1, result.requests.total),
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseBenchOptions(argv);
  const run: RunSettings = {
    options,
    warmUp: benchPayloads(options.warmUpSeconds * MAX_RATE, "warmup"),
    payloads: benchPayloads(options.seconds * MAX_RATE, "run"),
  };
  const runs: Measured[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of BENCH_TARGETS) {
      const measured = await measure(target, round, run);
      process.stderr.write(
        `round ${round} ${target}: ${measured.requestsPerSecond.toFixed(0)} req/s, ${(measured.cpuMsPerRequest * 1000).toFixed(0)} µs CPU/request\n`,
      );
      runs.push(measured);
    }
  }
  const file = saveWebhookResults(
    webhookResults(options, argv, run.payloads.length, runs),
    options.out,
  );
  const profiles =
    options.cpuProfileDirectory === undefined
      ? []
      : [
          `CPU profiles: ${join(options.cpuProfileDirectory, "webhook-<route>-round<n>.cpuprofile")}`,
        ];
  process.stdout.write(
    [
      `machine: ${machineLine()}`,
      `load: autocannon, ${options.connections} connections, ${options.seconds} s per run after a ${options.warmUpSeconds} s warm-up, ${options.rounds} rounds, ${run.payloads.length} pre-signed Stripe events`,
      "",
      benchReport(runs, BENCH_TARGETS),
      "",
      `results: ${file}`,
      ...profiles,
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
