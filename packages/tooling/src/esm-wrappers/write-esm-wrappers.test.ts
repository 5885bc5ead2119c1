import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { writeEsmWrappers } from "./write-esm-wrappers";

/** A package as tsc would emit it: a class, a function, a constant and a type-only export. */
function writeFixturePackage(dir: string): void {
  mkdirSync(join(dir, "dist"), { recursive: true });
  const entry = {
    import: { types: "./dist/index.d.mts", default: "./dist/index.mjs" },
    require: { types: "./dist/index.d.ts", default: "./dist/index.js" },
  };
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "fixture",
      exports: { ".": entry, "./package.json": "./package.json" },
    }),
  );
  writeFileSync(
    join(dir, "dist", "index.js"),
    `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
class FixtureError extends Error {}
exports.FixtureError = FixtureError;
exports.make = () => new FixtureError("x");
exports.LIMIT = 3;`,
  );
  writeFileSync(
    join(dir, "dist", "index.d.ts"),
    `export declare class FixtureError extends Error {}
export declare function make(): FixtureError;
export declare const LIMIT = 3;
export interface Options { readonly limit: number }
export type Mode = "a" | "b";`,
  );
}

describe("writeEsmWrappers", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "linkpay-wrappers-"));
    writeFixturePackage(join(dir, "node_modules", "fixture"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names the value exports only, and re-exports every declaration", () => {
    const packageDir = join(dir, "node_modules", "fixture");
    expect(writeEsmWrappers(packageDir)).toEqual([{ specifier: "fixture", names: 3 }]);
    const wrapper = readFileSync(join(packageDir, "dist", "index.mjs"), "utf8");
    expect(wrapper).toContain("export const {\n  FixtureError,\n  LIMIT,\n  make,\n} = cjs;");
    expect(wrapper).not.toMatch(/Options|Mode/);
    expect(readFileSync(join(packageDir, "dist", "index.d.mts"), "utf8")).toContain(
      'export * from "./index.js";',
    );
  });

  it("gives import and require the same objects (no dual-package hazard)", () => {
    const script = `
      import { createRequire } from "node:module";
      import { FixtureError, make } from "fixture";
      const cjs = createRequire(import.meta.url)("fixture");
      console.log(cjs.FixtureError === FixtureError, cjs.make() instanceof FixtureError);`;
    writeFileSync(join(dir, "check.mjs"), script);
    const out = execFileSync(process.execPath, [join(dir, "check.mjs")], { encoding: "utf8" });
    expect(out.trim()).toBe("true true");
  });

  it("fails with the way out when the CommonJS build is missing", () => {
    const packageDir = join(dir, "node_modules", "fixture");
    rmSync(join(packageDir, "dist", "index.js"));
    expect(() => writeEsmWrappers(packageDir)).toThrow(/npm run clean/);
  });
});
