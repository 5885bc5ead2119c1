/**
 * @module
 * The patrol's command line as npm users get it: the installed `linkpay-patrol` bin answers
 * `help`, refuses a config with a mistyped key naming it (exit 3), records a manifest of the app's
 * build and verifies it clean (exit 0), then finds a file dropped next to it (exit 2). The browser
 * part is tested in the repository; this checks the bin, its shebang and its dependencies.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ThrowawayApp } from "./throwaway-app";

function run(
  app: ThrowawayApp,
  args: readonly string[],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(app.dir, "node_modules", ".bin", "linkpay-patrol"), args, {
      cwd: app.dir,
      env: { ...process.env, PATROL_KEY: "rk_test_unused_by_these_commands" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

function expectRun(
  result: { code: number | null; output: string },
  code: number,
  text: string,
  step: string,
): void {
  if (result.code !== code || !result.output.includes(text)) {
    throw new Error(
      `linkpay-patrol ${step}: expected exit ${code} and "${text}", got exit ${result.code}:\n${result.output}`,
    );
  }
}

const CONFIG = {
  site: "https://shop.example",
  journeys: [
    {
      name: "pay",
      start: "/",
      steps: [{ readAmount: ".total", currency: "JPY" }, { submit: "button" }],
    },
  ],
  provider: { type: "stripe", secretKey: { env: "PATROL_KEY" } },
  manifest: { root: "dist", file: "patrol-manifest.json" },
  alerts: [{ type: "log" }],
};

/** Runs the checks in `app`; returns a one-line summary. */
export async function checkPatrolCli(app: ThrowawayApp): Promise<string> {
  expectRun(await run(app, ["help"]), 0, "Usage: linkpay-patrol", "help");
  writeFileSync(join(app.dir, "bad-patrol.json"), JSON.stringify({ ...CONFIG, pagez: [] }));
  expectRun(
    await run(app, ["verify", "--config", "bad-patrol.json"]),
    3,
    'Unrecognized key: "pagez"',
    "bad config",
  );
  writeFileSync(join(app.dir, "patrol.json"), JSON.stringify(CONFIG));
  expectRun(await run(app, ["manifest", "--config", "patrol.json"]), 0, "Recorded", "manifest");
  expectRun(await run(app, ["verify", "--config", "patrol.json"]), 0, "CLEAN", "verify");
  writeFileSync(join(app.dir, "dist", "shell.php"), '<?php system($_GET["c"]);');
  expectRun(
    await run(app, ["verify", "--config", "patrol.json"]),
    2,
    "FILE_ADDED",
    "verify after a web shell",
  );
  return "linkpay-patrol bin: help, config error (exit 3), manifest, verify clean (0), web shell found (2)";
}
