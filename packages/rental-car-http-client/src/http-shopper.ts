/**
 * @module
 * A shopper over plain HTTP (no browser): keeps cookies, posts forms with the CSRF token from the
 * page, and never follows redirects by itself, so tests (and the reliability run's simulated
 * shoppers) see every 303.
 */

/** An answer: status, absolute redirect target, and body. */
export interface HttpAnswer {
  readonly status: number;
  readonly location: string | null;
  readonly html: string;
  readonly headers: Headers;
}

/** A cookie-keeping HTTP client for one shopper. */
export class HttpShopper {
  readonly #cookies = new Map<string, string>();

  /** `headers` go with every request (e.g. the reliability run's `X-Forwarded-For`). */
  constructor(
    readonly origin: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  async #send(url: string, init: RequestInit): Promise<HttpAnswer> {
    const absolute = new URL(url, this.origin).href;
    const headers = new Headers({
      ...this.headers,
      ...Object.fromEntries(new Headers(init.headers)),
    });
    if (new URL(absolute).origin === this.origin && this.#cookies.size > 0) {
      headers.set(
        "cookie",
        [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      );
    }
    const response = await fetch(absolute, { ...init, headers, redirect: "manual" });
    if (new URL(absolute).origin === this.origin) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair?.indexOf("=") ?? -1;
        if (pair !== undefined && at > 0) this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
    }
    const location = response.headers.get("location");
    return {
      status: response.status,
      location: location === null ? null : new URL(location, absolute).href,
      html: await response.text(),
      headers: response.headers,
    };
  }

  /** GET `url` (absolute or relative to the app). */
  get(url: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.#send(url, { method: "GET", headers });
  }

  /** POST a form like a same-origin browser (Fetch Metadata `same-origin` unless overridden). */
  post(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    return this.#send(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** The value of the hidden input `name` in a page. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (match?.[1] === undefined) throw new Error(`no hidden field ${name}`);
  return match[1].replaceAll("&amp;", "&").replaceAll("&quot;", '"');
}

/** Every hidden input of the form posting to `action`. */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  )) {
    if (name !== undefined && value !== undefined) {
      fields[name] = value.replaceAll("&amp;", "&").replaceAll("&quot;", '"');
    }
  }
  return fields;
}

/**
 * Books as a browser does: posts the booking form's `fields` to `POST /book/confirm`, opens the
 * confirmation page it redirects to, and presses "Continue to payment" with the terms accepted.
 * The last answer: the form again (400/409) when it was refused, else that of `POST /bookings`
 * (303 to the hosted page, or 409 sold out). `headers` go with each request.
 */
export async function submitBooking(
  shopper: HttpShopper,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const submitted = await shopper.post("/book/confirm", fields, headers);
  if (submitted.status !== 303 || submitted.location === null) return submitted;
  const review = await shopper.get(submitted.location, headers);
  if (review.status !== 200) return review;
  return shopper.post(
    "/bookings",
    { ...formFields(review.html, "/bookings"), accept: "yes" },
    headers,
  );
}
