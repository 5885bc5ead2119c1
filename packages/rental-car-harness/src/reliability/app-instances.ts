/**
 * @module
 * App instances as real processes (`node dist/main.js`), each logging to its own file, that the
 * run can kill with SIGKILL and start again.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { APP_MAIN } from "../app-files";
import { waitForPort } from "./wait-for-port";

/** One app instance. */
export interface AppInstance {
  readonly port: number;
  readonly logFile: string;
  /** Starts it (again) and waits until it accepts connections. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, in-flight requests are cut. */
  kill(): Promise<void>;
  /** SIGTERM and wait (the clean shutdown path). */
  stop(): Promise<void>;
}

/** An instance of the app on `port` with `env`, logging to `<directory>/app-<port>.log`. */
export function appInstance(
  directory: string,
  port: number,
  env: Readonly<Record<string, string>>,
): AppInstance {
  const logFile = join(directory, `app-${port}.log`);
  let child: ChildProcess | undefined;
  let log: WriteStream | undefined;

  async function end(signal: NodeJS.Signals): Promise<void> {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill(signal);
    await exited;
    child = undefined;
  }

  return {
    port,
    logFile,
    async start() {
      log ??= createWriteStream(logFile, { flags: "a" });
      const started = spawn(process.execPath, [APP_MAIN], {
        // Each instance's console on a free port: the run does not use it, and two cannot share one.
        env: {
          ...process.env,
          ...env,
          PORT: String(port),
          CONSOLE_PORT: "0",
          NODE_ENV: "development",
          // Shoppers reach the instances through nginx on loopback: their address is in X-Forwarded-For.
          TRUST_PROXY: "loopback",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      started.stdout?.pipe(log, { end: false });
      started.stderr?.pipe(log, { end: false });
      child = started;
      await waitForPort(port, 30_000);
    },
    kill: () => end("SIGKILL"),
    async stop() {
      await end("SIGTERM");
      await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
      log = undefined;
    },
  };
}
