/**
 * @module
 * Compares a directory tree with its manifest. Anything added or changed is critical: the breach
 * behind this check was a web shell dropped next to the app that skimmed cards for two years.
 * A removed file is a warning (a broken deployment more often than an attack).
 */
import type { Finding } from "../model/findings";
import { createManifest } from "./create-manifest";
import type { FileManifest, ManifestEntry } from "./manifest-schema";
import { createPathFilter, type PathPatterns } from "./path-filter";

/** Options of {@link verifyManifest}. */
export interface VerifyManifestOptions extends PathPatterns {
  /** The manifest made when the build was deployed. */
  readonly manifest: FileManifest;
  /** The directory to check; the manifest's own `root` is only a note for people. */
  readonly root: string;
}

/** What people read of an entry: a hash prefix or a link target. */
function show(entry: ManifestEntry): string {
  return "link" in entry
    ? `a symbolic link to ${entry.link}`
    : `sha256 ${entry.sha256.slice(0, 12)}`;
}

/** What changed between two entries of the same path, or undefined when nothing did. */
function describeChange(
  path: string,
  before: ManifestEntry,
  after: ManifestEntry,
): string | undefined {
  if ("link" in before || "link" in after) {
    if ("link" in before && "link" in after && before.link === after.link) return undefined;
    return `${path} changed from ${show(before)} to ${show(after)}`;
  }
  const content = before.sha256 !== after.sha256 || before.size !== after.size;
  const mode =
    before.executable === after.executable
      ? ""
      : after.executable
        ? "became executable"
        : "lost its executable bit";
  if (!content && mode === "") return undefined;
  if (!content) return `${path} ${mode}`;
  const changed = `The content of ${path} changed (${show(before)} → ${show(after)})`;
  return mode === "" ? changed : `${changed} and it ${mode}`;
}

function finding(
  path: string,
  before: ManifestEntry | undefined,
  after: ManifestEntry | undefined,
): Finding | undefined {
  const place = { where: path, subject: path };
  if (before === undefined && after !== undefined) {
    return {
      severity: "critical",
      code: "FILE_ADDED",
      ...place,
      message: `${path} (${show(after)}) is not in the manifest of the deployed build; a file dropped next to the app may be a web shell.`,
      after,
    };
  }
  if (before !== undefined && after === undefined) {
    return {
      severity: "warning",
      code: "FILE_REMOVED",
      ...place,
      message: `${path} is in the manifest of the deployed build but missing; the deployment may be incomplete or tampered with.`,
      before,
    };
  }
  if (before === undefined || after === undefined) return undefined;
  const change = describeChange(path, before, after);
  if (change === undefined) return undefined;
  return {
    severity: "critical",
    code: "FILE_CHANGED",
    ...place,
    message: `${change} since the manifest was made; code changed outside a deployment may be skimming cards.`,
    before,
    after,
  };
}

/**
 * Checks the tree at `root` against `manifest`, ignoring paths the patterns leave out on both sides.
 * Findings are sorted by path; `before` and `after` are the full manifest entries.
 *
 * @example
 * const findings = await verifyManifest({ manifest: await readManifest(file), root: "/srv/app/dist" });
 */
export async function verifyManifest(options: VerifyManifestOptions): Promise<Finding[]> {
  const isCovered = createPathFilter(options);
  const expected = new Map(
    Object.entries(options.manifest.files).filter(([path]) => isCovered(path)),
  );
  const current = await createManifest({
    root: options.root,
    include: options.include,
    exclude: options.exclude,
  });
  const actual = new Map(Object.entries(current.files));
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return paths.flatMap((path) => finding(path, expected.get(path), actual.get(path)) ?? []);
}
