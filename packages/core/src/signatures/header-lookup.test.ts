/**
 * @module
 * Tests for header-lookup.ts.
 */
import { describe, expect, it } from "@jest/globals";
import { getHeader, getHeaderValues } from "./header-lookup";

describe("header lookup", () => {
  it("matches names case-insensitively", () => {
    const headers = { "Webhook-Id": "msg_1", "content-type": "application/json" };
    expect(getHeader(headers, "webhook-id")).toBe("msg_1");
    expect(getHeader(headers, "WEBHOOK-ID")).toBe("msg_1");
    expect(getHeader(headers, "Content-Type")).toBe("application/json");
  });

  it("returns undefined for an absent or undefined header", () => {
    expect(getHeader({ a: undefined }, "a")).toBeUndefined();
    expect(getHeader({}, "a")).toBeUndefined();
    expect(getHeaderValues({ a: undefined }, "a")).toEqual([]);
  });

  it("keeps every value of a repeated header", () => {
    const headers = { "x-sig": ["one", "two"], "X-Sig": "three" };
    expect(getHeaderValues(headers, "x-sig")).toEqual(["one", "two", "three"]);
    expect(getHeader(headers, "x-sig")).toBe("one, two, three");
    expect(getHeader(headers, "x-sig", " ")).toBe("one two three");
  });

  it("keeps an empty value (present but empty is not absent)", () => {
    expect(getHeader({ a: "" }, "a")).toBe("");
  });
});
