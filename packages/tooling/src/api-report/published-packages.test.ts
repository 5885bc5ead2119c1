import { describe, expect, it } from "@jest/globals";
import { repoRoot } from "../repo-root";
import { entryPointsOf, publishedPackages } from "./published-packages";

describe("entryPointsOf", () => {
  it("lists the code subpaths, root first, not package.json", () => {
    expect(
      entryPointsOf({
        "./testing": { types: "./dist/testing/index.d.ts", default: "./dist/testing/index.js" },
        "./package.json": "./package.json",
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./contract-tests": {
          import: { types: "./dist/c.d.mts", default: "./dist/c.mjs" },
          require: { types: "./dist/c.d.ts", default: "./dist/c.js" },
        },
      }),
    ).toEqual([".", "./contract-tests", "./testing"]);
  });

  it("reads a plain string or root conditions as the root alone", () => {
    expect(entryPointsOf("./dist/index.js")).toEqual(["."]);
    expect(entryPointsOf({ types: "./dist/index.d.ts", default: "./dist/index.js" })).toEqual([
      ".",
    ]);
    expect(entryPointsOf(undefined)).toEqual(["."]);
  });

  it("refuses subpath patterns, which cannot be listed", () => {
    expect(() => entryPointsOf({ ".": "./index.js", "./*": "./dist/*.js" })).toThrow(/patterns/);
  });
});

describe("publishedPackages", () => {
  it("lists this repository's packages that are not private", () => {
    const names = publishedPackages(repoRoot()).map((pkg) => pkg.name);
    expect(names).toContain("@linkpay/core");
    expect(names).not.toContain("@linkpay/tooling");
  });
});
