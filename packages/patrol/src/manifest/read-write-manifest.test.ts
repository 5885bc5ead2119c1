/**
 * @module
 * Tests of reading and writing manifest files.
 */

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "@linkpay/core";
import type { FileManifest } from "./manifest-schema";
import { readManifest, writeManifest } from "./read-write-manifest";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "patrol-manifest-file-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const manifest: FileManifest = {
  version: 1,
  createdAt: "2026-01-02T03:04:05.000Z",
  root: "/srv/app",
  files: {
    "a.js": { sha256: "a".repeat(64), size: 3, executable: false },
    current: { link: "releases/42" },
  },
};

async function readError(json: string): Promise<unknown> {
  const file = join(dir, "manifest.json");
  await writeFile(file, json);
  return readManifest(file).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("writeManifest and readManifest", () => {
  it("round-trip through pretty JSON ending with a newline", async () => {
    const file = join(dir, "manifest.json");
    await writeManifest(file, manifest);

    expect(await readFile(file, "utf8")).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    expect(await readManifest(file)).toEqual(manifest);
  });

  it("names the bad key of a malformed manifest", async () => {
    const bad = {
      ...manifest,
      files: { "a.js": { sha256: "not-a-hash", size: 3, executable: false } },
    };

    const error = await readError(JSON.stringify(bad));

    expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
    expect((error as Error).message).toContain('files["a.js"].sha256: 64 lowercase hex digits');
  });

  it("names an entry that is neither a file nor a link", async () => {
    const bad = { ...manifest, files: { "b.js": { size: 3 } } };

    const error = await readError(JSON.stringify(bad));

    expect((error as Error).message).toContain(
      'files["b.js"]: expected { sha256, size, executable } or { link }',
    );
  });

  it("names a wrong version", async () => {
    const error = await readError(JSON.stringify({ ...manifest, version: 2 }));

    expect((error as Error).message).toMatch(/^manifest .* is invalid:\n {2}version: /);
  });

  it("refuses text that is not JSON", async () => {
    const error = await readError("{ not json");

    expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
    expect((error as Error).message).toMatch(/manifest .*manifest\.json is not valid JSON/);
  });
});
