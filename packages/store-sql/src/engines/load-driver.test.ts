import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { builtScript, runNode } from "../test/built-script";
import { tempDir } from "../test/temp-dir";

const apps: { remove(): void }[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.remove();
});

/**
 * Runs, in a child process (jest replaces `require`; this needs Node's own), an app outside the
 * workspace holding only `files`, whose main.js calls the built `loadDriver(name, require)`.
 * Returns what the app saw: `{ code, message, details }`, or what the driver exported.
 */
async function loadFromApp(name: string, files: Record<string, string> = {}): Promise<unknown> {
  const app = tempDir("driver-app");
  apps.push(app);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app.path, file)), { recursive: true });
    writeFileSync(join(app.path, file), text);
  }
  const main = join(app.path, "main.js");
  writeFileSync(
    main,
    `const { loadDriver } = require(process.argv[2]);
    try {
      console.log(JSON.stringify(loadDriver(process.argv[3], require)));
    } catch (error) {
      const { code, message, details } = error;
      console.log(JSON.stringify({ code, message, details }));
    }`,
  );
  // pnpm's bin shims (jest's too) put the workspace's hoisted packages on NODE_PATH; an app has none.
  const { NODE_PATH: _, ...env } = process.env;
  const child = await runNode(main, [builtScript("engines/load-driver.js"), name], env);
  if (child.code !== 0) throw new Error(`the app failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

describe("loadDriver", () => {
  it("names the package and the install line when the driver is not installed", async () => {
    expect(await loadFromApp("better-sqlite3")).toEqual({
      code: "CONFIG_INVALID",
      message: expect.stringContaining(
        'SQLite URL, but its driver "better-sqlite3" is not installed: run `npm install better-sqlite3@12`',
      ),
      details: { option: "url", driver: "better-sqlite3" },
    });
    expect(await loadFromApp("pg")).toEqual({
      code: "CONFIG_INVALID",
      message: expect.stringContaining(
        'PostgreSQL URL, but its driver "pg" is not installed: run `npm install pg`',
      ),
      details: { option: "url", driver: "pg" },
    });
  });

  it("lets a broken install through as it is (a module the driver needs is missing)", async () => {
    const broken = { "node_modules/pg/index.js": 'require("pg-protocol-not-installed");' };
    expect(await loadFromApp("pg", broken)).toEqual({
      code: "MODULE_NOT_FOUND",
      message: expect.stringMatching(/^Cannot find module 'pg-protocol-not-installed'/),
    });
  });

  it("returns the driver the app installed", async () => {
    const installed = { "node_modules/pg/index.js": 'module.exports = { from: "the app" };' };
    expect(await loadFromApp("pg", installed)).toEqual({ from: "the app" });
  });
});
