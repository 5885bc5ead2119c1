/**
 * @module
 * Locates compiled scripts (the CLI, test workers) that tests run in child processes, and fails
 * with a clear message when the package has not been built.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const DIST = join(__dirname, "..", "..", "dist");

/** The path of `dist/<relative>`; throws when it is missing. */
export function builtScript(relative: string): string {
  const path = join(DIST, relative);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: build the package first (npx tsc -b packages/store-sql; npm test does)`,
    );
  }
  return path;
}

/** What a finished child process left. */
export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <script> ...args` to completion. */
export function runNode(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
