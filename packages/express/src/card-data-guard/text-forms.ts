/**
 * @module
 * The ways a raw piece of request text can hide a card number from a plain scan: URL escapes
 * (`4242%E2%80%8B4242…`, `+` for a space) in the path, a `Referer` or a body the guard does not
 * parse, and UTF-8 bytes that Node reads as Latin-1 in header values (fullwidth digits, zero-width
 * spaces). The guard scans every form; core's detector does the rest.
 */

const ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;

/** `text` with `+` read as a space and every run of valid `%XX` escapes decoded as UTF-8. */
function urlDecoded(text: string): string {
  return text
    .replaceAll("+", " ")
    .replace(ESCAPES, (escapes) =>
      Buffer.from(escapes.replaceAll("%", ""), "hex").toString("utf8"),
    );
}

/** True when every unit of `text` is a byte (as Node gives header values) and one is not ASCII. */
function latin1Bytes(text: string): boolean {
  let high = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit > 0xff) return false;
    if (unit > 0x7f) high = true;
  }
  return high;
}

/** `text` as received, then as a URL would decode it and as UTF-8 bytes, when those differ. */
export function textForms(text: string): string[] {
  const forms = [text];
  const add = (form: string): void => {
    if (!forms.includes(form)) forms.push(form);
  };
  if (latin1Bytes(text)) add(Buffer.from(text, "latin1").toString("utf8"));
  for (const form of [...forms]) {
    if (form.includes("%") || form.includes("+")) add(urlDecoded(form));
  }
  return forms;
}
