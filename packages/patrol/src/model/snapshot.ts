/**
 * @module
 * What one patrol run records of the site, as the browser received it. Everything here is
 * normalized so that two runs against an unchanged site produce equal snapshots: nonces, CSRF
 * tokens, booking references and dates never appear (URLs lose their query and fragment, script
 * hashes ignore nonces and insignificant whitespace, form fields keep their names, not values).
 */

/** A script the page ran or loaded. */
export type ScriptRecord =
  | {
      readonly kind: "external";
      /** Absolute URL without query or fragment. */
      readonly url: string;
      /** The `integrity` attribute, when the tag has one. */
      readonly integrity?: string | undefined;
      /** SHA-256 (hex) of the normalized content as received; absent if it could not be read. */
      readonly sha256?: string | undefined;
    }
  | {
      readonly kind: "inline";
      /** SHA-256 (hex) of the normalized text. */
      readonly sha256: string;
      /** The first 80 characters of the normalized text, for people reading a report. */
      readonly preview: string;
    }
  | {
      readonly kind: "handler";
      /** `tag#id` or `tag[name]` of the element carrying the handler. */
      readonly element: string;
      /** The attribute, e.g. `onclick`; `javascript:` URLs are recorded as attribute `href`. */
      readonly attribute: string;
      readonly sha256: string;
      readonly preview: string;
    };

/** A form on a page. */
export interface FormRecord {
  /** Absolute action URL without query or fragment. */
  readonly action: string;
  readonly method: string;
  readonly fields: readonly FieldRecord[];
}

/** A form field, by name, type and autocomplete hint (never its value). */
export interface FieldRecord {
  readonly name: string;
  readonly type: string;
  readonly autocomplete: string;
  /** Whether it looks like it takes card data (number, expiry, CVC). */
  readonly cardLike: boolean;
}

/** A cookie the site set, by its flags. */
export interface CookieRecord {
  readonly name: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: string;
}

/** The security-relevant headers of a document response, lower-case names. */
export interface SecurityHeaders {
  /** Directive name → its sources, sorted; nonces and hashes reduced to `'nonce'` and `'sha256'`. */
  readonly csp: Readonly<Record<string, readonly string[]>> | null;
  readonly cspReportOnly: Readonly<Record<string, readonly string[]>> | null;
  /** Other security headers as received (`strict-transport-security`, `x-frame-options`, …). */
  readonly other: Readonly<Record<string, string>>;
}

/** One page as the browser received it. */
export interface PageSnapshot {
  /** The page's key: its path, e.g. `/book`, or `journey:<name>:<step>`. */
  readonly key: string;
  /** Final URL without query or fragment. */
  readonly url: string;
  readonly status: number;
  readonly headers: SecurityHeaders;
  readonly scripts: readonly ScriptRecord[];
  readonly iframes: readonly string[];
  readonly forms: readonly FormRecord[];
  /** Origins of links that leave the site (sorted, distinct). */
  readonly linkOrigins: readonly string[];
  /** Origins the page loaded anything from, other than its own (sorted, distinct). */
  readonly thirdPartyOrigins: readonly string[];
  /** `<meta http-equiv=refresh>` targets and navigations the page started by itself. */
  readonly navigations: readonly string[];
  readonly cookies: readonly CookieRecord[];
}

/** One hop of the navigation that followed the journey's final submit. */
export interface NavigationHop {
  /** URL without query or fragment (the session id of a hosted page stays: it is in the path). */
  readonly url: string;
  readonly method: string;
  /** HTTP status; 0 when the browser got no answer. */
  readonly status: number;
  /** How the browser got here: the submit, an HTTP redirect, or the page's own doing. */
  readonly cause: "submit" | "redirect" | "document";
  /**
   * The `Location` of a 3xx answer, without query or fragment: kept even when the browser did
   * not follow it (a `form-action` CSP blocks an off-list redirect and leaves the shopper on the
   * form, while the server did send them elsewhere).
   */
  readonly location?: string | undefined;
}

/** What the journey's final step led to. */
export interface RedirectRecord {
  readonly journey: string;
  /** Every main-frame document request from the submit to where the browser settled. */
  readonly hops: readonly NavigationHop[];
  /** The amount the merchant's page showed before the submit, in minor units, when configured. */
  readonly expectedAmount?: { readonly amount: number; readonly currency: string } | undefined;
  /** The synthetic e-mail the journey typed (it binds the session to this run's booking). */
  readonly email?: string | undefined;
}

/** A whole run's record. */
export interface Snapshot {
  readonly version: 1;
  readonly baseUrl: string;
  readonly takenAt: string;
  readonly pages: readonly PageSnapshot[];
  readonly redirects: readonly RedirectRecord[];
}
