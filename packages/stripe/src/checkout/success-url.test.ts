/**
 * @module
 * Tests for success-url.ts.
 */
import { describe, expect, it } from "@jest/globals";
import { withSessionIdParameter } from "./success-url";

describe("withSessionIdParameter", () => {
  it.each([
    ["https://shop.example/return", "https://shop.example/return?session_id={CHECKOUT_SESSION_ID}"],
    [
      "https://shop.example/return?order=RC-1",
      "https://shop.example/return?order=RC-1&session_id={CHECKOUT_SESSION_ID}",
    ],
    ["https://shop.example/r?", "https://shop.example/r?session_id={CHECKOUT_SESSION_ID}"],
    ["https://shop.example/r?a=1&", "https://shop.example/r?a=1&session_id={CHECKOUT_SESSION_ID}"],
    ["https://shop.example/r#done", "https://shop.example/r?session_id={CHECKOUT_SESSION_ID}#done"],
    [
      "https://shop.example/r?a=1#x?y",
      "https://shop.example/r?a=1&session_id={CHECKOUT_SESSION_ID}#x?y",
    ],
  ])("appends the template to %s", (url, expected) => {
    expect(withSessionIdParameter(url)).toBe(expected);
  });

  it("keeps the braces literal and leaves a URL that already has the template alone", () => {
    const url = withSessionIdParameter("https://shop.example/return");
    expect(url).not.toContain("%7B");
    const already = "https://shop.example/r?sid={CHECKOUT_SESSION_ID}";
    expect(withSessionIdParameter(already)).toBe(already);
  });
});
