/**
 * @module
 * The file manifest of a deployed build: every file's SHA-256, size and executable bit, and every
 * symbolic link's target, keyed by path relative to the root. Validated with zod when read, because
 * a manifest is a file an attacker on the server could edit too.
 */
import * as z from "zod";

/** A regular file as recorded in a manifest. */
export interface ManifestFile {
  /** SHA-256 of the bytes, lowercase hex. */
  readonly sha256: string;
  readonly size: number;
  /** Whether any execute bit (owner, group or other) is set. */
  readonly executable: boolean;
}

/** A symbolic link as recorded in a manifest: its target text, never followed. */
export interface ManifestLink {
  readonly link: string;
}

/** One entry of a manifest. */
export type ManifestEntry = ManifestFile | ManifestLink;

/** A manifest of a directory tree, as written to disk. */
export interface FileManifest {
  readonly version: 1;
  /** ISO 8601 time the manifest was made. */
  readonly createdAt: string;
  /** The root as given when the manifest was made, for people; verification takes its own root. */
  readonly root: string;
  /** Entries keyed by path relative to the root, with `/` separators, sorted. */
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

const manifestFile = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex digits"),
  size: z.number().int().nonnegative(),
  executable: z.boolean(),
});

const manifestLink = z.strictObject({ link: z.string() });

/** The zod schema of {@link FileManifest}. */
export const fileManifestSchema: z.ZodType<FileManifest> = z.strictObject({
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  root: z.string(),
  files: z.record(
    z.string().min(1),
    z.union([manifestFile, manifestLink], {
      error: "expected { sha256, size, executable } or { link }",
    }),
  ),
});
