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

describe("compareHeaders on other headers", () => {
  it.each([
    [
      "HSTS removed",
      { "strict-transport-security": "max-age=63072000" },
      {},
      "warning HEADER_REMOVED strict-transport-security",
    ],
    [
      "HSTS max-age lowered",
      { "strict-transport-security": "max-age=63072000" },
      { "strict-transport-security": "max-age=300" },
      "warning HEADER_CHANGED strict-transport-security",
    ],
    [
      "HSTS max-age=0",
      { "strict-transport-security": "max-age=63072000" },
      { "strict-transport-security": "max-age=0" },
      "warning HEADER_CHANGED strict-transport-security",
    ],
    [
      "HSTS includeSubDomains dropped",
      { "strict-transport-security": "max-age=1; includeSubDomains" },
      { "strict-transport-security": "max-age=1" },
      "warning HEADER_CHANGED strict-transport-security",
    ],
    [
      "HSTS max-age raised",
      { "strict-transport-security": "max-age=1" },
      { "strict-transport-security": "max-age=2; preload" },
      "info HEADER_CHANGED strict-transport-security",
    ],
    [
      "Referrer-Policy to unsafe-url",
      { "referrer-policy": "no-referrer" },
      { "referrer-policy": "unsafe-url" },
      "warning HEADER_CHANGED referrer-policy",
    ],
    [
      "Referrer-Policy to no-referrer-when-downgrade",
      { "referrer-policy": "strict-origin-when-cross-origin" },
      { "referrer-policy": "no-referrer-when-downgrade" },
      "warning HEADER_CHANGED referrer-policy",
    ],
    [
      "Referrer-Policy tightened",
      { "referrer-policy": "origin" },
      { "referrer-policy": "no-referrer" },
      "info HEADER_CHANGED referrer-policy",
    ],
    [
      "Referrer-Policy removed",
      { "referrer-policy": "no-referrer" },
      {},
      "warning HEADER_REMOVED referrer-policy",
    ],
    [
      "Integrity-Policy removed",
      { "integrity-policy": "blocked-destinations=(script)" },
      {},
      "critical HEADER_REMOVED integrity-policy",
    ],
    [
      "Integrity-Policy changed",
      { "integrity-policy": "blocked-destinations=(script)" },
      { "integrity-policy": "blocked-destinations=(style)" },
      "warning HEADER_CHANGED integrity-policy",
    ],
    [
      "Integrity-Policy-Report-Only removed",
      { "integrity-policy-report-only": "blocked-destinations=(script)" },
      {},
      "warning HEADER_REMOVED integrity-policy-report-only",
    ],
    [
      "X-Content-Type-Options removed",
      { "x-content-type-options": "nosniff" },
      {},
      "warning HEADER_REMOVED x-content-type-options",
    ],
    [
      "Permissions-Policy changed",
      { "permissions-policy": "payment=()" },
      { "permissions-policy": "payment=*" },
      "warning HEADER_CHANGED permissions-policy",
    ],
    [
      "COOP changed",
      { "cross-origin-opener-policy": "same-origin" },
      { "cross-origin-opener-policy": "unsafe-none" },
      "warning HEADER_CHANGED cross-origin-opener-policy",
    ],
    [
      "Cache-Control losing no-store",
      { "cache-control": "no-store" },
      { "cache-control": "public, max-age=300" },
      "warning HEADER_CHANGED cache-control",
    ],
    [
      "Cache-Control changed, no-store kept",
      { "cache-control": "no-store" },
      { "cache-control": "no-store, private" },
      "info HEADER_CHANGED cache-control",
    ],
    [
      "Cache-Control without no-store removed",
      { "cache-control": "max-age=60" },
      {},
      "info HEADER_REMOVED cache-control",
    ],
    [
      "a header added",
      {},
      { "cross-origin-embedder-policy": "require-corp" },
      "info HEADER_CHANGED cross-origin-embedder-policy",
    ],
  ])("%s", (_name, before, after, expected) => {
    expect(findings(before, after)).toEqual([expected]);
  });

  it("makes X-Frame-Options' loss critical only when no frame-ancestors stands in", () => {
    const xfo = { "x-frame-options": "DENY" };
    expect(findings(xfo, {})).toEqual(["critical HEADER_REMOVED x-frame-options"]);
    expect(findings(xfo, { "x-frame-options": "ALLOWALL" })).toEqual([
      "critical HEADER_CHANGED x-frame-options",
    ]);
    const csp = { "content-security-policy": "frame-ancestors 'none'" };
    expect(findings({ ...csp, ...xfo }, csp)).toEqual(["warning HEADER_REMOVED x-frame-options"]);
  });

  it("names the header, the reason and both values", () => {
    const [finding] = compareHeaders({
      where: "/book",
      before: securityHeaders({ "referrer-policy": "no-referrer" }),
      after: securityHeaders({ "referrer-policy": "unsafe-url" }),
    });
    expect(finding).toEqual({
      severity: "warning",
      code: "HEADER_CHANGED",
      where: "/book",
      subject: "referrer-policy",
      message:
        "referrer-policy changed: weakened from no-referrer to unsafe-url: more of the URL reaches other sites.",
      before: "no-referrer",
      after: "unsafe-url",
    });
  });
});
