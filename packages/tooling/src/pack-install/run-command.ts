/**
 * @module
 * Runs a command to completion and returns its output; a non-zero exit becomes an error that
 * carries the command line and everything it printed, so a failing step shows why.
 */
import { spawn } from "node:child_process";

/** A command that exited with a non-zero code (or was killed). */
export class CommandFailed extends Error {
  override readonly name = "CommandFailed";
  constructor(
    readonly commandLine: string,
    readonly output: string,
    exit: string,
  ) {
    super(`\`${commandLine}\` ${exit}\n${output.trimEnd()}`);
  }
}

/** Options of {@link runCommand}. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** Runs `command` with `args`; resolves with stdout, rejects with {@link CommandFailed}. */
export function runCommand(command: string, args: readonly string[], options: RunOptions) {
  const commandLine = [command, ...args].join(" ");
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", (error) => reject(new CommandFailed(commandLine, output, error.message)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new CommandFailed(commandLine, output, `exited with ${signal ?? code}`));
    });
  });
}
