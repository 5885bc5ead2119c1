import { describe, expect, it } from "@jest/globals";
import { compareHeaders } from "./compare-headers";
import { securityHeaders } from "./security-headers";

function findings(before: Record<string, string>, after: Record<string, string>) {
  return compareHeaders({
    where: "/book",
    before: securityHeaders(before),
    after: securityHeaders(after),
  }).map((finding) => `${finding.severity} ${finding.code} ${finding.where} ${finding.subject}`);
}

const strict =
  "default-src 'self'; script-src 'self' 'nonce-a'; frame-ancestors 'none'; form-action 'self'";

describe("compareCsp", () => {
  it("is critical CSP_REMOVED when the policy is gone, with framing reported under its own code", () => {
    expect(findings({ "content-security-policy": strict }, {})).toEqual([
      "critical CSP_REMOVED /book content-security-policy",
      "critical FRAME_ANCESTORS_REMOVED /book frame-ancestors",
    ]);
    expect(
      findings(
        { "content-security-policy": strict, "x-frame-options": "DENY" },
        { "x-frame-options": "DENY" },
      ),
    ).toEqual([
      "critical CSP_REMOVED /book content-security-policy",
      "warning CSP_CHANGED /book frame-ancestors",
    ]);
  });

  it("treats a header with no directive as no policy", () => {
    expect(
      findings({ "content-security-policy": strict }, { "content-security-policy": " ; " })[0],
    ).toBe("critical CSP_REMOVED /book content-security-policy");
  });

  it("reports a policy added as info", () => {
    expect(findings({}, { "content-security-policy": strict })).toEqual([
      "info CSP_CHANGED /book content-security-policy",
    ]);
  });

  it("compares the policies of a multi-policy header by position", () => {
    const two = `${strict}, script-src 'nonce-a'; object-src 'none'`;
    expect(
      findings(
        { "content-security-policy": two },
        { "content-security-policy": two.replaceAll("nonce-a", "nonce-b") },
      ),
    ).toEqual([]);
    expect(
      findings({ "content-security-policy": two }, { "content-security-policy": strict }),
    ).toEqual([
      "critical CSP_WEAKENED /book script-src#2",
      "critical CSP_WEAKENED /book object-src#2",
    ]);
    expect(
      findings(
        { "content-security-policy": two },
        {
          "content-security-policy": `${strict}, script-src 'nonce-b' 'unsafe-eval'; object-src 'none'`,
        },
      ),
    ).toEqual(["critical CSP_WEAKENED /book script-src#2"]);
  });
});

describe("compareReportOnly", () => {
  const ro = (policy: string) => ({
    "content-security-policy": strict,
    "content-security-policy-report-only": policy,
  });

  it("warns of any change, marking the place report-only", () => {
    expect(findings(ro("script-src 'self'"), ro("script-src 'self' https://a.example"))).toEqual([
      "warning CSP_CHANGED /book (report-only) script-src",
    ]);
    expect(findings(ro("script-src 'self'; report-uri /r"), ro("script-src 'self'"))).toEqual([
      "warning CSP_CHANGED /book (report-only) report-uri",
    ]);
  });

  it("warns of its removal, notes its addition, and ignores a rotated nonce", () => {
    expect(findings(ro("script-src 'nonce-a'"), { "content-security-policy": strict })).toEqual([
      "warning CSP_CHANGED /book (report-only) content-security-policy-report-only",
    ]);
    expect(findings({ "content-security-policy": strict }, ro("script-src 'nonce-a'"))).toEqual([
      "info CSP_CHANGED /book (report-only) content-security-policy-report-only",
    ]);
    expect(findings(ro("script-src 'nonce-a'"), ro("script-src 'nonce-b'"))).toEqual([]);
  });
});
