/**
 * @module
 * Reads and writes manifest files (pretty JSON, newline at the end). Reading validates with zod and
 * fails with a `CONFIG_INVALID` LinkpayError naming the bad key, e.g. `files["a.js"].sha256: …`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { LinkpayError } from "@linkpay/core";
import * as z from "zod";
import { type FileManifest, fileManifestSchema } from "./manifest-schema";

function invalid(path: string, problem: string, field: string, cause?: unknown): LinkpayError {
  return new LinkpayError("CONFIG_INVALID", `manifest ${path} ${problem}`, {
    cause,
    details: { field },
  });
}

/** Reads and validates the manifest at `path`. */
export async function readManifest(path: string): Promise<FileManifest> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw invalid(path, `is not valid JSON: ${error.message}`, "(file)", error);
  }
  const parsed = fileManifestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const keyOf = (issue: z.core.$ZodIssue) => z.core.toDotPath(issue.path) || "(manifest)";
  const lines = parsed.error.issues.map((issue) => `${keyOf(issue)}: ${issue.message}`);
  const first = parsed.error.issues[0];
  throw invalid(
    path,
    `is invalid:\n  ${lines.join("\n  ")}`,
    first === undefined ? "" : keyOf(first),
  );
}

/** Writes `manifest` to `path` as pretty JSON. */
export async function writeManifest(path: string, manifest: FileManifest): Promise<void> {
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
