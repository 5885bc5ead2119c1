/**
 * @module
 * publint and are-the-types-wrong on each tarball, pinned, fetched by `npx -y` (nothing to install
 * in the workspace). Both exit non-zero on errors, which fails the run with their output.
 *
 * Ignored: attw's `node10` resolution (profile `node16`). Subpaths such as `@linkpay/core/testing`
 * exist only in `exports`, which `moduleResolution: node10` does not read; TypeScript 6 deprecates
 * node10, and our packages need Node.js 20, where every resolver reads `exports`.
 */
import { runCommand } from "./run-command";

const PUBLINT = "publint@0.3.25";
const ATTW = "@arethetypeswrong/cli@0.18.5";

/** Runs both linters on `tarball`; returns their output. */
export async function lintTarball(tarball: string, cwd: string): Promise<string> {
  // --strict: publint's warnings fail too; its suggestions are printed only.
  const publint = await runCommand("npx", ["-y", PUBLINT, "run", "--strict", tarball], { cwd });
  const attw = await runCommand(
    "npx",
    ["-y", ATTW, "--profile", "node16", "--format", "ascii", "--no-color", tarball],
    { cwd },
  );
  return `${publint}${attw}`;
}
