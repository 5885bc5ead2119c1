/**
 * @module
 * Tests of createManifest against real temporary directories.
 */

import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createManifest } from "./create-manifest";

let dir: string;
let root: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "patrol-create-manifest-"));
  root = join(dir, "site");
  await mkdir(root);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

describe("createManifest", () => {
  it("records files by relative POSIX path, sorted, with hash, size and executable bit", async () => {
    await mkdir(join(root, "public", "js"), { recursive: true });
    await mkdir(join(root, "empty"));
    await writeFile(join(root, "public", "js", "app.js"), "console.log(1);\n");
    await writeFile(join(root, "b.txt"), "b");
    await writeFile(join(root, "run.sh"), "#!/bin/sh\n");
    await chmod(join(root, "run.sh"), 0o755);

    const manifest = await createManifest({ root, now: () => new Date("2026-01-02T03:04:05Z") });

    expect(manifest).toEqual({
      version: 1,
      createdAt: "2026-01-02T03:04:05.000Z",
      root,
      files: {
        "b.txt": { sha256: sha256("b"), size: 1, executable: false },
        "public/js/app.js": { sha256: sha256("console.log(1);\n"), size: 16, executable: false },
        "run.sh": { sha256: sha256("#!/bin/sh\n"), size: 10, executable: true },
      },
    });
    expect(Object.keys(manifest.files)).toEqual(["b.txt", "public/js/app.js", "run.sh"]);
  });

  it("records a symbolic link by its target and never follows it", async () => {
    const outside = join(dir, "outside");
    await mkdir(outside);
    await writeFile(join(outside, "secret.txt"), "not for the manifest");
    await symlink("/etc/passwd", join(root, "passwd"));
    await symlink(outside, join(root, "outside-dir"));

    const manifest = await createManifest({ root });

    expect(manifest.files).toEqual({
      passwd: { link: "/etc/passwd" },
      "outside-dir": { link: outside },
    });
  });

  it("leaves out excluded paths and keeps only included ones", async () => {
    await mkdir(join(root, "logs"));
    await mkdir(join(root, "public"));
    await writeFile(join(root, "logs", "access.log"), "GET /");
    await writeFile(join(root, "public", ".htaccess"), "Options -Indexes");
    await writeFile(join(root, "README"), "x");

    const manifest = await createManifest({
      root,
      include: ["public/**", "logs/**"],
      exclude: ["logs/**"],
    });

    expect(Object.keys(manifest.files)).toEqual(["public/.htaccess"]);
  });

  it("hashes a 20 MB file correctly by streaming it", async () => {
    const data = randomBytes(20 * 1024 * 1024);
    await writeFile(join(root, "bundle.js"), data);

    const manifest = await createManifest({ root });

    expect(manifest.files["bundle.js"]).toEqual({
      sha256: sha256(data),
      size: data.length,
      executable: false,
    });
  });
});
