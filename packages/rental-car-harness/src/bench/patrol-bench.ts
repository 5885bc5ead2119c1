/**
 * @module
 * `node packages/rental-car-harness/dist/bench/patrol-bench.js [--runs 10] [--sample-ms 100]`: seconds and
 * memory per patrol run of the demo's shipped pages and journey (`linkpay-patrol.json`), against a
 * bare playwright-core walk of the same pages and steps (`bare-walk.ts`) in the same run. The app
 * and its sandbox run in this process on free ports (SQLite in a temporary directory). Round 0
 * records the patrol's baseline and warms both paths up, untimed; each later round times one
 * patrol run (compared with that baseline) and one bare walk, alternating which goes first.
 * Chromium's memory is sampled from /proc during each run (`patrol-bench-rounds.ts`, `child-memory.ts`); `--sample-ms 0`
 * turns the sampling off, to check it does not slow the runs down.
 *
 * Each run books a car: the patrol expires its own session, the bare walk's is expired through
 * the sandbox API afterwards, and after every round the benchmark waits for the sandbox's
 * `checkout.session.expired` webhooks and checks that no car is still held, so rounds never run
 * out of cars.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PatrolConfig, parsePatrolConfig } from "@linkpay/patrol";
import { createStripeCheckoutReader } from "@linkpay/stripe";
import { APP_PATROL_CONFIG } from "../app-files";
import { machineLine, saveResults } from "./bench-results";
import { type InProcessApp, startInProcessApp } from "./in-process-app";
import { type BareRound, type PatrolRound, patrolReport } from "./patrol-bench-report";
import { bareRound, checkFleetFree, patrolRound } from "./patrol-bench-rounds";
import { timedReader } from "./timed-reader";

function option(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
}

/** The patrol's config: the shipped pages, journey and e-mail, pointed at this app and sandbox. */
function patrolConfig(app: InProcessApp, stateDir: string): PatrolConfig {
  const shipped = JSON.parse(readFileSync(APP_PATROL_CONFIG, "utf8"));
  const origin = app.sandbox.origin;
  return parsePatrolConfig(
    {
      site: app.url,
      pages: shipped.pages,
      journeys: shipped.journeys,
      email: shipped.email,
      provider: {
        type: "stripe",
        secretKey: { env: "PATROL_KEY" },
        apiBaseUrl: origin,
        checkoutOrigins: [origin],
      },
      stateDir,
    },
    // The restricted (read, and expire) twin of the sandbox key, as the demo hands the patrol.
    { baseDir: stateDir, env: { PATROL_KEY: app.sandboxKey.replace(/^sk_/, "rk_") } },
  );
}

function chromiumVersion(config: PatrolConfig): string {
  const path = config.browser.executablePath ?? process.env.LINKPAY_CHROMIUM ?? "/usr/bin/chromium";
  try {
    const out = execFileSync(path, ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    return out.toString().trim();
  } catch {
    return `unknown Chromium at ${path}`;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = option(argv, "--runs", 10);
  const sampleMs = option(argv, "--sample-ms", 100);
  const app = await startInProcessApp();
  const stateDir = mkdtempSync(join(tmpdir(), "patrol-bench-state-"));
  try {
    const config = patrolConfig(app, stateDir);
    const origin = app.sandbox.origin;
    const timed = timedReader(
      createStripeCheckoutReader({
        secretKey: config.provider.secretKey,
        apiBaseUrl: origin,
        checkoutOrigins: [origin],
      }),
    );
    const context = { config, timed, app, sampleMs };
    const first = await patrolRound(context, 0, undefined);
    if (first.problems.length > 0) {
      throw new Error(`round 0 (the baseline) is not clean: ${first.problems.join("; ")}`);
    }
    const baseline = first.snapshot;
    await bareRound(context, 0);
    await checkFleetFree(app, 0);
    process.stderr.write("round 0 (baseline, warm-up) done\n");

    const patrol: PatrolRound[] = [];
    const bare: BareRound[] = [];
    for (let round = 1; round <= runs; round++) {
      const runPatrolSide = async () => {
        const { snapshot: _, ...run } = await patrolRound(context, round, baseline);
        patrol.push(run);
      };
      const runBareSide = async () => {
        bare.push(await bareRound(context, round));
      };
      // Alternate which side goes first, so neither always runs right after the other's cleanup.
      for (const side of round % 2 === 1
        ? [runPatrolSide, runBareSide]
        : [runBareSide, runPatrolSide])
        await side();
      await checkFleetFree(app, round);
      const last = patrol.at(-1);
      process.stderr.write(
        `round ${round}: patrol ${last?.seconds.toFixed(2)} s (${last?.verdict}), bare ${bare.at(-1)?.seconds.toFixed(2)} s\n`,
      );
    }

    const machine = `${machineLine()}, ${chromiumVersion(config)}`;
    process.stdout.write(`${patrolReport({ machine, sampleMs, patrol, bare })}\n`);
    const saved = saveResults("patrol.json", {
      machine,
      settings: { runs, sampleMs },
      patrol,
      bare,
    });
    process.stderr.write(`results: ${saved}\n`);
    if (patrol.some((run) => run.problems.length > 0)) {
      process.stderr.write("some patrol runs were not clean: their times are not comparable\n");
      process.exitCode = 1;
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
