import { describe, expect, it } from "@jest/globals";
import { compareHeaders } from "./compare-headers";
import { securityHeaders } from "./security-headers";

/** Severity, code and subject of each finding between two CSP header values. */
function cspFindings(before: string, after: string): string[] {
  return compareHeaders({
    where: "/book",
    before: securityHeaders({ "content-security-policy": before }),
    after: securityHeaders({ "content-security-policy": after }),
  }).map((finding) => `${finding.severity} ${finding.code} ${finding.subject}`);
}

describe("comparePolicy: fallbacks", () => {
  it("counts script-src * as a weakening where default-src 'self' governed scripts", () => {
    expect(cspFindings("default-src 'self'", "default-src 'self'; script-src *")).toEqual([
      "critical CSP_WEAKENED script-src",
    ]);
  });

  it("reports each fetch directive that inherits a widened default-src", () => {
    expect(cspFindings("default-src 'self'", "default-src 'self' https://evil.example")).toEqual([
      "critical CSP_WEAKENED script-src",
      "critical CSP_WEAKENED connect-src",
      "critical CSP_WEAKENED frame-src",
      "critical CSP_WEAKENED object-src",
      "warning CSP_CHANGED default-src",
    ]);
  });

  it("judges a removed script-src by the default-src it now falls back to", () => {
    const wide = "default-src 'self' https://cdn.example";
    expect(cspFindings(`${wide}; script-src 'self'`, wide)).toEqual([
      "critical CSP_WEAKENED script-src",
    ]);
    expect(cspFindings("default-src 'self'; script-src 'self'", "default-src 'self'")).toEqual([
      "info CSP_CHANGED script-src",
    ]);
  });

  it("says where the sources come from", () => {
    const [finding] = compareHeaders({
      where: "/book",
      before: securityHeaders({ "content-security-policy": "default-src 'self'" }),
      after: securityHeaders({
        "content-security-policy":
          "default-src 'self'; connect-src 'self'; script-src 'self' 'unsafe-eval'",
      }),
    });
    expect(finding).toEqual({
      severity: "critical",
      code: "CSP_WEAKENED",
      where: "/book",
      subject: "script-src",
      message:
        "CSP script-src weakened: allows 'unsafe-eval' (eval and new Function run strings as code).",
      before: ["'self'"],
      after: ["'self'", "'unsafe-eval'"],
    });
  });

  it("reports nothing for form-action absent before and after, whatever default-src does", () => {
    expect(cspFindings("default-src 'self'", "default-src 'self'")).toEqual([]);
    expect(cspFindings("default-src 'self'", "default-src 'none'")).toEqual([
      "info CSP_CHANGED default-src",
    ]);
  });

  it("removing object-src is judged by default-src: unrestricted is critical, 'self' a warning", () => {
    expect(cspFindings("script-src 'self'; object-src 'none'", "script-src 'self'")).toEqual([
      "critical CSP_WEAKENED object-src",
    ]);
    expect(cspFindings("default-src 'self'; object-src 'none'", "default-src 'self'")).toEqual([
      "warning CSP_CHANGED object-src",
    ]);
  });
});
