/**
 * @module
 * CSP source expressions: how one is normalized (so a per-response nonce is no change) and
 * whether a source a policy gained was already allowed by what it had, which separates a new
 * permission from a rewording (`https://cdn.example.com` beside `*.example.com` is no new host).
 * When unsure, a source counts as new: the patrol would rather ask than miss.
 */

const HASH = /^'(sha256|sha384|sha512)-/;
const NONCE_OR_HASH = new Set(["'nonce'", "'sha256'", "'sha384'", "'sha512'"]);
const SCHEME_SOURCE = /^[a-z][a-z0-9+.-]*:$/;
const HOST_SOURCE =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:*]+|\[[^\]]*\])(?::(\d+|\*))?(\/.*)?$/;

/** A host source, split (scheme and port absent when the source leaves them out). */
interface HostSource {
  readonly scheme: string | undefined;
  readonly host: string;
  readonly port: string | undefined;
  readonly path: string | undefined;
}

/**
 * One source as the patrol records it: keywords lower-case with their quotes, any nonce as
 * `'nonce'`, a hash as its algorithm (`'sha256'`), scheme and host lower-case (a path keeps its
 * case: URL paths are case-sensitive). `keepCase` leaves unquoted tokens alone (report URLs,
 * Trusted Types policy names).
 */
export function normalizeSource(token: string, keepCase: boolean): string {
  if (token.startsWith("'")) {
    const keyword = token.toLowerCase();
    if (keyword.startsWith("'nonce-")) return "'nonce'";
    const hash = HASH.exec(keyword);
    return hash ? `'${hash[1]}'` : keyword;
  }
  if (keepCase) return token;
  const split = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)(.*)$/i.exec(token);
  if (!split) return token;
  return `${(split[1] ?? "").toLowerCase()}${(split[2] ?? "").toLowerCase()}${split[3] ?? ""}`;
}

/** Whether a source is a quoted keyword (`'self'`, `'nonce'`, …). */
export function isKeyword(source: string): boolean {
  return source.startsWith("'");
}

/** Whether a source is a scheme source (`https:`, `data:`). */
export function isSchemeSource(source: string): boolean {
  return SCHEME_SOURCE.test(source);
}

/** Whether a list carries a nonce or a hash (beside which CSP3 browsers ignore `'unsafe-inline'`). */
export function hasNonceOrHash(sources: readonly string[]): boolean {
  return sources.some((source) => NONCE_OR_HASH.has(source));
}

function parseHost(source: string): HostSource | undefined {
  const match = HOST_SOURCE.exec(source);
  if (!match?.[2]) return undefined;
  return { scheme: match[1], host: match[2], port: match[3], path: match[4] };
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === "*" || pattern === host) return true;
  if (!pattern.startsWith("*.")) return false;
  return host.endsWith(pattern.slice(1));
}

function pathMatches(pattern: string | undefined, path: string | undefined): boolean {
  if (pattern === undefined || pattern === "/") return true;
  if (path === undefined) return false;
  return pattern.endsWith("/") ? path.startsWith(pattern) : path === pattern;
}

function hostCovers(allowed: HostSource, wanted: HostSource): boolean {
  return (
    allowed.scheme === wanted.scheme &&
    hostMatches(allowed.host, wanted.host) &&
    (allowed.port === undefined || allowed.port === "*" || allowed.port === wanted.port) &&
    pathMatches(allowed.path, wanted.path)
  );
}

/** Whether `source` allows nothing that `sources` did not allow already. */
export function covers(sources: readonly string[], source: string): boolean {
  if (sources.includes(source)) return true;
  if (isKeyword(source) || source === "*") return false;
  const webScheme = (scheme: string | undefined) => scheme === "http" || scheme === "https";
  if (isSchemeSource(source)) {
    const scheme = source.slice(0, -1);
    return (
      (scheme === "https" && sources.includes("http:")) ||
      (webScheme(scheme) && sources.includes("*"))
    );
  }
  const wanted = parseHost(source);
  if (!wanted) return false;
  if (wanted.scheme !== undefined && sources.includes(`${wanted.scheme}:`)) return true;
  if (wanted.scheme === "https" && sources.includes("http:")) return true;
  if (sources.includes("*") && (wanted.scheme === undefined || webScheme(wanted.scheme)))
    return true;
  return sources.some((allowed) => {
    const parsed = !isKeyword(allowed) && !isSchemeSource(allowed) ? parseHost(allowed) : undefined;
    return parsed !== undefined && hostCovers(parsed, wanted);
  });
}
