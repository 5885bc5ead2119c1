import { afterAll, describe, expect, it } from "@jest/globals";
import { sqliteUrl, tempDir } from "../test/temp-dir";
import { runCli } from "./run-cli";

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("linkpay-migrate", () => {
  const dir = tempDir("cli");
  afterAll(() => dir.remove());

  it("shows usage for a missing or unknown command or url", async () => {
    for (const args of [[], ["sideways", "--url", "sqlite::memory:"], ["up"], ["up", "--bogus"]]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/usage: linkpay-migrate/);
    }
  });

  it("lists, applies and purges on the database from $LINKPAY_DATABASE_URL", async () => {
    const env = { LINKPAY_DATABASE_URL: sqliteUrl(dir.path, "cli.db") };
    expect(await cli(["status"], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/pending .* 0001_initial/),
    });
    expect(await cli(["up"], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/applied 0001_initial/),
    });
    expect(await cli(["up"], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/already up to date/),
    });
    expect(await cli(["status", "--prefix", "other_"], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/prefix "other_"[\s\S]*pending/),
    });
    expect(await cli(["purge-payloads", "--days", "30"], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/purged 0 raw payloads/),
    });
  });

  it("fails without printing the password", async () => {
    const run = await cli(["up", "--url", "mysql://shop:hunter2@db/shop"]);
    expect(run).toMatchObject({ code: 1, err: expect.stringMatching(/CONFIG_INVALID/) });
    const down = await cli(["status", "--url", "postgres://shop:hunter2@127.0.0.1:9/shop"]);
    expect(down.code).toBe(1);
    expect(`${run.out}${run.err}${down.out}${down.err}`).not.toContain("hunter2");
    expect(down.out).toContain("postgres://shop:***@127.0.0.1:9/shop");
  });
});
