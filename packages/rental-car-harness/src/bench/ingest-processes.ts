/**
 * @module
 * The app as real processes (`node dist/main.js` on PostgreSQL with a Stripe webhook secret),
 * and what the benchmark reads about processes from /proc: resident memory (VmRSS) and CPU time
 * (utime + stime) of the app processes, of every PostgreSQL process (with the time of the
 * backends that already exited, from the postmaster's cutime + cstime), of this process (the
 * load generator and the baseline), and of the whole machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { APP_MAIN } from "../app-files";
import { waitForPort } from "../reliability/wait-for-port";
import { clockTicks, cpuSeconds, statFields } from "./process-cpu";

/** The app's secrets for one benchmark run. */
export interface AppSecrets {
  readonly webhookSecret: string;
  readonly sessionSecret: string;
}

/** Fresh secrets. */
export function appSecrets(): AppSecrets {
  return {
    webhookSecret: `whsec_${randomBytes(24).toString("base64url")}`,
    sessionSecret: randomBytes(32).toString("base64url"),
  };
}

/** A running app process. */
export interface AppProcess {
  readonly port: number;
  readonly pid: number;
  readonly url: string;
  /** SIGTERM (the app's clean shutdown) and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node dist/main.js` on `port` against `databaseUrl`; resolves once it accepts
 * connections (its migrations have run by then). The log (stdout) is discarded, as in the
 * checkout benchmark, unless `logFile` is given; `nodeArgs` go before the script (`--cpu-prof`).
 */
export async function startApp(input: {
  readonly databaseUrl: string;
  readonly port: number;
  readonly secrets: AppSecrets;
  readonly nodeArgs?: readonly string[];
  readonly logFd?: number;
}): Promise<AppProcess> {
  const { port, secrets } = input;
  const child: ChildProcess = spawn(process.execPath, [...(input.nodeArgs ?? []), APP_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      // The staff console on a free port of its own: a fixed one would clash between instances.
      CONSOLE_PORT: "0",
      DATABASE_URL: input.databaseUrl,
      STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
      STRIPE_WEBHOOK_SECRET: secrets.webhookSecret,
      // Never called on this path (checkout.session.completed needs no API call); loopback anyway.
      STRIPE_API_URL: "http://127.0.0.1:9",
      SESSION_SECRET: secrets.sessionSecret,
      RECONCILE_INTERVAL_SECONDS: "0",
    },
    stdio: ["ignore", input.logFd ?? "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const failed = exited.then(() => {
    throw new Error(`the app on port ${port} exited during start-up`);
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([waitForPort(port, 60_000), failed]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error("no pid");
  return {
    port,
    pid,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident memory of `pid` in MiB (VmRSS of /proc/<pid>/status). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (match === null) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** CPU seconds of every PostgreSQL process, plus exited backends (via the postmaster). */
function postgresSeconds(): number {
  let total = 0;
  const pids = new Set<string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") pids.add(entry);
    } catch {
      // exited meanwhile
    }
  }
  for (const pid of pids) {
    const parent = statFields(pid)?.[1];
    const postmaster = parent !== undefined && !pids.has(parent);
    total += cpuSeconds(pid, postmaster);
  }
  return total;
}

/** Busy and total CPU seconds of the whole machine (all CPUs), from /proc/stat. */
function machineSeconds(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: (total - idle) / clockTicks(), total: total / clockTicks() };
}

/** CPU counters at one moment. */
export interface CpuSnapshot {
  readonly at: number;
  readonly apps: number;
  readonly postgres: number;
  readonly self: number;
  readonly machineBusy: number;
}

/** CPU seconds so far of `appPids`, of PostgreSQL, of this process and of the machine. */
export function cpuSnapshot(appPids: readonly number[]): CpuSnapshot {
  const self = process.cpuUsage();
  return {
    at: performance.now() / 1000,
    apps: appPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    postgres: postgresSeconds(),
    self: (self.user + self.system) / 1e6,
    machineBusy: machineSeconds().busy,
  };
}

/** CPU used between two snapshots, in seconds (wall: elapsed seconds). */
export interface CpuUse {
  readonly wall: number;
  readonly apps: number;
  readonly postgres: number;
  /** This process: autocannon (and the baseline, in baseline rounds). */
  readonly loadGenerator: number;
  readonly machineBusy: number;
}

/** The CPU used from `before` to `after`. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  return {
    wall: after.at - before.at,
    apps: after.apps - before.apps,
    postgres: after.postgres - before.postgres,
    loadGenerator: after.self - before.self,
    machineBusy: after.machineBusy - before.machineBusy,
  };
}
