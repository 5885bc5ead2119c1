import { describe, expect, it } from "@jest/globals";
import { securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("parses both policies and keeps only the listed headers, normalized", () => {
    const recorded = securityHeaders({
      "content-security-policy": "default-src 'self'; script-src 'nonce-x'",
      "content-security-policy-report-only": "script-src 'self'",
      "strict-transport-security": "max-age=63072000;  includeSubDomains ",
      "x-frame-options": "DENY",
      "x-content-type-options": "NoSniff",
      "referrer-policy": "no-referrer",
      "permissions-policy": 'camera=(),  geolocation=(self "https://Maps.example")',
      "cross-origin-opener-policy": "same-origin",
      "cache-control": "No-Store",
      "content-type": "text/html",
      "x-powered-by": "Express",
    });
    expect(recorded).toEqual({
      csp: { "default-src": ["'self'"], "script-src": ["'nonce'"] },
      cspReportOnly: { "script-src": ["'self'"] },
      other: {
        "cache-control": "no-store",
        "cross-origin-opener-policy": "same-origin",
        "permissions-policy": 'camera=(), geolocation=(self "https://Maps.example")',
        "referrer-policy": "no-referrer",
        "strict-transport-security": "max-age=63072000; includesubdomains",
        "x-content-type-options": "nosniff",
        "x-frame-options": "deny",
      },
    });
  });

  it("records absent policies as null and leaves out empty headers", () => {
    expect(securityHeaders({ "x-frame-options": "  ", "content-security-policy": "" })).toEqual({
      csp: null,
      cspReportOnly: null,
      other: {},
    });
  });

  it("keeps the case of headers browsers match case-sensitively", () => {
    const other = securityHeaders({
      "referrer-policy": "No-Referrer",
      "cross-origin-opener-policy": "Same-Origin",
    }).other;
    expect(other).toEqual({
      "referrer-policy": "No-Referrer",
      "cross-origin-opener-policy": "Same-Origin",
    });
  });

  it("reads repeated headers joined with ', ' (playwright) or '\\n' alike", () => {
    const joined = (separator: string) =>
      securityHeaders({
        "content-security-policy": `default-src 'self'${separator}script-src 'nonce-a'`,
        "referrer-policy": `no-referrer${separator}strict-origin`,
        "strict-transport-security": `max-age=300${separator}max-age=0`,
      });
    expect(joined(", ")).toEqual(joined("\n"));
    expect(joined("\n").csp).toEqual({ "default-src": ["'self'"], "script-src#2": ["'nonce'"] });
    expect(joined("\n").other).toEqual({
      "referrer-policy": "no-referrer, strict-origin",
      // Browsers honour the first Strict-Transport-Security header only.
      "strict-transport-security": "max-age=300",
    });
  });
});
