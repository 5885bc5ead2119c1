import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { runPatrolCli } from "./run-cli";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
});

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const printed: string[] = [];
  const code = await runPatrolCli(args, { print: (text) => printed.push(text), env });
  return { code, output: printed.join("") };
}

function configFile(content: unknown): string {
  const directory = mkdtempSync(join(tmpdir(), "patrol-cli-"));
  directories.push(directory);
  const file = join(directory, "linkpay-patrol.json");
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const CONFIG = {
  site: "https://rent.example.jp",
  journeys: [
    {
      name: "pay",
      start: "/",
      steps: [{ readAmount: ".total", currency: "JPY" }, { submit: "button" }],
    },
  ],
  provider: { type: "stripe", secretKey: { env: "PATROL_KEY" } },
};

describe("runPatrolCli", () => {
  it("prints the usage for help (exit 0) and for no command (exit 3)", async () => {
    expect(await cli(["help"])).toEqual({
      code: 0,
      output: expect.stringContaining("Usage: linkpay-patrol <command>"),
    });
    expect((await cli([])).code).toBe(3);
  });

  it("refuses an unknown command or option with the usage (exit 3)", async () => {
    const file = configFile(CONFIG);
    expect(await cli(["chekc", "--config", file], { PATROL_KEY: "rk_test_x" })).toEqual({
      code: 3,
      output: expect.stringContaining('Unknown command "chekc"'),
    });
    expect((await cli(["check", "--fast"])).output).toContain("Unknown option '--fast'");
  });

  it("names the config's problem (exit 3): a missing file, a bad key, a missing secret", async () => {
    expect(await cli(["check", "--config", "/nonexistent/patrol.json"])).toEqual({
      code: 3,
      output: expect.stringContaining("cannot read /nonexistent/patrol.json (ENOENT)"),
    });
    expect(
      (await cli(["check", "--config", configFile({ ...CONFIG, site: "rent.example.jp" })])).output,
    ).toContain("site: an absolute http(s) URL");
    expect((await cli(["check", "--config", configFile(CONFIG)])).output).toContain(
      "the environment variable PATROL_KEY is not set",
    );
  });

  it("names the provider section when the adapter refuses the key, without quoting it (exit 3)", async () => {
    const komoju = { ...CONFIG, provider: { type: "komoju", secretKey: { env: "PATROL_KEY" } } };
    const { code, output } = await cli(["check", "--config", configFile(komoju)], {
      PATROL_KEY: "pk_test_publishable0123",
    });
    expect(code).toBe(3);
    expect(output).toMatch(/^patrol config: provider: .*secretKey is a publishable key/);
    expect(output).not.toContain("pk_test_publishable0123");
  });

  it("asks for a baseline before the first check (exit 3), and for a reason to approve", async () => {
    const file = configFile(CONFIG);
    expect(await cli(["check", "--config", file], { PATROL_KEY: "rk_test_x" })).toEqual({
      code: 3,
      output: expect.stringContaining("There is no baseline yet"),
    });
    expect(
      (await cli(["approve", "--config", file], { PATROL_KEY: "rk_test_x" })).output,
    ).toContain("approve needs --reason");
  });

  it("says that manifest and verify need a manifest section (exit 3)", async () => {
    expect(
      await cli(["verify", "--config", configFile(CONFIG)], { PATROL_KEY: "rk_test_x" }),
    ).toEqual({
      code: 3,
      output: expect.stringContaining("The config has no `manifest` section"),
    });
  });
});
