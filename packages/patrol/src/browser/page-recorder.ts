/**
 * @module
 * Records a page as the browser received it: watches every response of a page (script bodies are
 * hashed as they arrive, every origin is noted), then, once a document has loaded, combines that
 * with the document's headers, its inventory and the site's cookies into a {@link PageSnapshot}.
 */
import type { Page, Response } from "playwright-core";
import { securityHeaders } from "../headers";
import type { CookieRecord, PageSnapshot, ScriptRecord } from "../model/snapshot";
import { isCardLike } from "./card-like";
import { readDomInventory } from "./dom-inventory";
import { originOf, preview, sha256, withoutQuery } from "./normalize";

/** Watches a page's responses; {@link PageRecorder.snapshot} records the current document. */
export interface PageRecorder {
  /** Forgets what was seen so far (call before each navigation the patrol makes). */
  reset(): void;
  /** The current document as a snapshot under `key`; `response` is its main response. */
  snapshot(key: string, response: Response | null): Promise<PageSnapshot>;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Starts watching `page`; `siteOrigin` is the merchant's origin. */
export function recordPages(page: Page, siteOrigin: string): PageRecorder {
  let scriptBodies = new Map<string, Promise<string | undefined>>();
  let origins = new Set<string>();

  page.on("response", (response) => {
    if (response.frame() !== page.mainFrame()) return;
    const url = response.url();
    const origin = originOf(url);
    if (origin !== undefined) origins.add(origin);
    if (response.request().resourceType() === "script" && !scriptBodies.has(url)) {
      scriptBodies.set(
        url,
        response.body().then(
          (body) => sha256(new Uint8Array(body)),
          () => undefined,
        ),
      );
    }
  });

  return {
    reset() {
      scriptBodies = new Map();
      origins = new Set();
    },
    async snapshot(key, response) {
      const inventory = await readDomInventory(page.mainFrame());
      const scripts: ScriptRecord[] = [];
      for (const script of inventory.scripts) {
        if (script.src === null) {
          scripts.push({
            kind: "inline",
            sha256: sha256(script.text),
            preview: preview(script.text),
          });
          continue;
        }
        scripts.push({
          kind: "external",
          url: withoutQuery(script.src),
          integrity: script.integrity ?? undefined,
          sha256: await (scriptBodies.get(script.src) ?? Promise.resolve(undefined)),
        });
      }
      for (const handler of inventory.handlers) {
        scripts.push({
          kind: "handler",
          element: handler.element,
          attribute: handler.attribute,
          sha256: sha256(handler.code),
          preview: preview(handler.code),
        });
      }
      // Scripts loaded but no longer in the DOM (a loader that removes its own tag) count too.
      const inDom = new Set(inventory.scripts.map((script) => script.src));
      for (const [url, body] of scriptBodies) {
        if (!inDom.has(url))
          scripts.push({ kind: "external", url: withoutQuery(url), sha256: await body });
      }
      const cookies: CookieRecord[] = (await page.context().cookies(siteOrigin))
        .map((cookie) => ({
          name: cookie.name,
          secure: cookie.secure,
          httpOnly: cookie.httpOnly,
          sameSite: cookie.sameSite,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const fields = (list: (typeof inventory.forms)[number]["fields"]) =>
        list.map((field) => ({
          name: field.name,
          type: field.type,
          autocomplete: field.autocomplete,
          cardLike: isCardLike(field),
        }));
      const forms = inventory.forms.map((form) => ({
        action: withoutQuery(form.action),
        method: form.method,
        fields: fields(form.fields),
      }));
      if (inventory.looseFields.length > 0) {
        forms.push({ action: "(no form)", method: "", fields: fields(inventory.looseFields) });
      }
      const linkOrigins = inventory.links
        .map(originOf)
        .filter((origin): origin is string => origin !== undefined && origin !== siteOrigin);
      return {
        key,
        url: withoutQuery(page.url()),
        status: response?.status() ?? 0,
        headers: securityHeaders(response === null ? {} : await response.allHeaders()),
        scripts,
        iframes: sorted(inventory.iframes.map(withoutQuery)),
        forms,
        linkOrigins: sorted(linkOrigins),
        thirdPartyOrigins: sorted([...origins].filter((origin) => origin !== siteOrigin)),
        navigations: sorted(
          inventory.metaRefresh
            .map((content) => content.replace(/^\s*\d+\s*;?\s*(url\s*=\s*)?/i, "").trim())
            .filter((target) => target !== "")
            .map((target) =>
              URL.canParse(target, page.url())
                ? withoutQuery(new URL(target, page.url()).href)
                : target.slice(0, 200),
            ),
        ),
        cookies,
      };
    },
  };
}
