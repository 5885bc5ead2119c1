import { describe, expect, it } from "@jest/globals";
import type { PackedPackage } from "./pack-packages";
import { entryPointsSource } from "./throwaway-app";

const entry = (base: string) => ({
  import: { types: `./dist/${base}.d.mts`, default: `./dist/${base}.mjs` },
  require: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
});

describe("entryPointsSource", () => {
  it("imports every entry point the packed manifests list", () => {
    const pkg: PackedPackage = {
      name: "@linkpay/store-sql",
      tarball: "linkpay-store-sql-0.1.0.tgz",
      unpackedDir: "package",
      directory: "packages/store-sql",
      manifest: { exports: { ".": entry("index"), "./testing": entry("testing/index") } },
      files: [],
      read: () => "",
    };
    const source = entryPointsSource([pkg]);
    expect(source).toContain('import * as linkpay_store_sql from "@linkpay/store-sql";');
    expect(source).toContain(
      'import * as linkpay_store_sql_testing from "@linkpay/store-sql/testing";',
    );
    expect(source).toContain('  "@linkpay/store-sql/testing": linkpay_store_sql_testing,');
  });
});
