/**
 * @module
 * A server started for the checkout run (the sandbox, the app): started in its own process group
 * so stopping it also stops what it spawned (`npx` runs the sandbox as a child), ready once it
 * prints the line we wait for, and its output kept for the error message when something fails.
 * Being detached, it would outlive a Ctrl-C of the run: the run calls {@link stopAll} then.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/** A started server. */
export interface LongRunningProcess {
  /** The ready line's regular expression match. */
  readonly ready: RegExpMatchArray;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM to its process group and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options of {@link startProcess}. */
export interface StartOptions {
  readonly name: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** A line on stdout that says it is ready; its match is returned. */
  readonly readyLine: RegExp;
  readonly timeoutMs: number;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** How long a server may take to stop cleanly before its group is killed. */
const STOP_GRACE_MS = 10_000;

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (exited(child) || pid === undefined) return;
  const done = once(child, "exit");
  if (!signalGroup(pid, "SIGTERM")) return;
  const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), STOP_GRACE_MS);
  await done;
  clearTimeout(timer);
}

/** Every started process not yet stopped, for {@link stopAll}. */
const running = new Set<ChildProcess>();

/** Stops every process this module started and has not stopped yet (on Ctrl-C, for instance). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child)));
}

/** Starts `command`, resolving once `readyLine` appears; rejects (and stops it) otherwise. */
export async function startProcess(
  command: string,
  args: readonly string[],
  options: StartOptions,
): Promise<LongRunningProcess> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let output = "";
  let stdout = "";
  const ready = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `${options.name} did not print ${options.readyLine} within ${options.timeoutMs} ms`,
          ),
        ),
      options.timeoutMs,
    );
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      stdout += chunk;
      const match = stdout.match(options.readyLine);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${signal ?? code} before it was ready`));
    });
  });
  try {
    const match = await ready;
    return { ready: match, output: () => output, stop: () => stopGroup(child) };
  } catch (error) {
    await stopGroup(child);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- ${options.name} output ---\n${output.trimEnd()}`);
  }
}
