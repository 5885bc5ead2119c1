import { describe, expect, it } from "@jest/globals";
import { compareHeaders } from "./compare-headers";
import { securityHeaders } from "./security-headers";

function findings(before: Record<string, string>, after: Record<string, string>): string[] {
  return compareHeaders({
    where: "/book",
    before: securityHeaders(before),
    after: securityHeaders(after),
  }).map((finding) => `${finding.severity} ${finding.code} ${finding.subject}`);
}

/** Headers helmet 8.3.0 sends with its defaults (`app.use(helmet())`). */
const HELMET_DEFAULTS = {
  "content-security-policy":
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-frame-options": "SAMEORIGIN",
  "x-xss-protection": "0",
};

/**
 * The rental-car demo's headers over https in production, as `@linkpay/express`'s
 * `securityHeaders` (helmet with `cspDirectives`) builds them for Stripe, with the nonce given.
 */
function rentalCarHeaders(nonce: string): Record<string, string> {
  return {
    "content-security-policy": `default-src 'self';script-src 'self' 'nonce-${nonce}';script-src-attr 'none';style-src 'self' 'nonce-${nonce}';img-src 'self' data:;font-src 'self';connect-src 'self';frame-src 'none';frame-ancestors 'none';base-uri 'none';object-src 'none';form-action 'self' https://checkout.stripe.com;upgrade-insecure-requests;report-uri /csp-reports;report-to csp-endpoint`,
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "referrer-policy": "no-referrer",
    "reporting-endpoints": 'csp-endpoint="/csp-reports"',
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
  };
}

/** The same in development over http, with the sandbox's hosted page as the checkout origin. */
function rentalCarDevHeaders(nonce: string): Record<string, string> {
  return {
    "content-security-policy": `default-src 'self';script-src 'self' 'nonce-${nonce}';script-src-attr 'none';style-src 'self' 'nonce-${nonce}';img-src 'self' data:;font-src 'self';connect-src 'self';frame-src 'none';frame-ancestors 'none';base-uri 'none';object-src 'none';form-action 'self' http://127.0.0.1:4455;report-uri /csp-reports`,
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
  };
}

describe("compareHeaders on real-world headers", () => {
  it.each([
    ["helmet's defaults", HELMET_DEFAULTS, HELMET_DEFAULTS],
    [
      "the rental-car demo",
      rentalCarHeaders("k8Jw2bQe1x9YhM0aZr3V4g=="),
      rentalCarHeaders("k8Jw2bQe1x9YhM0aZr3V4g=="),
    ],
    [
      "the rental-car demo, nonce rotated",
      rentalCarHeaders("k8Jw2bQe1x9YhM0aZr3V4g=="),
      rentalCarHeaders("Qm9vTmV3Tm9uY2VWYWx1ZQ=="),
    ],
    [
      "the rental-car demo in development, nonce rotated",
      rentalCarDevHeaders("a1b2"),
      rentalCarDevHeaders("c3d4"),
    ],
  ])("finds nothing in %s compared with itself", (_name, before, after) => {
    expect(findings(before, after)).toEqual([]);
  });

  it("sees what falling back from the demo's policy to helmet's defaults loosens", () => {
    expect(findings(rentalCarHeaders("a"), HELMET_DEFAULTS)).toEqual([
      "warning CSP_CHANGED frame-src",
      "warning CSP_CHANGED base-uri",
      "warning CSP_CHANGED frame-ancestors",
      "info CSP_CHANGED connect-src",
      "warning CSP_CHANGED font-src",
      "info CSP_CHANGED form-action",
      "warning CSP_CHANGED report-to",
      "warning CSP_CHANGED report-uri",
      "info CSP_CHANGED script-src",
      "warning CSP_CHANGED style-src",
      "warning HEADER_REMOVED cache-control",
      "warning HEADER_CHANGED strict-transport-security",
      "warning HEADER_CHANGED x-frame-options",
    ]);
  });
});
