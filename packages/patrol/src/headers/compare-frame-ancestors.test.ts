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

const csp = (frameAncestors: string) => ({
  "content-security-policy": ["default-src 'self'", frameAncestors].filter(Boolean).join("; "),
});

describe("compareFrameAncestors", () => {
  it("is critical FRAME_ANCESTORS_REMOVED when removed and X-Frame-Options does not forbid framing", () => {
    expect(findings(csp("frame-ancestors 'none'"), csp(""))).toEqual([
      "critical FRAME_ANCESTORS_REMOVED frame-ancestors",
    ]);
    expect(
      findings(
        { ...csp("frame-ancestors 'none'"), "x-frame-options": "ALLOW-FROM https://a.example" },
        {
          ...csp(""),
          "x-frame-options": "ALLOW-FROM https://a.example",
        },
      ),
    ).toEqual(["critical FRAME_ANCESTORS_REMOVED frame-ancestors"]);
  });

  it("is a warning CSP_CHANGED when removed while X-Frame-Options DENY or SAMEORIGIN still forbids it", () => {
    for (const xfo of ["DENY", "sameorigin"]) {
      expect(
        findings(
          { ...csp("frame-ancestors 'none'"), "x-frame-options": xfo },
          { ...csp(""), "x-frame-options": xfo },
        ),
      ).toEqual(["warning CSP_CHANGED frame-ancestors"]);
    }
  });

  it("is critical when it gains * or a scheme, even beside X-Frame-Options (which browsers then ignore)", () => {
    const xfo = { "x-frame-options": "DENY" };
    expect(
      findings(
        { ...csp("frame-ancestors 'self'"), ...xfo },
        { ...csp("frame-ancestors 'self' *"), ...xfo },
      ),
    ).toEqual(["critical FRAME_ANCESTORS_REMOVED frame-ancestors"]);
    expect(findings(csp("frame-ancestors 'none'"), csp("frame-ancestors https:"))).toEqual([
      "critical FRAME_ANCESTORS_REMOVED frame-ancestors",
    ]);
  });

  it("is a warning when it gains a named host or 'self', info when it tightens", () => {
    expect(
      findings(
        csp("frame-ancestors 'self'"),
        csp("frame-ancestors 'self' https://partner.example"),
      ),
    ).toEqual(["warning CSP_CHANGED frame-ancestors"]);
    expect(findings(csp("frame-ancestors 'none'"), csp("frame-ancestors 'self'"))).toEqual([
      "warning CSP_CHANGED frame-ancestors",
    ]);
    expect(findings(csp("frame-ancestors 'self'"), csp("frame-ancestors 'none'"))).toEqual([
      "info CSP_CHANGED frame-ancestors",
    ]);
  });

  it("reports nothing when frame-ancestors is absent before and after", () => {
    expect(findings(csp(""), csp(""))).toEqual([]);
  });
});
