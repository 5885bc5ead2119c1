/**
 * @module
 * Makes a manifest of a directory tree. Symbolic links are recorded by their target text and never
 * followed, so a link to `/etc/passwd` is neither read nor hashed; files are opened with
 * `O_NOFOLLOW` so a file swapped for a link mid-walk is not followed either. Contents are streamed
 * into the hash, never read whole.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FileManifest, ManifestEntry, ManifestFile } from "./manifest-schema";
import { createPathFilter, type PathPatterns } from "./path-filter";

/** Options of {@link createManifest}. */
export interface CreateManifestOptions extends PathPatterns {
  /** The directory to record, e.g. the deployed build. */
  readonly root: string;
  /** The clock for `createdAt` (default: the system clock). */
  readonly now?: (() => Date) | undefined;
}

// O_NONBLOCK: opening a FIFO that replaced a file mid-walk returns at once instead of hanging.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

async function readFileEntry(path: string): Promise<ManifestFile | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    // Gone since the directory was listed (a rotated temp file): absent, like any missing file.
    if (isErrorCode(error, "ENOENT")) return undefined;
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return undefined;
    const stream = handle.createReadStream({ autoClose: false });
    const hash = createHash("sha256");
    await pipeline(stream, hash);
    return {
      sha256: hash.digest("hex"),
      size: stream.bytesRead,
      executable: (stats.mode & 0o111) !== 0,
    };
  } finally {
    await handle.close();
  }
}

async function collect(
  root: string,
  dir: string,
  isCovered: (path: string) => boolean,
  entries: Map<string, ManifestEntry>,
): Promise<void> {
  for (const dirent of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = dir === "" ? dirent.name : `${dir}/${dirent.name}`;
    if (dirent.isDirectory()) {
      await collect(root, path, isCovered, entries);
      continue;
    }
    if (!isCovered(path)) continue;
    if (dirent.isSymbolicLink()) {
      entries.set(path, { link: await readlink(join(root, path)) });
    } else if (dirent.isFile()) {
      const file = await readFileEntry(join(root, path));
      if (file !== undefined) entries.set(path, file);
    }
    // Sockets, FIFOs and devices have no content to pin; a deployed build holds none.
  }
}

/**
 * Walks `root` and records every covered file and symbolic link, sorted by path.
 *
 * @example
 * const manifest = await createManifest({ root: "/srv/app/dist", exclude: ["logs/**"] });
 */
export async function createManifest(options: CreateManifestOptions): Promise<FileManifest> {
  const entries = new Map<string, ManifestEntry>();
  await collect(options.root, "", createPathFilter(options), entries);
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: 1,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    root: options.root,
    files: Object.fromEntries(sorted),
  };
}
