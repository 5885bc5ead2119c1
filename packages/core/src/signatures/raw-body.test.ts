/**
 * @module
 * Tests for raw-body.ts.
 */
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import { decodeUtf8Strictly, rawBodyBytes } from "./raw-body";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isLinkpayError(error, "CONFIG_INVALID")) return error.message;
    throw error;
  }
  throw new Error("expected CONFIG_INVALID, nothing was thrown");
}

describe("rawBodyBytes", () => {
  it("takes a string as UTF-8", () => {
    expect(rawBodyBytes("é").equals(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });

  it("respects the offset of a view into a larger buffer", () => {
    const backing = Buffer.from('xx{"a":1}yy');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, 7);
    expect(rawBodyBytes(view).toString()).toBe('{"a":1}');
  });

  it("refuses a parsed JSON body, naming the cause", () => {
    const parsed: unknown = JSON.parse('{"a":1}');
    expect(messageOf(() => rawBodyBytes(parsed))).toContain("JSON parser ran before");
    expect(messageOf(() => rawBodyBytes([1, 2]))).toContain("an array");
  });

  it("explains undefined bodies and ArrayBuffers", () => {
    expect(messageOf(() => rawBodyBytes(undefined))).toContain("raw request body");
    expect(messageOf(() => rawBodyBytes(new ArrayBuffer(2)))).toContain("new Uint8Array");
  });

  it("refuses strings with unpaired surrogates (not decoded from any bytes)", () => {
    expect(messageOf(() => rawBodyBytes('{"a":"\ud800"}'))).toContain("surrogates");
    expect(rawBodyBytes("😀").length).toBe(4);
  });
});

describe("decodeUtf8Strictly", () => {
  it("decodes UTF-8 and keeps a byte-order mark", () => {
    expect(decodeUtf8Strictly(Buffer.from("\ufeff{}"))).toBe("\ufeff{}");
  });

  it("returns undefined for invalid UTF-8", () => {
    expect(decodeUtf8Strictly(Buffer.from([0x7b, 0xff, 0x7d]))).toBeUndefined();
  });
});
