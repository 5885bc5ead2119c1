/**
 * @module
 * What the patrol reads from a loaded document: script elements, event-handler attributes and
 * `javascript:` URLs, iframes, forms with their fields, links and meta refreshes. It runs inside
 * the page (through the DevTools protocol, so the page's CSP does not apply to it) and is a string
 * because this package compiles without DOM types.
 */
import type { Frame } from "playwright-core";

/** The raw inventory of one document, as the page reports it. */
export interface DomInventory {
  readonly scripts: readonly {
    readonly src: string | null;
    readonly integrity: string | null;
    readonly text: string;
  }[];
  readonly handlers: readonly {
    readonly element: string;
    readonly attribute: string;
    readonly code: string;
  }[];
  readonly iframes: readonly string[];
  readonly forms: readonly {
    readonly action: string;
    readonly method: string;
    readonly fields: readonly {
      readonly name: string;
      readonly type: string;
      readonly autocomplete: string;
      readonly hints: string;
    }[];
  }[];
  /** Inputs outside any form (a skimmer's card fields need no form). */
  readonly looseFields: readonly {
    readonly name: string;
    readonly type: string;
    readonly autocomplete: string;
    readonly hints: string;
  }[];
  readonly links: readonly string[];
  readonly metaRefresh: readonly string[];
}

const INVENTORY = `(() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : el.getAttribute("name") ? "[" + el.getAttribute("name") + "]" : "");
  const field = (el) => ({
    name: el.getAttribute("name") || el.id || "",
    type: (el.getAttribute("type") || el.tagName).toLowerCase(),
    autocomplete: (el.getAttribute("autocomplete") || "").toLowerCase(),
    hints: [el.id, el.getAttribute("placeholder"), el.getAttribute("aria-label"), el.getAttribute("inputmode"),
      el.labels && el.labels.length ? Array.from(el.labels).map((l) => l.textContent).join(" ") : ""]
      .filter(Boolean).join(" ").replace(/\\s+/g, " ").trim().slice(0, 200),
  });
  const handlers = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) handlers.push({ element: describe(el), attribute: name, code: attr.value });
      else if ((name === "href" || name === "action" || name === "src" || name === "formaction") && /^\\s*javascript:/i.test(attr.value)) {
        handlers.push({ element: describe(el), attribute: name, code: attr.value });
      }
    }
  }
  return {
    // Data blocks (JSON, templates) are not run: only classic scripts and modules are scripts.
    scripts: Array.from(document.scripts).filter((s) => !s.type || /^((text|application)[/](javascript|ecmascript)|module)$/i.test(s.type.trim())).map((s) => ({ src: s.getAttribute("src") ? s.src : null, integrity: s.getAttribute("integrity"), text: s.getAttribute("src") ? "" : s.text })),
    handlers,
    iframes: Array.from(document.querySelectorAll("iframe, frame, object[data], embed[src]")).map((f) => f.src || f.data || ""),
    forms: Array.from(document.forms).map((f) => ({
      action: f.action, method: (f.getAttribute("method") || "get").toLowerCase(),
      fields: Array.from(f.elements).filter((e) => /^(input|select|textarea)$/i.test(e.tagName)).map(field),
    })),
    looseFields: Array.from(document.querySelectorAll("input, select, textarea")).filter((e) => !e.form).map(field),
    links: Array.from(document.querySelectorAll("a[href], area[href]")).map((a) => a.href),
    metaRefresh: Array.from(document.querySelectorAll("meta[http-equiv]"))
      .filter((m) => m.httpEquiv.toLowerCase() === "refresh").map((m) => m.content),
  };
})()`;

/** Reads the inventory of `frame`'s document. */
export async function readDomInventory(frame: Frame): Promise<DomInventory> {
  return (await frame.evaluate(INVENTORY)) as DomInventory;
}
