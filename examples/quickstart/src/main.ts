/**
 * @module
 * `npm run demo`: prints the quickstart story to the console.
 */
import { runQuickstart } from "./quickstart";

const print = (line: string) => process.stdout.write(`${line}\n`);

print("linkpay quickstart — fake provider, memory store, signed callbacks (no keys needed)\n");
runQuickstart(print).then(
  () => print("\nDone. The rental-car demo app replaces this once it lands."),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
