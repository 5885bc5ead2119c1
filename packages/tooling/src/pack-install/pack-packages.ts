/**
 * @module
 * Packs every published package with pnpm, which is what replaces `workspace:*` with real
 * versions, and unpacks each tarball so the checks read exactly what npm would install.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { publishedPackages } from "../esm-wrappers/published-packages";
import type { PackedContents } from "./check-packed-package";
import { runCommand } from "./run-command";

/** The pnpm that packs, the same one the root `setup` script installs with. */
export const PNPM = "pnpm@12.4.2";

/** A packed package: its tarball, and its contents as unpacked. */
export interface PackedPackage extends PackedContents {
  readonly name: string;
  readonly tarball: string;
  /** Where the tarball was unpacked (the `package/` folder). */
  readonly unpackedDir: string;
}

interface PnpmPackResult {
  readonly name: string;
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/** Packs the published packages of the workspace at `root` into `outDir`. */
export async function packPackages(root: string, outDir: string): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const pkg of publishedPackages(root)) {
    const stdout = await runCommand(
      "npx",
      ["-y", PNPM, "pack", "--pack-destination", outDir, "--json"],
      { cwd: pkg.dir },
    );
    const result = JSON.parse(stdout) as PnpmPackResult;
    const unpackTo = join(outDir, "unpacked", pkg.name);
    mkdirSync(unpackTo, { recursive: true });
    await runCommand("tar", ["-xzf", result.filename, "-C", unpackTo], { cwd: outDir });
    const unpackedDir = join(unpackTo, "package");
    const manifest = JSON.parse(readFileSync(join(unpackedDir, "package.json"), "utf8"));
    packed.push({
      name: result.name,
      tarball: result.filename,
      unpackedDir,
      directory: relative(root, pkg.dir).split("\\").join("/"),
      manifest,
      files: result.files.map((file) => file.path).sort(),
      read: (file) => readFileSync(join(unpackedDir, file), "utf8"),
    });
  }
  return packed;
}
