/**
 * @module
 * What a safe page looks like, checked on the HTML and headers the app sends back to an attack:
 * a strict Content-Security-Policy, and markup made only of the app's own tags with no event
 * handlers or script URLs, so an unescaped payload shows up as a problem instead of passing.
 */
import type { HttpAnswer } from "@linkpay/rental-car-http-client";
import { TEXTS } from "../web/i18n";

/** The problems of a Content-Security-Policy header for pages that must run no injected script. */
export function cspProblems(header: string | null): string[] {
  if (header === null) return ["no Content-Security-Policy header"];
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "") directives.set(name.toLowerCase(), sources);
  }
  const problems: string[] = [];
  const scriptSrc = directives.get("script-src") ?? directives.get("default-src");
  if (scriptSrc === undefined) return ["CSP without script-src or default-src"];
  for (const source of scriptSrc) {
    if (source !== "'self'" && !/^'nonce-[A-Za-z0-9+/_-]{16,}={0,2}'$/.test(source)) {
      problems.push(`script-src allows ${source}`);
    }
  }
  if (directives.get("script-src-attr")?.join(" ") !== "'none'") {
    problems.push("script-src-attr is not 'none'");
  }
  if (directives.get("object-src")?.join(" ") !== "'none'") problems.push("object-src not 'none'");
  if (directives.get("base-uri")?.join(" ") !== "'none'") problems.push("base-uri not 'none'");
  return problems;
}

/** Every element the app's pages are made of; anything else is injected markup. */
const ALLOWED_TAGS = new Set(
  "html head meta title link body header nav main a p h1 h2 form input label select option button table thead tbody tfoot tr td th dl dt dd ul li span strong div section h3 fieldset legend img footer".split(
    " ",
  ),
);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href"]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" }[lower] ?? "";
  });
}

/**
 * Walks every `<` of the document: each must open the doctype, a closing tag or a well-formed
 * tag of the app's own vocabulary, without event-handler attributes or `javascript:` URLs. An
 * unescaped payload breaks one of these (a stray `<`, a `<script>`, an `onerror=`).
 */
export function markupProblems(html: string): string[] {
  const problems: string[] = [];
  const doctype = /<!DOCTYPE html>/iy;
  const closing = /<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/y;
  const opening =
    /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
  const attribute = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at + 1)) {
    doctype.lastIndex = at;
    closing.lastIndex = at;
    opening.lastIndex = at;
    if (doctype.test(html)) continue;
    const close = closing.exec(html);
    if (close !== null) {
      const name = (close[1] ?? "").toLowerCase();
      if (!ALLOWED_TAGS.has(name)) problems.push(`injected </${name}>`);
      continue;
    }
    const open = opening.exec(html);
    if (open === null) {
      problems.push(`stray "<" in ${JSON.stringify(html.slice(at, at + 50))}`);
      continue;
    }
    const name = (open[1] ?? "").toLowerCase();
    if (!ALLOWED_TAGS.has(name)) problems.push(`injected <${name}>`);
    for (const [, attributeName = "", ...values] of (open[2] ?? "").matchAll(attribute)) {
      const key = attributeName.toLowerCase();
      const value = decodeEntities(values.find((v) => v !== undefined) ?? "");
      const compact = value.replace(/[\s\p{Cc}]/gu, "").toLowerCase();
      if (key.startsWith("on")) problems.push(`event handler ${key} on <${name}>`);
      if (URL_ATTRIBUTES.has(key) && /^(javascript|vbscript|data):/.test(compact)) {
        problems.push(`script URL in ${key} of <${name}>`);
      }
      if (key === "href" && /^(\/\/|\/\\|\\)/.test(value.trim())) {
        problems.push(`off-site protocol-relative link ${value}`);
      }
      if (name === "meta" && key === "content" && /url=/.test(compact)) {
        problems.push("meta refresh to a URL");
      }
      // The only pictures the shop shows are its own car drawings.
      if (name === "img" && key === "src" && !value.startsWith("/assets/cars/")) {
        problems.push(`injected <img> from ${value}`);
      }
    }
  }
  return problems;
}

/** Everything wrong with one answer to an attack request (empty: the page is safe). */
export function pageProblems(answer: HttpAnswer, payload: string | undefined): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  problems.push(...cspProblems(answer.headers.get("content-security-policy")));
  const type = answer.headers.get("content-type") ?? "";
  if (answer.html !== "" && !type.startsWith("text/html")) problems.push(`content-type ${type}`);
  if (payload !== undefined && /[<"]/.test(payload) && answer.html.includes(payload)) {
    problems.push("payload reflected unescaped");
  }
  problems.push(...markupProblems(answer.html));
  return problems;
}

/** The shopper's name as the booking summary shows it (entities decoded). */
export function displayedName(html: string): string | undefined {
  const match = new RegExp(`<dt>${TEXTS.en.name}</dt><dd>([^<]*)</dd>`).exec(html);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}
