/**
 * @module
 * Which relative paths a manifest covers: include and exclude globs (`**`, `*`, `?`) matched with
 * minimatch. Dotfiles match like any other name, because `.htaccess` and `.user.ini` are classic
 * homes for a backdoor; Node's `path.matchesGlob` skips them (and is experimental on Node 20).
 */
import { Minimatch } from "minimatch";

/** Glob patterns over paths relative to the root, with `/` separators. */
export interface PathPatterns {
  /** Only paths matching one of these are covered; absent or empty means every path. */
  readonly include?: readonly string[] | undefined;
  /** Paths matching one of these are never covered, e.g. `logs/**`. */
  readonly exclude?: readonly string[] | undefined;
}

function compile(patterns: readonly string[] | undefined): Minimatch[] {
  return (patterns ?? []).map(
    (pattern) => new Minimatch(pattern, { dot: true, nocomment: true, nonegate: true }),
  );
}

/** Returns a predicate telling whether a relative path is covered by `patterns`. */
export function createPathFilter(patterns: PathPatterns): (path: string) => boolean {
  const include = compile(patterns.include);
  const exclude = compile(patterns.exclude);
  return (path) =>
    (include.length === 0 || include.some((glob) => glob.match(path))) &&
    !exclude.some((glob) => glob.match(path));
}
