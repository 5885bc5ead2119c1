import { describe, expect, it } from "@jest/globals";
import { checkPackedPackage, linkTargetsOf, type PackedContents } from "./check-packed-package";
import { expectedMetadata, REPOSITORY_URL } from "./repository";

const dual = {
  import: { types: "./dist/index.d.mts", default: "./dist/index.mjs" },
  require: { types: "./dist/index.d.ts", default: "./dist/index.js" },
};

/** A package as it should be packed; each test breaks one thing. */
function packed(
  overrides: { manifest?: Record<string, unknown>; files?: Record<string, string> } = {},
): PackedContents {
  const files: Record<string, string> = {
    "package.json": "{}",
    LICENSE: "MIT License",
    "README.md": `# @linkpay/x\n\nSee [the docs](${REPOSITORY_URL}/blob/main/docs/x.md) and [below](#usage).`,
    "dist/index.js": 'const a = require("./a");',
    "dist/index.d.ts": 'export * from "./a";',
    "dist/index.mjs": 'import cjs from "./index.js";',
    "dist/index.d.mts": 'export * from "./index.js";',
    "dist/a.js": "exports.a = 1;",
    "dist/a.d.ts": "export declare const a = 1;",
    "dist/a.js.map": JSON.stringify({
      sources: ["../src/a.ts"],
      sourcesContent: ["export const a = 1;"],
    }),
    ...overrides.files,
  };
  return {
    directory: "packages/x",
    manifest: {
      name: "@linkpay/x",
      license: "MIT",
      type: "commonjs",
      keywords: ["payments"],
      ...expectedMetadata("packages/x"),
      main: "./dist/index.js",
      exports: { ".": dual, "./package.json": "./package.json" },
      dependencies: { "@linkpay/core": "0.1.0" },
      ...overrides.manifest,
    },
    files: Object.keys(files).sort(),
    read: (file) => files[file] ?? "",
  };
}

describe("checkPackedPackage", () => {
  it("accepts a package fit to publish", () => {
    expect(checkPackedPackage(packed())).toEqual([]);
  });

  it("wants a LICENSE and README links that work on npm", () => {
    const pkg = packed({ files: { "README.md": "[guide](../../docs/guide.md)" } });
    const files = pkg.files.filter((file) => file !== "LICENSE");
    expect(checkPackedPackage({ ...pkg, files })).toEqual([
      "LICENSE is missing",
      'README.md links to "../../docs/guide.md", which does not work on npm (use an https URL)',
    ]);
  });

  it("refuses workspace ranges, scripts and a repository other than ours", () => {
    const problems = checkPackedPackage(
      packed({
        manifest: {
          dependencies: { "@linkpay/core": "workspace:*" },
          scripts: { bench: "node dist/bench/run.js" },
          bugs: "https://example.com/issues",
        },
      }),
    );
    expect(problems).toEqual([
      `bugs is "https://example.com/issues", expected "${REPOSITORY_URL}/issues"`,
      "dependencies.@linkpay/core is still workspace:*",
      '"scripts" is published (bench); consumers never run them',
    ]);
  });

  it("finds paths the manifest names but the tarball lacks, and imports that cannot resolve", () => {
    const problems = checkPackedPackage(
      packed({
        manifest: { bin: { x: "./dist/cli.js" } },
        files: { "dist/index.js": 'require("./a"); require("../test/postgres");' },
      }),
    );
    expect(problems).toEqual([
      "bin names ./dist/cli.js, which is not shipped",
      'dist/index.js imports "../test/postgres", which is not in the tarball',
    ]);
  });

  it("refuses what a consumer does not need, and maps without their sources", () => {
    const problems = checkPackedPackage(
      packed({
        files: {
          "dist/.tsbuildinfo": "{}",
          "dist/bench/run.js": "",
          "dist/index.d.ts.map": "{}",
          "dist/a.js.map": JSON.stringify({ sources: ["../src/a.ts"] }),
        },
      }),
    );
    expect(problems).toEqual([
      "dist/.tsbuildinfo is shipped but is TypeScript build info",
      "dist/bench/run.js is shipped but is a benchmark",
      "dist/index.d.ts.map is shipped but is a declaration map (its sources are not shipped)",
      "dist/a.js.map points at sources it does not carry (build with inlineSources)",
    ]);
  });

  it("wants every entry point in the dual shape", () => {
    const exports = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
    expect(checkPackedPackage(packed({ manifest: { exports } }))).toEqual([
      '@linkpay/x exports["."] must have exactly the "import" and "require" conditions',
    ]);
  });
});

describe("linkTargetsOf", () => {
  it("reads inline, reference and HTML links", () => {
    const markdown = '[a](https://a.example) [b]( ../b.md "title")\n[c]: ./c.md\n<img src="d.png">';
    expect(linkTargetsOf(markdown)).toEqual(["https://a.example", "../b.md", "./c.md", "d.png"]);
  });
});
