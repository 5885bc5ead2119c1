/**
 * Proves the built package loads the normal way from a plain Node.js app, both with `require`
 * and with `import`, through its `exports` map. Needs `npm run build` first (the test command runs
 * it): `import` reaches the generated ES module wrappers. The tarballs themselves are checked by
 * `npm run test:packages`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";

const packageRoot = resolve(__dirname, "..");

describe("@linkpay/core as an installed package", () => {
  let app: string;

  beforeAll(() => {
    if (!existsSync(join(packageRoot, "dist", "index.js"))) {
      throw new Error("packages/core/dist is missing: run `tsc -b` (npm test does) first");
    }
    app = mkdtempSync(join(tmpdir(), "linkpay-app-"));
    mkdirSync(join(app, "node_modules", "@linkpay"), { recursive: true });
    symlinkSync(packageRoot, join(app, "node_modules", "@linkpay", "core"), "dir");
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  function run(file: string, source: string): string {
    writeFileSync(join(app, file), source);
    return execFileSync(process.execPath, [join(app, file)], {
      cwd: app,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  }

  it("loads with require()", () => {
    const out = run(
      "app.cjs",
      `const { createPayments, money, formatMoney } = require("@linkpay/core");
       const { createFakeProvider } = require("@linkpay/core/testing");
       console.log(typeof createPayments, typeof createFakeProvider, formatMoney(money(1234, "JPY"), "en-US"));`,
    );
    expect(out).toBe("function function ¥1,234");
  });

  it("loads with import from an ES module, named exports included", () => {
    const out = run(
      "app.mjs",
      `import { createPayments, LinkpayError, createMemoryStore } from "@linkpay/core";
       import { createFakeProvider } from "@linkpay/core/testing";
       const payments = createPayments({ providers: [createFakeProvider()], store: createMemoryStore(),
         urls: { success: "https://shop.example/ok", cancel: "https://shop.example/cancel" } });
       console.log(typeof payments.startCheckout, new LinkpayError("CONFIG_INVALID", "x").status);`,
    );
    expect(out).toBe("function 500");
  });

  it("gives import and require one implementation (the ES module wrapper re-exports CommonJS)", () => {
    const out = run(
      "same.mjs",
      `import { createRequire } from "node:module";
       import { LinkpayError } from "@linkpay/core";
       import { createFakeProvider } from "@linkpay/core/testing";
       const require = createRequire(import.meta.url);
       const cjs = require("@linkpay/core");
       console.log(cjs.LinkpayError === LinkpayError,
         new cjs.LinkpayError("CONFIG_INVALID", "x") instanceof LinkpayError,
         require("@linkpay/core/testing").createFakeProvider === createFakeProvider);`,
    );
    expect(out).toBe("true true true");
  });

  it("does not expose internal files", () => {
    expect(() => run("deep.cjs", `require("@linkpay/core/dist/payments/apply-event.js");`)).toThrow(
      /ERR_PACKAGE_PATH_NOT_EXPORTED|not defined by "exports"/,
    );
  });
});
