/**
 * @module
 * `node packages/tooling/dist/esm-wrappers/cli.js`: the build step after `tsc -b` that writes the
 * ES module wrappers of every published package (see write-esm-wrappers).
 */
import { resolve } from "node:path";
import { publishedPackages } from "./published-packages";
import { writeEsmWrappers } from "./write-esm-wrappers";

const root = resolve(__dirname, "../../../..");

try {
  const written = publishedPackages(root).flatMap((pkg) => writeEsmWrappers(pkg.dir));
  process.stdout.write(
    `esm-wrappers: ${written.map((entry) => `${entry.specifier} (${entry.names})`).join(", ")}\n`,
  );
} catch (error) {
  process.stderr.write(`esm-wrappers: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
