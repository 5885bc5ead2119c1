import { describe, expect, it } from "@jest/globals";
import { covers, normalizeSource } from "./csp-sources";

describe("normalizeSource", () => {
  it.each([
    ["'nonce-xyz'", false, "'nonce'"],
    ["'SHA256-abc'", false, "'sha256'"],
    ["'Strict-Dynamic'", false, "'strict-dynamic'"],
    ["HTTPS://CDN.Example.com:443/Lib/", false, "https://cdn.example.com:443/Lib/"],
    ["*.Example.COM", false, "*.example.com"],
    ["/Reports", true, "/Reports"],
  ])("%s → %s", (token, keepCase, expected) => {
    expect(normalizeSource(token, keepCase)).toBe(expected);
  });
});

describe("covers", () => {
  it.each([
    [["https://a.example"], "https://a.example", true],
    [["https://*.example.com"], "https://cdn.example.com", true],
    [["https://*.example.com"], "https://example.com", false],
    [["https://*.example.com"], "http://cdn.example.com", false],
    [["https:"], "https://evil.example", true],
    [["http:"], "https:", true],
    [["*"], "https://evil.example", true],
    [["*"], "evil.example", true],
    [["*"], "data:", false],
    [["*"], "*", true],
    [["'self'"], "https://evil.example", false],
    [["'self'"], "*", false],
    [["https://a.example/js/"], "https://a.example/js/app.js", true],
    [["https://a.example/js/app.js"], "https://a.example/js/other.js", false],
    [["https://a.example:8443"], "https://a.example", false],
    [["https://a.example:*"], "https://a.example:8443", true],
    [["'none'"], "'unsafe-inline'", false],
  ])("%j covers %s: %s", (sources, source, expected) => {
    expect(covers(sources, source)).toBe(expected);
  });
});
