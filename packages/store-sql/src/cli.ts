#!/usr/bin/env node
/**
 * @module
 * The `linkpay-migrate` executable; see cli/run-cli for the commands.
 */
import { runCli } from "./cli/run-cli";

runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then((code) => {
  process.exitCode = code;
});
