import { describe, expect, it } from "@jest/globals";
import { isLinkpayError } from "../errors";
import { money } from "../money";
import { CHECKOUT_EXPIRY_SECONDS, parseCheckoutRequest } from "./checkout-request";

const valid = {
  orderRef: "RC-20261125-0001",
  currency: "JPY",
  total: 17_600,
  lineItems: [
    { name: "Compact car, 2 days", unitAmount: 7_700, quantity: 2 },
    { name: "Child seat", unitAmount: 1_100, quantity: 2 },
  ],
};

function issuesOf(input: unknown): { code?: string; paths: string[] } {
  try {
    parseCheckoutRequest(input);
  } catch (error) {
    if (!isLinkpayError(error)) throw error;
    const issues = (error.details.issues ?? []) as { path: string }[];
    return { code: error.code, paths: issues.map((i) => i.path) };
  }
  return { paths: [] };
}

describe("parseCheckoutRequest", () => {
  it("accepts a valid request and fills the defaults", () => {
    const request = parseCheckoutRequest(valid);
    expect(request.total).toEqual(money(17_600, "JPY"));
    expect(request.lineItems[0]?.unitAmount).toEqual(money(7_700, "JPY"));
    expect(request.locale).toBe("auto");
    expect(request.expiresInSeconds).toBe(30 * 60);
    expect(request.metadata).toEqual({});
  });

  it("accepts the expiry bounds and refuses anything outside 5 minutes – 24 hours", () => {
    const { min, max } = CHECKOUT_EXPIRY_SECONDS;
    expect(parseCheckoutRequest({ ...valid, expiresInSeconds: min }).expiresInSeconds).toBe(300);
    expect(parseCheckoutRequest({ ...valid, expiresInSeconds: max }).expiresInSeconds).toBe(86_400);
    expect(issuesOf({ ...valid, expiresInSeconds: min - 1 }).paths).toEqual(["expiresInSeconds"]);
    expect(issuesOf({ ...valid, expiresInSeconds: max + 1 }).paths).toEqual(["expiresInSeconds"]);
  });

  it.each([
    ["a total that is not the sum", { total: 17_601 }, "total"],
    [
      "a zero total",
      { total: 0, lineItems: [{ name: "Free", unitAmount: 0, quantity: 1 }] },
      "total",
    ],
    ["a fractional amount", { total: 17_600.5 }, "total"],
    [
      "a negative unit amount",
      { lineItems: [{ name: "x", unitAmount: -1, quantity: 1 }] },
      "lineItems.0.unitAmount",
    ],
    [
      "a zero quantity",
      { lineItems: [{ name: "x", unitAmount: 17_600, quantity: 0 }] },
      "lineItems.0.quantity",
    ],
    [
      "an empty item name",
      { lineItems: [{ name: "  ", unitAmount: 17_600, quantity: 1 }] },
      "lineItems.0.name",
    ],
    ["no line items", { lineItems: [] }, "lineItems"],
    ["an unknown currency", { currency: "XYZ" }, "currency"],
    ["a lower-case currency", { currency: "jpy" }, "currency"],
    ["an order reference with spaces", { orderRef: "RC 1" }, "orderRef"],
    ["an order reference of 65 characters", { orderRef: "R".repeat(65) }, "orderRef"],
    ["a malformed e-mail", { customerEmail: "not-an-email" }, "customerEmail"],
    ["an unknown locale", { locale: "fr" }, "locale"],
    ["a client-chosen success URL", { successUrl: "https://evil.example" }, ""],
    ["a client-chosen price field", { price: 1 }, ""],
    [
      "a metadata value over 500 characters",
      { metadata: { note: "x".repeat(501) } },
      "metadata.note",
    ],
    ["a metadata key with spaces", { metadata: { "a b": "x" } }, "metadata.a b"],
    [
      "more than 20 metadata keys",
      { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
      "metadata",
    ],
  ])("refuses %s", (_label, override, path) => {
    const result = issuesOf({ ...valid, ...override });
    expect(result.code).toBe("INVALID_CHECKOUT_REQUEST");
    expect(result.paths).toContain(path);
  });

  it("names the field and the rule in the message, not only in details", () => {
    const messageOf = (input: object) => {
      try {
        parseCheckoutRequest(input);
      } catch (error) {
        return error instanceof Error ? error.message : "";
      }
      return "accepted";
    };
    expect(messageOf({ ...valid, orderRef: "RC 1" })).toMatch(
      /orderRef: must be 1–64 letters, digits, '\.', '_', ':' or '-'/,
    );
    expect(messageOf({ ...valid, price: 1 })).toMatch(/request: Unrecognized key: "price"/);
    expect(messageOf({ ...valid, total: 1 })).toMatch(
      /total: must equal the sum .* \(17600\), got 1/,
    );
  });

  it("refuses a card number anywhere, without echoing it", () => {
    try {
      parseCheckoutRequest({ ...valid, metadata: { note: "5555-5555-5555-4444" } });
      throw new Error("expected a refusal");
    } catch (error) {
      expect(isLinkpayError(error, "CARD_DATA_DETECTED")).toBe(true);
      expect(JSON.stringify(isLinkpayError(error) ? error.details : {})).not.toContain("5555-5555");
      expect(String(error)).not.toContain("5555-5555-5555-4444");
    }
  });

  it("refuses input that is not an object", () => {
    expect(issuesOf(null).code).toBe("INVALID_CHECKOUT_REQUEST");
    expect(issuesOf("RC-1").code).toBe("INVALID_CHECKOUT_REQUEST");
  });
});

describe("parseCheckoutRequest: payment methods and konbini", () => {
  it("keeps the methods and the konbini deadline, and leaves both out by default", () => {
    const request = parseCheckoutRequest({
      ...valid,
      paymentMethods: ["card", "konbini"],
      konbini: { expiresAfterDays: 2 },
    });
    expect(request.paymentMethods).toEqual(["card", "konbini"]);
    expect(request.konbini).toEqual({ expiresAfterDays: 2 });
    const plain = parseCheckoutRequest(valid);
    expect(plain.paymentMethods).toBeUndefined();
    expect(plain.konbini).toBeUndefined();
  });

  it("refuses unknown, repeated or no methods, naming paymentMethods", () => {
    for (const paymentMethods of [["alipay"], ["card", "card"], []]) {
      expect(issuesOf({ ...valid, paymentMethods })).toEqual({
        code: "INVALID_CHECKOUT_REQUEST",
        paths: [expect.stringMatching(/^paymentMethods/)],
      });
    }
  });

  it("refuses a konbini deadline outside 1–60 days or not whole", () => {
    for (const expiresAfterDays of [0, 61, 1.5]) {
      expect(issuesOf({ ...valid, konbini: { expiresAfterDays } })).toEqual({
        code: "INVALID_CHECKOUT_REQUEST",
        paths: ["konbini.expiresAfterDays"],
      });
    }
    expect(issuesOf({ ...valid, konbini: {} }).paths).toEqual(["konbini.expiresAfterDays"]);
  });

  it("refuses konbini options when the listed methods leave konbini out", () => {
    expect(
      issuesOf({ ...valid, paymentMethods: ["card"], konbini: { expiresAfterDays: 3 } }),
    ).toEqual({ code: "INVALID_CHECKOUT_REQUEST", paths: ["konbini"] });
  });
});
