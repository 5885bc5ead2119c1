import { describe, expect, it } from "@jest/globals";
import { LinkpayError } from "../errors";
import { redact, redactString, TRUNCATED } from "./redact";
import { isSensitiveKey, REDACTED } from "./secrets";

describe("redactString", () => {
  it("masks card numbers, keeping the last four digits", () => {
    expect(redactString("card 4242 4242 4242 4242 exp 12/30")).toBe(
      "card [card ****4242] exp 12/30",
    );
    expect(redactString("5555-5555-5555-4444")).toBe("[card ****4444]");
    expect(redactString("a 378282246310005 b 6011111111111117")).toBe(
      "a [card ****0005] b [card ****1117]",
    );
  });

  it("masks Stripe secret and restricted keys and webhook secrets", () => {
    expect(redactString("key=sk_live_51H8abcDEF123 next")).toBe("key=sk_live_[redacted] next");
    expect(redactString("sk_test_4eC39HqLyjWDarjtT1zdp7dc")).toBe("sk_test_[redacted]");
    expect(redactString("rk_live_abc rk_test_def")).toBe("rk_live_[redacted] rk_test_[redacted]");
    expect(redactString("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+/=;")).toBe("whsec_[redacted];");
  });

  it("masks a secret whose body looks like a card number as a secret", () => {
    expect(redactString("sk_test_4242424242424242")).toBe("sk_test_[redacted]");
  });

  it("leaves harmless text alone", () => {
    for (const text of [
      "pk_live_51H8abc is public",
      "call 090-1234-5678",
      "RC-20261125-000123",
      "1764000000000",
      "",
    ]) {
      expect(redactString(text)).toBe(text);
    }
  });

  it("is idempotent", () => {
    const once = redactString("4242424242424242 sk_live_x whsec_y");
    expect(redactString(once)).toBe(once);
  });
});

describe("isSensitiveKey", () => {
  it.each([
    "stripe-signature",
    "Stripe-Signature",
    "webhook-signature",
    "x-signature",
    "X-Hub-Signature-256",
    "authorization",
    "Authorization",
    "proxy-authorization",
    "cookie",
    "Set-Cookie",
    "set_cookie",
    "password",
    "newPassword",
    "secret",
    "client_secret",
    "webhookSecret",
    "x-api-key",
  ])("%s is sensitive", (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(["amount", "authorizationStatus", "orderRef", "cookieConsent", "email"])(
    "%s is not",
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );
});

describe("redact", () => {
  it("masks strings deeply and replaces the values of sensitive keys", () => {
    const input = {
      headers: {
        "Stripe-Signature":
          "t=1764000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
        "webhook-signature": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
        authorization: "Bearer abc",
        cookie: "session=1",
        "set-cookie": ["a=1", "b=2"],
        "content-type": "application/json",
      },
      user: { password: { hash: "x" }, name: "Hanako" },
      note: "paid with 4242 4242 4242 4242",
      config: { key: "sk_live_51H8abc", apiKey: "anything", webhookSecret: "whsec_abc" },
      list: ["5555555555554444", 1, true, null],
    };
    expect(redact(input)).toEqual({
      headers: {
        "Stripe-Signature": REDACTED,
        "webhook-signature": REDACTED,
        authorization: REDACTED,
        cookie: REDACTED,
        "set-cookie": REDACTED,
        "content-type": "application/json",
      },
      user: { password: REDACTED, name: "Hanako" },
      note: "paid with [card ****4242]",
      config: { key: "sk_live_[redacted]", apiKey: REDACTED, webhookSecret: REDACTED },
      list: ["[card ****4444]", 1, true, null],
    });
  });

  it("returns a deep copy and leaves the input untouched", () => {
    const input = { nested: { note: "4242424242424242" }, list: [{ a: 1 }] };
    const snapshot = structuredClone(input);
    const output = redact(input);
    expect(input).toEqual(snapshot);
    expect(output.nested).not.toBe(input.nested);
    expect(output.list).not.toBe(input.list);
    expect(output.list[0]).not.toBe(input.list[0]);
  });

  it("masks keys, numbers and bigints that are card numbers", () => {
    expect(
      redact({ "4242424242424242": "x", amount: 4242424242424242, big: 6011111111111117n }),
    ).toEqual({
      "[card ****4242]": "x",
      amount: "[card ****4242]",
      big: "[card ****1117]",
    });
    expect(redact({ total: 8800, at: 1764000000000 })).toEqual({ total: 8800, at: 1764000000000 });
  });

  it("copies Maps and Sets", () => {
    const input = new Map<unknown, unknown>([
      ["Authorization", "Bearer x"],
      ["4242424242424242", new Set(["5555555555554444", "ok"])],
    ]);
    const output = redact(input);
    expect(output).not.toBe(input);
    expect([...output]).toEqual([
      ["Authorization", REDACTED],
      ["[card ****4242]", new Set(["[card ****4444]", "ok"])],
    ]);
  });

  it("keeps cycles as cycles", () => {
    const input: Record<string, unknown> = { note: "4242424242424242" };
    input.self = input;
    const output = redact(input);
    expect(output.note).toBe("[card ****4242]");
    expect(output.self).toBe(output);
  });

  it("is safe against __proto__ keys and keeps null prototypes", () => {
    const input: unknown = JSON.parse('{"__proto__": {"polluted": "4242424242424242"}}');
    const output = redact(input);
    expect(Object.getOwnPropertyDescriptor(output, "__proto__")?.value).toEqual({
      polluted: "[card ****4242]",
    });
    expect(Object.prototype).not.toHaveProperty("polluted");
    const bare: Record<string, unknown> = { pan: "4242424242424242" };
    Object.setPrototypeOf(bare, null);
    expect(Object.getPrototypeOf(redact(bare))).toBeNull();
  });

  it("copies keys that name inherited members, and setters on the prototype, as own data", () => {
    const input: unknown = JSON.parse(
      '{"toString": "4242424242424242", "constructor": 1, "hasOwnProperty": "x"}',
    );
    const output = redact(input);
    expect(Object.getOwnPropertyDescriptor(output, "toString")).toEqual({
      value: "[card ****4242]",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(Object.keys(output as object)).toEqual(["toString", "constructor", "hasOwnProperty"]);

    const writes: unknown[] = [];
    Object.defineProperty(Object.prototype, "trapped", {
      set: (value) => writes.push(value),
      configurable: true,
    });
    try {
      const copy = redact({ trapped: "4242424242424242" });
      expect(writes).toEqual([]);
      expect(Object.getOwnPropertyDescriptor(copy, "trapped")?.value).toBe("[card ****4242]");
    } finally {
      Reflect.deleteProperty(Object.prototype, "trapped");
    }
  });

  it("redacts errors, keeping their class", () => {
    const cause = new Error("declined card 4242424242424242");
    const error = new LinkpayError("PROVIDER_REJECTED", "bad key sk_live_abc123", {
      cause,
      details: { note: "5555555555554444", signature: "abc" },
    });
    const output = redact({ error }).error;
    expect(output).toBeInstanceOf(LinkpayError);
    expect(output).not.toBe(error);
    expect(output.message).toBe("bad key sk_live_[redacted]");
    expect(output.code).toBe("PROVIDER_REJECTED");
    expect(output.details).toEqual({ note: "[card ****4444]", signature: REDACTED });
    expect(output.cause).toBeInstanceOf(Error);
    expect(output.cause).not.toBe(cause);
    expect(JSON.stringify(output.stack)).not.toContain("sk_live_abc123");
    expect(error.message).toBe("bad key sk_live_abc123");
    expect(Object.keys(output)).toEqual(Object.keys(error));
  });

  it("returns other objects as they are", () => {
    class Holder {
      readonly pan = "4242424242424242";
    }
    const holder = new Holder();
    const date = new Date(0);
    const output = redact({ holder, date });
    expect(output.holder).toBe(holder);
    expect(output.date).toBe(date);
  });

  it("truncates values nested deeper than 64 levels", () => {
    let deep: unknown = { pan: "4242424242424242" };
    for (let level = 0; level < 70; level++) deep = [deep];
    expect(JSON.stringify(redact(deep))).toContain(TRUNCATED);
    expect(JSON.stringify(redact(deep))).not.toContain("4242424242424242");
  });

  it("passes primitives through, masking strings", () => {
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeUndefined();
    expect(redact("4242424242424242")).toBe("[card ****4242]");
  });
});
