/**
 * @module
 * Tests for hmac.ts.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { codeOf } from "../testing/error-capture";
import { hmacSha256, macsEqual, type SignatureEncoding, safeEqual } from "./hmac";

describe("hmacSha256", () => {
  it("matches RFC 4231 test case 2 (string key and data)", () => {
    const hex = hmacSha256({ key: "Jefe", data: "what do ya want for nothing?", encoding: "hex" });
    expect(hex).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("matches RFC 4231 test case 1 (byte key)", () => {
    const key = new Uint8Array(20).fill(0x0b);
    const hex = hmacSha256({ key, data: "Hi There", encoding: "hex" });
    expect(hex).toBe("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  });

  it("writes the same MAC as padded base64", () => {
    const expected = Buffer.from(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
      "hex",
    ).toString("base64");
    const base64 = hmacSha256({
      key: "Jefe",
      data: "what do ya want for nothing?",
      encoding: "base64",
    });
    expect(base64).toBe(expected);
    expect(base64).toHaveLength(44);
  });

  it("treats a string as its UTF-8 bytes", () => {
    const text = "größe → 10 €";
    const fromString = hmacSha256({ key: "k€y", data: text, encoding: "hex" });
    const fromBytes = hmacSha256({
      key: new TextEncoder().encode("k€y"),
      data: new TextEncoder().encode(text),
      encoding: "hex",
    });
    expect(fromString).toBe(fromBytes);
  });

  it("refuses an unknown encoding as a configuration error", () => {
    const encoding = "latin1" as SignatureEncoding;
    expect(codeOf(() => hmacSha256({ key: "k", data: "d", encoding }))).toBe("CONFIG_INVALID");
  });
});

describe("safeEqual", () => {
  it("accepts equal strings and rejects different ones", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("", "")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "ABC")).toBe(false);
  });

  it("rejects different lengths, including prefixes", () => {
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("abcd", "abc")).toBe(false);
    expect(safeEqual("", "a")).toBe(false);
  });

  it("agrees with === on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        expect(safeEqual(a, b)).toBe(a === b);
        expect(safeEqual(a, a)).toBe(true);
      }),
    );
  });
});

describe("macsEqual", () => {
  const mac = hmacSha256({ key: "k", data: "d", encoding: "hex" });

  it("accepts the same MAC and rejects any other, same length or not", () => {
    expect(macsEqual(mac, mac)).toBe(true);
    expect(macsEqual(mac, `${mac.slice(0, -1)}${mac.endsWith("0") ? "1" : "0"}`)).toBe(false);
    expect(macsEqual(mac, mac.slice(0, -1))).toBe(false);
    expect(macsEqual(mac, `${mac}0`)).toBe(false);
    expect(macsEqual(mac, "")).toBe(false);
  });

  it("agrees with === on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(macsEqual(a, b)).toBe(a === b);
      }),
    );
  });
});
