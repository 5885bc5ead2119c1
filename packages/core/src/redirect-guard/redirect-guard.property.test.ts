import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { createRedirectGuard } from "./redirect-guard";

const HOST = "checkout.stripe.com";
const ORIGIN = `https://${HOST}`;
const guard = createRedirectGuard({
  allowedOrigins: [ORIGIN, "http://localhost:3000"],
  allowInsecureLocalhost: true,
});

/** Path, query and fragment as a provider might return them. */
const tail = fc
  .tuple(
    fc.webPath(),
    fc.option(fc.webQueryParameters(), { nil: undefined }),
    fc.option(fc.webFragments(), { nil: undefined }),
  )
  .map(
    ([path, query, fragment]) =>
      `${path}${query === undefined ? "" : `?${query}`}${fragment === undefined ? "" : `#${fragment}`}`,
  );

/** Characters used to build look-alike hosts: ASCII, digits, dots, dashes and confusables. */
const hostCharacter = fc.constantFrom(
  ..."abcdefghijklmnopqrstuvwxyz0123456789.-",
  "ѕ",
  "е",
  "о",
  "с",
  "ı",
  "ß",
  "ｃ",
  "。",
  "K",
  "%2e",
  ":",
  "@",
);

/** The allowed host with one character replaced, inserted or removed, or extended around. */
const mutatedHost = fc
  .tuple(
    fc.nat({ max: HOST.length }),
    hostCharacter,
    fc.constantFrom("replace", "insert", "delete", "prefix", "suffix"),
  )
  .map(([at, character, how]) => {
    switch (how) {
      case "replace":
        return HOST.slice(0, at) + character + HOST.slice(at + 1);
      case "insert":
        return HOST.slice(0, at) + character + HOST.slice(at);
      case "delete":
        return HOST.slice(0, at) + HOST.slice(at + 1);
      case "prefix":
        return `${character}${HOST}`;
      default:
        return `${HOST}${character}`;
    }
  });

/** Lower-cases ASCII letters only, as the guard's prefix comparison does. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

describe("redirect guard properties", () => {
  it("accepts any path, query and fragment on an allowed origin", () => {
    fc.assert(
      fc.property(tail, (rest) => {
        const url = `${ORIGIN}${rest}`;
        expect(guard.check(url).origin).toBe(ORIGIN);
      }),
    );
  });

  it("never accepts an allowed URL whose host was replaced by another domain", () => {
    fc.assert(
      fc.property(
        fc.domain().filter((domain) => domain !== HOST),
        fc.constantFrom("https://", "http://", "HTTPS://", "//", "https:", "https:///"),
        tail,
        (domain, scheme, rest) => {
          expect(guard.isAllowed(`${scheme}${domain}${rest}`)).toBe(false);
        },
      ),
    );
  });

  it("never accepts a look-alike of the allowed host", () => {
    fc.assert(
      fc.property(
        mutatedHost.filter((host) => asciiLower(host) !== HOST),
        fc.option(fc.constantFrom(":443", ":8443", ":"), { nil: "" }),
        tail,
        (host, port, rest) => {
          expect(guard.isAllowed(`https://${host}${port}${rest}`)).toBe(false);
        },
      ),
    );
  });

  it("accepts nothing that does not start with an allowed origin, whatever the string", () => {
    const anyString = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.string({ unit: "grapheme-ascii", maxLength: 12 }), tail)
        .map(([junk, rest]) => `${junk}${rest}`),
      fc
        .tuple(
          fc.constantFrom(ORIGIN, `${ORIGIN}/`, "http://localhost:3000"),
          fc.string({ unit: "binary" }),
        )
        .map(([origin, junk]) => origin + junk),
      fc
        .tuple(fc.nat(), fc.string({ unit: "binary", minLength: 1, maxLength: 3 }), tail)
        .map(([at, junk, rest]) => {
          const index = at % ORIGIN.length;
          return ORIGIN.slice(0, index) + junk + ORIGIN.slice(index) + rest;
        }),
    );
    fc.assert(
      fc.property(anyString, (raw) => {
        if (!guard.isAllowed(raw)) return;
        const origin = guard.check(raw).origin;
        expect(guard.allowedOrigins).toContain(origin);
        expect(asciiLower(raw.slice(0, origin.length))).toBe(origin);
        expect(["", "/", "?", "#"]).toContain(raw.charAt(origin.length));
        expect(raw).not.toMatch(/[\s\\]/);
      }),
    );
  });
});
