/**
 * @module
 * A tagged template for server-rendered HTML that escapes every interpolated value unless it is
 * itself the output of `html`. Merchant-supplied text (line item names, the merchant name) can
 * therefore never become markup.
 */

/** A fragment of HTML produced by {@link html}; the only thing interpolated unescaped. */
export class SafeHtml {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  /** The markup. */
  toString(): string {
    return this.#markup;
  }
}

/** Values {@link html} accepts: text is escaped, `SafeHtml` kept, lists joined, nullish dropped. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | null
  | undefined
  | false
  | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** `text` with `& < > " ' \`` replaced by character references (safe in text and quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => ESCAPES[character] ?? character);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Builds HTML, escaping every interpolation.
 *
 * @example
 * html`<td>${item.name}</td>`; // "<td>&lt;script&gt;…</td>" for a hostile name
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(markup);
}
