/**
 * The checker on blocks made up here, compiled together in one program against the built
 * packages (run `npx tsc -b` first): right code passes, the doc mistakes it exists for fail, and
 * each failure is placed on its Markdown line.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { repoRoot } from "../repo-root";
import { type BlockDiagnostic, checkBlocks, formatDiagnostic } from "./check-blocks";
import { docGlobalsFile } from "./check-docs";
import type { DocBlock } from "./extract-blocks";

const root = repoRoot();

const blocks: Record<string, DocBlock> = {
  valid: {
    file: "docs/valid.md",
    line: 10,
    code: [
      'import { createMemoryStore, createPayments } from "@linkpay/core";',
      'import { createFakeProvider } from "@linkpay/core/testing";',
      "const local = createPayments({",
      "  providers: [createFakeProvider()],",
      "  store: createMemoryStore(),",
      '  urls: { success: "https://shop.example/ok", cancel: "https://shop.example/cancel" },',
      "});",
      'await local.getStatus({ orderRef: "RC-1" }); // top-level await',
      'await payments.getStatus({ orderRef: "RC-2" }); // an ambient name',
    ].join("\n"),
  },
  optionalEnv: {
    file: "docs/env.md",
    line: 20,
    code: [
      'import { createStripeProvider } from "@linkpay/stripe";',
      "",
      "createStripeProvider({",
      "  secretKey: process.env.STRIPE_SECRET_KEY,",
      '  webhookSecrets: "whsec_x",',
      "});",
    ].join("\n"),
  },
  oldApiVersion: {
    file: "docs/sdk.md",
    line: 5,
    code: [
      'import Stripe from "stripe";',
      'new Stripe("sk_test_x", { apiVersion: "2024-06-20" });',
    ].join("\n"),
  },
  deepImport: {
    file: "docs/deep.md",
    line: 1,
    code: 'import { applyEvent } from "@linkpay/core/dist/payments/apply-event.js";',
  },
};

function diagnosticsOf(block: DocBlock): BlockDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.file === block.file);
}

let diagnostics: BlockDiagnostic[] = [];

beforeAll(() => {
  if (!existsSync(join(root, "packages", "core", "dist", "index.d.ts"))) {
    throw new Error("The packages are not built: run `npx tsc -b` (npm test does) first");
  }
  diagnostics = checkBlocks({
    root,
    blocks: Object.values(blocks),
    ambientFiles: [docGlobalsFile(root)],
    moduleDir: join(root, "packages", "tooling"),
  });
}, 120_000);

describe("checkBlocks", () => {
  it("passes a right block: subpath exports, top-level await, ambient names", () => {
    expect(diagnosticsOf(blocks.valid as DocBlock)).toEqual([]);
  });

  it("fails an optional environment variable where a string is required, on its Markdown line", () => {
    const found = diagnosticsOf(blocks.optionalEnv as DocBlock);
    expect(found).toEqual([
      {
        file: "docs/env.md",
        line: 24, // fence on line 20, code from 21; secretKey is the code's fourth line
        blockLine: 20,
        message: expect.stringMatching(/^TS2322: Type 'string \| undefined' is not assignable/),
      },
    ]);
    expect(formatDiagnostic(found[0] as BlockDiagnostic)).toMatch(
      /^docs\/env\.md:24 \(block at line 20\) TS2322: /,
    );
  });

  it("fails an apiVersion the installed stripe SDK does not accept", () => {
    expect(diagnosticsOf(blocks.oldApiVersion as DocBlock)).toEqual([
      expect.objectContaining({ line: 7, message: expect.stringContaining('"2024-06-20"') }),
    ]);
  });

  it("resolves @linkpay packages through their exports, so internal files are out of reach", () => {
    expect(diagnosticsOf(blocks.deepImport as DocBlock)).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/^TS2307: /) }),
    ]);
  });

  it("reports nothing outside the blocks (the ambient file and the declarations are sound)", () => {
    const files = new Set(Object.values(blocks).map((block) => block.file));
    expect(diagnostics.filter((diagnostic) => !files.has(diagnostic.file))).toEqual([]);
  });
});
