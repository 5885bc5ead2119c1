/**
 * @module
 * The Content-Security-Policy of pages that start or end a checkout. Strict by default: scripts
 * and styles only from this origin or with the response's nonce, no framing, no `<base>`, no
 * plugins, and forms posted only here or to a provider's checkout origin, because browsers apply
 * `form-action` to the redirect that follows a form POST (the 303 to the hosted page).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Directives an app may add sources to (e.g. an analytics origin in `connect-src`). */
export type ExtensibleDirective =
  | "script-src"
  | "style-src"
  | "img-src"
  | "connect-src"
  | "font-src"
  | "frame-src";

/** Sources to add to the strict defaults. */
export type ExtraSources = Readonly<Partial<Record<ExtensibleDirective, readonly string[]>>>;

/** A helmet directive value: a fixed source or one computed per response (the nonce). */
type Source = string | ((req: IncomingMessage, res: ServerResponse) => string);

/** Input of {@link cspDirectives}. */
export interface CspDirectivesInput {
  /** Every provider checkout origin (`payments.checkoutOrigins`). */
  readonly checkoutOrigins: readonly string[];
  /** The `'nonce-…'` source of the current response. */
  readonly nonceSource: (req: IncomingMessage, res: ServerResponse) => string;
  readonly extraSources?: ExtraSources | undefined;
  /** Where violation reports go (`report-uri`). */
  readonly reportUri?: string | undefined;
  /**
   * Also name the Reporting API endpoint (`report-to`). Only for pages served over https:
   * browsers that know `report-to` ignore `report-uri`, and Chromium sends Reporting API
   * reports from https pages only, so on http the policy would report nothing.
   */
  readonly reportTo: boolean;
  /** Adds `upgrade-insecure-requests`. */
  readonly production: boolean;
}

/** The name of the Reporting-Endpoints entry `report-to` points at. */
export const CSP_REPORT_GROUP = "csp-endpoint";

/** The directives, in helmet's format. */
export function cspDirectives(input: CspDirectivesInput): Record<string, Source[] | null> {
  const extra = (name: ExtensibleDirective): string[] => [...(input.extraSources?.[name] ?? [])];
  const directives: Record<string, Source[] | null> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", input.nonceSource, ...extra("script-src")],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", input.nonceSource, ...extra("style-src")],
    "img-src": ["'self'", "data:", ...extra("img-src")],
    "font-src": ["'self'", ...extra("font-src")],
    "connect-src": ["'self'", ...extra("connect-src")],
    "frame-src": extra("frame-src").length > 0 ? extra("frame-src") : ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "form-action": ["'self'", ...input.checkoutOrigins],
    "upgrade-insecure-requests": input.production ? [] : null,
  };
  if (input.reportUri !== undefined) {
    directives["report-uri"] = [input.reportUri];
    if (input.reportTo) directives["report-to"] = [CSP_REPORT_GROUP];
  }
  return directives;
}
