/**
 * @module
 * Tests of verifyManifest against real temporary directories: each test deploys a small site,
 * records its manifest, tampers with the tree and checks the findings.
 */

import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createManifest } from "./create-manifest";
import type { FileManifest } from "./manifest-schema";
import { verifyManifest } from "./verify-manifest";

let root: string;
let manifest: FileManifest;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "patrol-verify-manifest-"));
  await mkdir(join(root, "public"));
  await mkdir(join(root, "logs"));
  await writeFile(join(root, "index.php"), "<?php require 'app.php';");
  await writeFile(join(root, "public", "checkout.js"), "location.assign(url);");
  await writeFile(join(root, "logs", "access.log"), "GET /\n");
  await symlink("public", join(root, "static"));
  manifest = await createManifest({ root, exclude: ["logs/**"] });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");
const verify = () => verifyManifest({ manifest, root, exclude: ["logs/**"] });

describe("verifyManifest", () => {
  it("finds nothing in an unchanged tree", async () => {
    expect(await verify()).toEqual([]);
  });

  it.each(["shell.php", "public/x.js"])(
    "reports a dropped %s as critical FILE_ADDED",
    async (path) => {
      await writeFile(join(root, path), "<?php eval($_POST['c']);");

      expect(await verify()).toEqual([
        {
          severity: "critical",
          code: "FILE_ADDED",
          where: path,
          subject: path,
          message: expect.stringContaining("web shell"),
          after: { sha256: sha256("<?php eval($_POST['c']);"), size: 24, executable: false },
        },
      ]);
    },
  );

  it("reports content changed at the same size as critical FILE_CHANGED", async () => {
    await writeFile(join(root, "public", "checkout.js"), "location.assign(evl);");

    const [finding, ...rest] = await verify();

    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: "critical",
      code: "FILE_CHANGED",
      where: "public/checkout.js",
      subject: "public/checkout.js",
      before: { sha256: sha256("location.assign(url);"), size: 21 },
      after: { sha256: sha256("location.assign(evl);"), size: 21 },
    });
    expect(finding?.message).toContain(sha256("location.assign(url);").slice(0, 12));
  });

  it("reports a file made executable as critical FILE_CHANGED", async () => {
    await chmod(join(root, "index.php"), 0o755);

    expect(await verify()).toEqual([
      expect.objectContaining({
        severity: "critical",
        code: "FILE_CHANGED",
        where: "index.php",
        message: expect.stringContaining("index.php became executable"),
        before: expect.objectContaining({ executable: false }),
        after: expect.objectContaining({ executable: true }),
      }),
    ]);
  });

  it("reports a link pointed elsewhere as critical FILE_CHANGED", async () => {
    await unlink(join(root, "static"));
    await symlink("/etc", join(root, "static"));

    expect(await verify()).toEqual([
      expect.objectContaining({
        severity: "critical",
        code: "FILE_CHANGED",
        where: "static",
        before: { link: "public" },
        after: { link: "/etc" },
      }),
    ]);
  });

  it("reports a removed file as a warning", async () => {
    await unlink(join(root, "index.php"));

    expect(await verify()).toEqual([
      expect.objectContaining({ severity: "warning", code: "FILE_REMOVED", where: "index.php" }),
    ]);
  });

  it("ignores excluded paths on both sides", async () => {
    const withLogs = await createManifest({ root });
    await writeFile(join(root, "logs", "error.log"), "boom");
    await unlink(join(root, "logs", "access.log"));

    expect(await verifyManifest({ manifest: withLogs, root, exclude: ["logs/**"] })).toEqual([]);
    expect(await verify()).toEqual([]);
    expect((await verifyManifest({ manifest: withLogs, root })).map((f) => f.code)).toEqual([
      "FILE_REMOVED",
      "FILE_ADDED",
    ]);
  });
});
