#!/usr/bin/env node
/**
 * @module
 * The `linkpay-sandbox` command. See `linkpay-sandbox --help`.
 */
import { once } from "node:events";
import { runCli } from "./cli/run-cli";

const stopSignal = Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]).then(
  () => undefined,
);

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stopSignal,
}).then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `linkpay-sandbox: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
