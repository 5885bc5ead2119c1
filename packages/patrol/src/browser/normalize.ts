/**
 * @module
 * Normalization that keeps two runs of an unchanged site equal: URLs lose query and fragment
 * (tokens, references, dates), script text loses insignificant whitespace, hashes are SHA-256.
 */
import { createHash } from "node:crypto";

/** `url` without query and fragment; unparseable URLs are returned as given, clipped. */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "javascript:" || parsed.protocol === "data:")
      return `${parsed.protocol}…`;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.slice(0, 200);
  }
}

/** The origin of `url`, or undefined when it has none (`about:blank`, `data:`). */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === "null" ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

/** Script text with runs of whitespace collapsed and the ends trimmed. */
export function normalizeScript(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** SHA-256 (hex) of normalized script text or of bytes. */
export function sha256(content: string | Uint8Array): string {
  return createHash("sha256")
    .update(typeof content === "string" ? normalizeScript(content) : content)
    .digest("hex");
}

/** The first 80 characters of normalized text, for reports. */
export function preview(text: string): string {
  const normal = normalizeScript(text);
  return normal.length > 80 ? `${normal.slice(0, 79)}…` : normal;
}
