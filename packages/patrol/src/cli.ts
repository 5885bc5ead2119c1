#!/usr/bin/env node
/**
 * @module
 * `linkpay-patrol`: the command line (see `linkpay-patrol help`). SIGINT and SIGTERM stop `watch`
 * after the current run.
 */
import { runPatrolCli } from "./cli/run-cli";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort());
process.once("SIGTERM", () => controller.abort());

runPatrolCli(process.argv.slice(2), {
  print: (text) => process.stdout.write(text),
  env: process.env,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `linkpay-patrol: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
