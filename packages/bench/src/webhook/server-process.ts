/**
 * @module
 * A benchmark server in its own process: the parent forks this file with `--serve <target>`, the
 * child serves the route on a free loopback port, reports the port, and answers CPU-time queries
 * so the parent can charge the server's CPU to the requests of one measured run. With a profile
 * directory, V8 profiles the child (`--cpu-prof`) and writes the profile when it exits.
 */
import { type ChildProcess, fork } from "node:child_process";
import { BENCH_TARGETS, type BenchTarget, benchApp } from "./bench-servers";

/** What a server process measures of itself, on request: its CPU time so far, in µs. */
interface CpuReport {
  readonly cpu: number;
}

/** Child mode: serve `target` on a free loopback port, report the port, answer CPU queries. */
async function serve(target: BenchTarget): Promise<void> {
  const app = await benchApp(target);
  const server = app.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
  });
  process.on("message", () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system } satisfies CpuReport);
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: unknown) => {
      child.off("error", reject);
      resolve(message);
    });
  });
}

/** A benchmark server running in its own process. */
export interface Server {
  readonly port: number;
  /** The process's CPU time so far (user + system), in µs. */
  cpu(): Promise<number>;
  /** Stops it and waits for its exit (so a CPU profile is written before the next run). */
  stop(): Promise<void>;
}

export async function startServer(
  target: BenchTarget,
  round: number,
  profileDirectory: string | undefined,
): Promise<Server> {
  // V8 writes the .cpuprofile when the process exits; one file per route and round.
  const execArgv =
    profileDirectory === undefined
      ? []
      : [
          "--cpu-prof",
          "--cpu-prof-dir",
          profileDirectory,
          "--cpu-prof-name",
          `webhook-${target}-round${round}.cpuprofile`,
        ];
  const child = fork(__filename, ["--serve", target], { stdio: "inherit", execArgv });
  const started: unknown = await nextMessage(child);
  const port: unknown =
    typeof started === "object" && started !== null ? Reflect.get(started, "port") : 0;
  return {
    port: Number(port),
    async cpu() {
      const reply = nextMessage(child);
      child.send("cpu");
      const report: unknown = await reply;
      return Number(
        typeof report === "object" && report !== null ? Reflect.get(report, "cpu") : NaN,
      );
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  };
}

if (process.argv[2] === "--serve") {
  const target = BENCH_TARGETS.find((name) => name === process.argv[3]) ?? "bare";
  serve(target).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
