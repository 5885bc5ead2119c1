/**
 * @module
 * What a packed package must be, checked on the tarball's own files: a LICENSE and a README whose
 * links work on npm, the repository metadata, real versions instead of `workspace:`, no scripts,
 * every path the manifest names shipped, every relative import resolvable, source maps that carry
 * their sources, and nothing a consumer does not need (build info, tests, benches, test support).
 */

import { posix } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { entryPointsOf } from "../esm-wrappers/entry-points";
import { expectedMetadata } from "./repository";

/** A package as it came out of `pnpm pack`. */
export interface PackedContents {
  /** Its folder in the repository, e.g. `packages/core`. */
  readonly directory: string;
  readonly manifest: Record<string, unknown>;
  /** Every file in the tarball, relative to the package root, with `/` separators. */
  readonly files: readonly string[];
  /** Reads a shipped file as text. */
  readonly read: (file: string) => string;
}

const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;
const UNNEEDED = [
  { pattern: /\.tsbuildinfo$/, why: "TypeScript build info" },
  { pattern: /\.test\.|(^|\/)__tests__\//, why: "a test" },
  { pattern: /(^|\/)(test|test-support)\//, why: "test support" },
  { pattern: /(^|\/)bench\//, why: "a benchmark" },
  { pattern: /\.d\.[mc]?ts\.map$/, why: "a declaration map (its sources are not shipped)" },
  { pattern: /^src\//, why: "TypeScript source" },
];

function targetsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(targetsOf);
  return [];
}

function normalize(path: string): string {
  return posix.normalize(path).replace(/^\.\//, "");
}

/** Link targets in markdown (inline and reference style) and HTML `href`/`src` attributes. */
export function linkTargetsOf(markdown: string): string[] {
  const patterns = [
    /\]\(\s*<?([^)\s>]+)/g,
    /^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$/gm,
    /(?:href|src)="([^"]+)"/g,
  ];
  return patterns.flatMap((pattern) =>
    [...markdown.matchAll(pattern)].map((match) => match[1] ?? ""),
  );
}

function readmeProblems(readme: string): string[] {
  return linkTargetsOf(readme)
    .filter((target) => !/^(https:\/\/|mailto:|#)/.test(target))
    .map(
      (target) => `README.md links to "${target}", which does not work on npm (use an https URL)`,
    );
}

function importProblems(contents: PackedContents, shipped: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const file of contents.files) {
    const isJs = /\.(c|m)?js$/.test(file);
    const isTypes = /\.d\.(c|m)?ts$/.test(file);
    if (!isJs && !isTypes) continue;
    const pattern = isJs
      ? /(?:require\(|import\(|from\s+)"(\.{1,2}\/[^"]*)"/g
      : /(?:from\s+|import\()"(\.{1,2}\/[^"]*)"/g;
    for (const [, specifier = ""] of contents.read(file).matchAll(pattern)) {
      const base = normalize(posix.join(posix.dirname(file), specifier));
      const stem = base.replace(/\.(c|m)?js$/, "");
      const candidates = isJs
        ? [base, `${base}.js`, `${base}/index.js`]
        : [`${stem}.d.ts`, `${stem}.d.mts`, `${stem}.d.cts`, `${base}/index.d.ts`];
      if (!candidates.some((candidate) => shipped.has(candidate))) {
        problems.push(`${file} imports "${specifier}", which is not in the tarball`);
      }
    }
  }
  return problems;
}

function sourceMapProblems(contents: PackedContents): string[] {
  return contents.files
    .filter((file) => file.endsWith(".js.map"))
    .filter((file) => {
      const map = JSON.parse(contents.read(file)) as {
        sources?: unknown[];
        sourcesContent?: unknown[];
      };
      const sources = map.sources ?? [];
      return (
        (map.sourcesContent ?? []).filter((text) => typeof text === "string").length !==
        sources.length
      );
    })
    .map((file) => `${file} points at sources it does not carry (build with inlineSources)`);
}

/** Every problem of one packed package; empty when it is fit to publish. */
export function checkPackedPackage(contents: PackedContents): string[] {
  const { manifest, files } = contents;
  const shipped = new Set(files);
  const problems: string[] = [];
  for (const file of ["package.json", "README.md", "LICENSE"]) {
    if (!shipped.has(file)) problems.push(`${file} is missing`);
  }
  if (shipped.has("README.md")) problems.push(...readmeProblems(contents.read("README.md")));
  if (manifest.license !== "MIT") problems.push(`license is ${String(manifest.license)}, not MIT`);
  if (manifest.type !== "commonjs")
    problems.push(`"type" must be "commonjs" (the build is CommonJS)`);
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) {
    problems.push("keywords are missing");
  }
  for (const [field, expected] of Object.entries(expectedMetadata(contents.directory))) {
    if (!isDeepStrictEqual(manifest[field], expected)) {
      problems.push(
        `${field} is ${JSON.stringify(manifest[field])}, expected ${JSON.stringify(expected)}`,
      );
    }
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(
      (manifest[field] ?? {}) as Record<string, unknown>,
    )) {
      if (String(range).startsWith("workspace:"))
        problems.push(`${field}.${name} is still ${String(range)}`);
    }
  }
  if (manifest.scripts !== undefined) {
    problems.push(
      `"scripts" is published (${Object.keys(manifest.scripts as object).join(", ")}); consumers never run them`,
    );
  }
  for (const field of ["main", "types", "bin", "exports"]) {
    for (const target of targetsOf(manifest[field])) {
      if (!shipped.has(normalize(target)))
        problems.push(`${field} names ${target}, which is not shipped`);
    }
  }
  try {
    entryPointsOf({ name: String(manifest.name), exports: manifest.exports });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  for (const file of files) {
    const unneeded = UNNEEDED.find(({ pattern }) => pattern.test(file));
    if (unneeded) problems.push(`${file} is shipped but is ${unneeded.why}`);
  }
  problems.push(...importProblems(contents, shipped), ...sourceMapProblems(contents));
  return problems;
}
