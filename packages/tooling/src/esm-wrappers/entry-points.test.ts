import { describe, expect, it } from "@jest/globals";
import { entryPointsOf } from "./entry-points";

const dual = (base: string) => ({
  import: { types: `./dist/${base}.d.mts`, default: `./dist/${base}.mjs` },
  require: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
});

describe("entryPointsOf", () => {
  it("lists the root and subpaths with their specifiers, ignoring ./package.json", () => {
    const entries = entryPointsOf({
      name: "@linkpay/x",
      exports: {
        ".": dual("index"),
        "./testing": dual("testing/index"),
        "./package.json": "./package.json",
      },
    });
    expect(entries).toEqual([
      {
        subpath: ".",
        specifier: "@linkpay/x",
        cjs: "./dist/index.js",
        cjsTypes: "./dist/index.d.ts",
        esm: "./dist/index.mjs",
        esmTypes: "./dist/index.d.mts",
      },
      expect.objectContaining({ subpath: "./testing", specifier: "@linkpay/x/testing" }),
    ]);
  });

  it("refuses an entry in the single-format shape, naming it", () => {
    const exports = {
      ".": dual("index"),
      "./kit": { types: "./dist/kit/index.d.ts", default: "./dist/kit/index.js" },
    };
    expect(() => entryPointsOf({ name: "@linkpay/x", exports })).toThrow(
      'exports["./kit"] must have exactly the "import" and "require" conditions',
    );
  });

  it("refuses types after default (TypeScript would never see them)", () => {
    const exports = {
      ".": {
        import: { default: "./dist/index.mjs", types: "./dist/index.d.mts" },
        require: dual("index").require,
      },
    };
    expect(() => entryPointsOf({ name: "@linkpay/x", exports })).toThrow(/in that order/);
  });

  it("refuses a wrapper that is not beside its CommonJS file", () => {
    const exports = {
      ".": { import: dual("esm/index").import, require: dual("index").require },
    };
    expect(() => entryPointsOf({ name: "@linkpay/x", exports })).toThrow(
      "expected .mjs beside ./dist/index.js, got ./dist/esm/index.mjs",
    );
  });
});
