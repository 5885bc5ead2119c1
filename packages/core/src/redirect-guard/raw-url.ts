/**
 * @module
 * Checks on the raw text of a URL, made before and after parsing, because the WHATWG URL parser
 * silently repairs many tricks (tabs, backslashes, `%73`, fullwidth letters, missing slashes).
 */

/** C0/C1 controls, any Unicode space or line separator, and invisible format characters. */
const CONTROL_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}]/u;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** True when `raw` holds whitespace, control or invisible formatting characters anywhere. */
export function hasControlCharacters(raw: string): boolean {
  return CONTROL_OR_SPACE.test(raw);
}

/** True when `raw` holds a backslash anywhere (browsers read `\` as `/` in http(s) URLs). */
export function hasBackslash(raw: string): boolean {
  return raw.includes("\\");
}

/** True when `raw` starts with a scheme such as `https:` (so it is not relative). */
export function hasScheme(raw: string): boolean {
  return SCHEME.test(raw);
}

/** True when the authority part of `raw` (`scheme://…` up to `/`, `?` or `#`) contains `@`. */
export function authorityHasAt(raw: string): boolean {
  const afterScheme = raw.slice(raw.indexOf(":") + 1).replace(/^\/*/, "");
  const end = afterScheme.search(/[/?#]/);
  return (end === -1 ? afterScheme : afterScheme.slice(0, end)).includes("@");
}

function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * True when `raw` starts with exactly `origin` (ASCII letters compared case-insensitively)
 * followed by the end, `/`, `?` or `#` — no default port, percent-escapes or look-alikes.
 */
export function startsWithOrigin(raw: string, origin: string): boolean {
  const next = raw.charAt(origin.length);
  return (
    asciiLowerCase(raw.slice(0, origin.length)) === origin &&
    (next === "" || next === "/" || next === "?" || next === "#")
  );
}
