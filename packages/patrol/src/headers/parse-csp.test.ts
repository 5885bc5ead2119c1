import { describe, expect, it } from "@jest/globals";
import { parseCsp } from "./parse-csp";

describe("parseCsp", () => {
  it.each([
    [
      "names and keywords lower-case",
      "Script-Src 'SELF' 'Unsafe-Eval'",
      { "script-src": ["'self'", "'unsafe-eval'"] },
    ],
    [
      "sources sorted and distinct",
      "img-src https://b.example data: https://b.example",
      { "img-src": ["data:", "https://b.example"] },
    ],
    ["any nonce as 'nonce'", "script-src 'nonce-AbC+/=='", { "script-src": ["'nonce'"] }],
    [
      "hashes as their algorithm",
      "script-src 'sha256-AAAA' 'SHA384-BBBB' 'sha512-CCCC'",
      { "script-src": ["'sha256'", "'sha384'", "'sha512'"] },
    ],
    [
      "scheme and host lower-case, path as is",
      "connect-src HTTPS://API.Example.com/V1/",
      { "connect-src": ["https://api.example.com/V1/"] },
    ],
    ["scheme sources lower-case", "img-src DATA: Blob:", { "img-src": ["blob:", "data:"] }],
    [
      "the first of a repeated directive",
      "script-src 'self'; script-src *",
      { "script-src": ["'self'"] },
    ],
    [
      "a directive with no sources",
      "upgrade-insecure-requests; sandbox",
      { sandbox: [], "upgrade-insecure-requests": [] },
    ],
    [
      "report-uri and report-to verbatim",
      "report-uri /CSP-Reports; report-to Csp-Endpoint",
      { "report-to": ["Csp-Endpoint"], "report-uri": ["/CSP-Reports"] },
    ],
    [
      "whitespace and empty parts ignored",
      "  default-src\t'self' ;; ;object-src 'none';  ",
      { "default-src": ["'self'"], "object-src": ["'none'"] },
    ],
    ["invalid directive names dropped", "scr!pt-src *; img-src 'self'", { "img-src": ["'self'"] }],
    ["nothing from an empty value", "", {}],
  ])("%s", (_name, header, expected) => {
    expect(parseCsp(header)).toEqual(expected);
  });

  it("parses two responses that differ only by their nonce equal", () => {
    const policy = (nonce: string) =>
      `default-src 'self';script-src 'self' 'nonce-${nonce}';style-src 'self' 'nonce-${nonce}'`;
    expect(parseCsp(policy("k8Jw2bQe1x9YhM0aZr3V4g=="))).toEqual(
      parseCsp(policy("Qm9vTmV3Tm9uY2VWYWx1ZQ==")),
    );
  });

  it("keeps every policy of a header: the first under plain names, the n-th under name#n", () => {
    const joined = "default-src 'self', script-src 'nonce-a'; object-src 'none'";
    const expected = {
      "default-src": ["'self'"],
      "object-src#2": ["'none'"],
      "script-src#2": ["'nonce'"],
    };
    expect(parseCsp(joined)).toEqual(expected);
    // Header lines joined with "\n" (or an empty policy between commas) parse the same.
    expect(parseCsp("default-src 'self'\nscript-src 'nonce-b'; object-src 'none'")).toEqual(
      expected,
    );
    expect(parseCsp("default-src 'self', , script-src 'nonce-c'; object-src 'none'")).toEqual(
      expected,
    );
  });

  it("lists keys sorted, whatever the header's order", () => {
    expect(Object.keys(parseCsp("object-src 'none'; base-uri 'none'; connect-src 'self'"))).toEqual(
      ["base-uri", "connect-src", "object-src"],
    );
  });
});
