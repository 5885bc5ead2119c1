/**
 * @module
 * `npm run bench:webhook -- [seconds=5] [rounds=3] [connections=10]`:
 * the linkpay webhook route against a bare Express route that only verifies the Stripe signature
 * with the same SDK, with autocannon on loopback, the same pre-signed payloads (unique event ids)
 * and the same settings. Each round starts every route in a fresh child process (so each store
 * starts empty), warms it up for 2 s on other events, then measures; autocannon runs here.
 */
import { fork } from "node:child_process";
import { availableParallelism, cpus, totalmem } from "node:os";
import autocannon from "autocannon";
import { type BenchPayload, benchPayloads } from "./bench-payloads";
import { benchReport, type Measured } from "./bench-report";
import { BENCH_TARGETS, type BenchTarget, benchApp } from "./bench-servers";

/** Seconds of load before each measured run (JIT warm-up), on their own events. */
const WARM_UP_SECONDS = 2;

/** Events generated per second of load: more than loopback delivers, so no id repeats. */
const MAX_RATE = 15_000;

interface RunSettings {
  readonly seconds: number;
  readonly connections: number;
  readonly warmUp: readonly BenchPayload[];
  readonly payloads: readonly BenchPayload[];
}

/** Child mode: serve `target` on a free loopback port and report the port to the parent. */
async function serve(target: BenchTarget): Promise<void> {
  const app = await benchApp(target);
  const server = app.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

function startServer(target: BenchTarget): Promise<{ port: number; stop: () => void }> {
  const child = fork(__filename, ["--serve", target], { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: unknown) => {
      const port: unknown =
        typeof message === "object" && message !== null ? Reflect.get(message, "port") : 0;
      resolve({ port: Number(port), stop: () => child.disconnect() });
    });
  });
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
  const server = await startServer(target);
  try {
    await load(server.port, run.warmUp, WARM_UP_SECONDS, run.connections);
    const result = await load(server.port, run.payloads, run.seconds, run.connections);
    return {
      target,
      round,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  } finally {
    server.stop();
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const rounds = Number(process.argv[3] ?? 3);
  const connections = Number(process.argv[4] ?? 10);
  const run: RunSettings = {
    seconds,
    connections,
    warmUp: benchPayloads(WARM_UP_SECONDS * MAX_RATE, "warmup"),
    payloads: benchPayloads(seconds * MAX_RATE, "run"),
  };
  const runs: Measured[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const target of BENCH_TARGETS) {
      const measured = await measure(target, round, run);
      process.stderr.write(
        `round ${round} ${target}: ${measured.requestsPerSecond.toFixed(0)} req/s\n`,
      );
      runs.push(measured);
    }
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  process.stdout.write(
    [
      `machine: ${availableParallelism()} CPUs (${cpu}), ${gib} GiB RAM, node ${process.version}`,
      `load: autocannon, ${connections} connections, ${seconds} s per run after a ${WARM_UP_SECONDS} s warm-up, ${rounds} rounds, ${run.payloads.length} pre-signed Stripe events`,
      "",
      benchReport(runs, BENCH_TARGETS),
      "",
    ].join("\n"),
  );
}

if (process.argv[2] === "--serve") {
  const target = BENCH_TARGETS.find((name) => name === process.argv[3]) ?? "bare";
  serve(target).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
