/**
 * @module
 * A PostgreSQL server of the run's own (initdb into a temporary directory, its own port), so the
 * run can restart it mid-load without touching the machine's server or other test suites. Uses
 * the machine's PostgreSQL binaries; as root, the server runs as the `postgres` user.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** A running private server. */
export interface OwnPostgres {
  readonly url: string;
  /** Stops and starts it again (fast shutdown: open connections are cut, as in a crash-restart). */
  restart(): void;
  stop(): void;
}

function binDirectory(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql");
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (version === undefined) throw new Error("no PostgreSQL version installed");
  return join(root, version, "bin");
}

function asPostgres(command: string, args: readonly string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [file, fullArgs] = isRoot
    ? ["runuser", ["-u", "postgres", "--", command, ...args]]
    : [command, [...args]];
  execFileSync(file, fullArgs, { stdio: ["ignore", "ignore", "pipe"] });
}

/** Initializes and starts a server in `directory` on `port`. */
export function startOwnPostgres(directory: string, port: number): OwnPostgres {
  const bin = binDirectory();
  const data = join(directory, "pgdata");
  const socket = join(directory, "pgsocket");
  mkdirSync(socket, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(directory, uid, gid);
    chownSync(socket, uid, gid);
  }
  asPostgres(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const options = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  const ctl = (action: string, extra: readonly string[] = []) =>
    asPostgres(join(bin, "pg_ctl"), [action, "-D", data, "-w", "-t", "60", ...extra]);
  ctl("start", ["-o", options, "-l", join(directory, "postgres.log")]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => ctl("restart", ["-m", "fast", "-o", options]),
    stop: () => ctl("stop", ["-m", "fast"]),
  };
}
