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

const base = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

describe("comparePolicy: script-src weakenings", () => {
  it.each([
    ["'unsafe-inline' with no nonce", "script-src 'self'", "script-src 'self' 'unsafe-inline'"],
    ["'unsafe-eval'", "script-src 'self' 'nonce-a'", "script-src 'self' 'nonce-b' 'unsafe-eval'"],
    [
      "'unsafe-hashes'",
      "script-src 'self' 'sha256-x'",
      "script-src 'self' 'sha256-x' 'unsafe-hashes'",
    ],
    ["*", "script-src 'self'", "script-src 'self' *"],
    ["https:", "script-src 'self'", "script-src 'self' https:"],
    ["http:", "script-src 'self'", "script-src 'self' http:"],
    ["data:", "script-src 'self'", "script-src 'self' data:"],
    ["blob:", "script-src 'self'", "script-src 'self' blob:"],
    [
      "a new host",
      "script-src 'self' https://js.stripe.com",
      "script-src 'self' https://js.stripe.com https://evil.example",
    ],
    [
      "'strict-dynamic' removed, which re-enables the hosts it overrode",
      "script-src 'nonce-a' 'strict-dynamic' https: 'unsafe-inline'",
      "script-src 'nonce-b' https: 'unsafe-inline'",
    ],
    [
      "the nonce removed beside 'unsafe-inline', which then takes effect",
      "script-src 'self' 'nonce-a' 'unsafe-inline'",
      "script-src 'self' 'unsafe-inline'",
    ],
    [
      "script-src-elem gaining a host",
      "script-src-elem 'self'",
      "script-src-elem 'self' https://evil.example",
    ],
    [
      "script-src-attr gaining 'unsafe-inline'",
      "script-src-attr 'none'",
      "script-src-attr 'unsafe-inline'",
    ],
  ])("%s is critical CSP_WEAKENED", (_name, before, after) => {
    const subject = after.split(" ")[0];
    expect(cspFindings(`${base}; ${before}`, `${base}; ${after}`)).toEqual([
      `critical CSP_WEAKENED ${subject}`,
    ]);
  });

  it.each([
    [
      "'unsafe-inline' beside a nonce (ignored by CSP3 browsers)",
      "script-src 'self' 'nonce-a'",
      "script-src 'self' 'nonce-b' 'unsafe-inline'",
    ],
    [
      "a host beside 'strict-dynamic'",
      "script-src 'nonce-a' 'strict-dynamic'",
      "script-src 'nonce-b' 'strict-dynamic' https://cdn.example",
    ],
    ["'strict-dynamic' added", "script-src 'nonce-a'", "script-src 'nonce-b' 'strict-dynamic'"],
    ["'self' added", "script-src 'nonce-a'", "script-src 'nonce-b' 'self'"],
  ])("%s is a warning CSP_CHANGED", (_name, before, after) => {
    expect(cspFindings(`${base}; ${before}`, `${base}; ${after}`)).toEqual([
      "warning CSP_CHANGED script-src",
    ]);
  });

  it.each([
    ["a host removed", "script-src 'self' https://a.example", "script-src 'self'"],
    [
      "a host already allowed by a wildcard",
      "script-src https://*.example.com",
      "script-src https://*.example.com https://cdn.example.com",
    ],
    ["a hash added", "script-src 'self'", "script-src 'self' 'sha256-x'"],
    ["'unsafe-inline' removed", "script-src 'self' 'unsafe-inline'", "script-src 'self'"],
  ])("%s is info CSP_CHANGED", (_name, before, after) => {
    expect(cspFindings(`${base}; ${before}`, `${base}; ${after}`)).toEqual([
      "info CSP_CHANGED script-src",
    ]);
  });
});

describe("comparePolicy: navigation, connections and frames", () => {
  it.each([
    ["form-action removed (no fallback to default-src)", "form-action 'self'", "", "form-action"],
    ["form-action gaining *", "form-action 'self'", "form-action 'self' *", "form-action"],
    [
      "form-action gaining https:",
      "form-action 'self'",
      "form-action 'self' https:",
      "form-action",
    ],
    [
      "form-action gaining a host",
      "form-action 'self' https://checkout.stripe.com",
      "form-action 'self' https://checkout.stripe.com https://evil.example",
      "form-action",
    ],
    ["base-uri removed", "base-uri 'none'", "", "base-uri"],
    ["base-uri gaining a host", "base-uri 'none'", "base-uri https://evil.example", "base-uri"],
    [
      "object-src gaining a host",
      "object-src 'none'",
      "object-src https://evil.example",
      "object-src",
    ],
    [
      "connect-src gaining a host",
      "connect-src 'self'",
      "connect-src 'self' https://evil.example",
      "connect-src",
    ],
    ["frame-src gaining a host", "frame-src 'none'", "frame-src https://evil.example", "frame-src"],
    [
      "child-src gaining a host (frames fall back to it)",
      "child-src 'none'",
      "child-src https://evil.example",
      "frame-src",
    ],
    [
      "worker-src gaining a host",
      "worker-src 'self'",
      "worker-src 'self' https://evil.example",
      "worker-src",
    ],
  ])("%s is critical CSP_WEAKENED", (_name, before, after, subject) => {
    const policy = (directive: string) =>
      ["default-src 'self'", directive].filter(Boolean).join("; ");
    expect(cspFindings(policy(before), policy(after))).toContain(
      `critical CSP_WEAKENED ${subject}`,
    );
  });

  it.each([
    [
      "upgrade-insecure-requests removed",
      "upgrade-insecure-requests",
      "",
      "warning CSP_CHANGED upgrade-insecure-requests",
    ],
    [
      "upgrade-insecure-requests added",
      "",
      "upgrade-insecure-requests",
      "info CSP_CHANGED upgrade-insecure-requests",
    ],
    [
      "a checkout origin removed from form-action",
      "form-action 'self' https://checkout.stripe.com",
      "form-action 'self'",
      "info CSP_CHANGED form-action",
    ],
    [
      "report-uri changed",
      "report-uri /csp-reports",
      "report-uri https://collector.example/r",
      "warning CSP_CHANGED report-uri",
    ],
    ["report-to removed", "report-to csp-endpoint", "", "warning CSP_CHANGED report-to"],
    ["sandbox removed", "sandbox allow-forms", "", "warning CSP_CHANGED sandbox"],
    [
      "sandbox gaining a flag",
      "sandbox allow-forms",
      "sandbox allow-forms allow-popups",
      "warning CSP_CHANGED sandbox",
    ],
    [
      "require-trusted-types-for removed",
      "require-trusted-types-for 'script'",
      "",
      "warning CSP_CHANGED require-trusted-types-for",
    ],
    [
      "img-src gaining a host",
      "img-src 'self'",
      "img-src 'self' https://pixel.example",
      "warning CSP_CHANGED img-src",
    ],
    [
      "style-src gaining 'unsafe-inline'",
      "style-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "warning CSP_CHANGED style-src",
    ],
    [
      "an unknown directive added",
      "",
      "fancy-new-directive 'self'",
      "info CSP_CHANGED fancy-new-directive",
    ],
  ])("%s", (_name, before, after, expected) => {
    const policy = (directive: string) =>
      ["default-src 'self'", directive].filter(Boolean).join("; ");
    expect(cspFindings(policy(before), policy(after))).toEqual([expected]);
  });
});
