import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { codeOf } from "../testing/error-capture";
import { createReturnLinks } from "./return-links";

const secret = "return-link-test-secret-0123456789abcdef";

describe("createReturnLinks", () => {
  it("makes a URL-safe token that opens only its own order", () => {
    const links = createReturnLinks({ secret });
    const token = links.tokenFor("RC-20261205-0001");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(links.isValid("RC-20261205-0001", token)).toBe(true);
    expect(links.isValid("RC-20261205-0002", token)).toBe(false);
  });

  it("is an HMAC-SHA256 of the purpose and the reference (computed here independently)", () => {
    const expected = createHmac("sha256", secret).update("linkpay:return:RC-1").digest("base64url");
    expect(createReturnLinks({ secret }).tokenFor("RC-1")).toBe(expected);
  });

  it("refuses tampered, truncated, padded and non-string tokens", () => {
    const links = createReturnLinks({ secret });
    const token = links.tokenFor("RC-1");
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [
      flipped,
      token.slice(1),
      `${token}=`,
      ` ${token}`,
      "",
      undefined,
      ["x"],
      42,
    ]) {
      expect(links.isValid("RC-1", bad)).toBe(false);
    }
  });

  it("keeps purposes apart under one secret", () => {
    const returns = createReturnLinks({ secret });
    const mail = createReturnLinks({ secret, purpose: "booking-mail" });
    expect(mail.isValid("RC-1", returns.tokenFor("RC-1"))).toBe(false);
  });

  it("verifies with every secret while rotating, and signs with the first", () => {
    const old = createReturnLinks({ secret });
    const rotated = createReturnLinks({ secret: [`new-${secret}`, secret] });
    expect(rotated.isValid("RC-1", old.tokenFor("RC-1"))).toBe(true);
    expect(old.isValid("RC-1", rotated.tokenFor("RC-1"))).toBe(false);
  });

  it("refuses a short, empty or missing secret at creation", () => {
    expect(codeOf(() => createReturnLinks({ secret: "short" }))).toBe("CONFIG_INVALID");
    expect(codeOf(() => createReturnLinks({ secret: "" }))).toBe("CONFIG_INVALID");
    expect(codeOf(() => createReturnLinks({ secret: [] }))).toBe("CONFIG_INVALID");
  });
});
