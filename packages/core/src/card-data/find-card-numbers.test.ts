import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { isLinkpayError, LinkpayError } from "../errors";
import { assertNoCardData, containsCardNumber, findCardNumbers } from "./find-card-numbers";
import { passesLuhn } from "./luhn";

function caught(run: () => void): LinkpayError {
  try {
    run();
  } catch (error) {
    if (error instanceof LinkpayError) return error;
    throw error;
  }
  throw new Error("expected a LinkpayError");
}

describe("findCardNumbers in strings", () => {
  it.each([
    ["4242424242424242", "visa", "4242"],
    ["4000 0000 0000 0002", "visa", "0002"],
    ["5555-5555-5555-4444", "mastercard", "4444"],
    ["378282246310005", "amex", "0005"],
    ["3782 822463 10005", "amex", "0005"],
    ["3530111333300000", "jcb", "0000"],
    ["6011111111111117", "discover", "1117"],
    ["36227206271667", "diners", "1667"],
    ["6200000000000005", "unionpay", "0005"],
    ["2223003122003222", "mastercard", "3222"],
  ])("finds %s", (text, brand, last4) => {
    expect(findCardNumbers(text)).toEqual([{ path: "", location: "value", brand, last4 }]);
  });

  it("finds numbers embedded in text", () => {
    expect(findCardNumbers("card 4242 4242 4242 4242 exp 12/30")).toEqual([
      { path: "", location: "value", brand: "visa", last4: "4242" },
    ]);
    expect(findCardNumbers("pan=4242424242424242&cvc=123")).toHaveLength(1);
    expect(findCardNumbers("カード番号：4242-4242-4242-4242です")).toHaveLength(1);
  });

  it("finds a number followed by a space and more digits (e.g. an expiry month)", () => {
    expect(findCardNumbers("4242 4242 4242 4242 12/30")).toEqual([
      { path: "", location: "value", brand: "visa", last4: "4242" },
    ]);
    expect(findCardNumbers("qty 2 4242 4242 4242 4242")).toHaveLength(1);
  });

  it("finds two numbers in one run of groups", () => {
    const findings = findCardNumbers("4242 4242 4242 4242 5555 5555 5555 4444");
    expect(findings.map((finding) => finding.last4)).toEqual(["4242", "4444"]);
  });

  it("finds fullwidth digits and Unicode dashes", () => {
    expect(findCardNumbers("４２４２　４２４２　４２４２　４２４２")).toEqual([
      { path: "", location: "value", brand: "visa", last4: "4242" },
    ]);
    expect(findCardNumbers("4242‐4242‐4242‐4242")).toHaveLength(1);
  });

  it.each([
    ["two spaces", "4242  4242  4242  4242"],
    ["two dashes", "4242--4242--4242--4242"],
    ["a spaced dash", "4242 - 4242 - 4242 - 4242"],
    ["dots", "4242.4242.4242.4242"],
    ["slashes", "4242/4242/4242/4242"],
    ["underscores", "4242_4242_4242_4242"],
    ["tabs", "4242\t4242\t4242\t4242"],
    ["no-break spaces", "4242\u00a04242\u00a04242\u00a04242"],
    ["ideographic spaces", "4242\u30004242\u30004242\u30004242"],
    ["fullwidth hyphens", "4242\uff0d4242\uff0d4242\uff0d4242"],
    ["em dashes", "4242\u20144242\u20144242\u20144242"],
    ["long vowel marks (ー)", "4242ー4242ー4242ー4242"],
    ["katakana middle dots", "4242・4242・4242・4242"],
    ["a mix", "4242 .4242\t-4242_/4242"],
    ["fullwidth digits and dashes", "４２４２－４２４２－４２４２－４２４２"],
    ["mathematical digits", "𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐"],
    ["Arabic-Indic digits", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢"],
    ["keycap digits", "4️⃣2️⃣4️⃣2️⃣4️⃣2️⃣4️⃣2️⃣4️⃣2️⃣4️⃣2️⃣4️⃣2️⃣4️⃣2️⃣"],
    ["zero-width spaces", "4\u200b2\u200b4\u200b2\u200b4242\u200b4242\u200b4242"],
    ["zero-width (non-)joiners and word joiners", "4242\u200c4242\u200d4242\u20604242"],
    ["byte-order marks", "\ufeff4242\ufeff4242\ufeff4242\ufeff4242"],
    ["soft hyphens", "4242\u00ad4242\u00ad4242\u00ad4242"],
    ["a Mongolian vowel separator", "42424242\u180e42424242"],
    ["bidi marks", "\u202e4242\u200e4242\u200f4242\u202c4242\u2066\u2069"],
    ["combining marks", "4\u03012\u03014\u03012\u0332424242424242"],
    ["invisible characters around separators", "4242\u200b \u200b4242\u2060-4242 4242"],
    ["a letter glued before", "x4242424242424242"],
    ["a letter glued after", "4242424242424242a"],
    ["a word glued before", "card4242424242424242"],
    ["a currency glued after", "4242424242424242JPY"],
    ["words glued on both sides", "card4242424242424242exp1230"],
    ["a Stripe-like prefix", "cs_test_a4242424242424242"],
    ["fullwidth letters glued on", "ｃａｒｄ４２４２４２４２４２４２４２４２"],
  ])("finds a number written with %s", (_, text) => {
    expect(findCardNumbers(text)).toEqual([
      { path: "", location: "value", brand: "visa", last4: "4242" },
    ]);
  });

  it.each([
    ["phone (mobile)", "090-1234-5678"],
    ["phone (international)", "+81 3 1234 5678"],
    ["phone (toll free)", "0120-123-456"],
    ["booking reference", "RC-20261125-000123"],
    ["Luhn failure", "4242424242424241"],
    ["Luhn failure, grouped", "5555 5555 5555 4440"],
    ["unknown IIN starting with 1", "1000000000000008"],
    ["unknown IIN starting with 9", "9999999999999995"],
    ["20 digits", "42424242424242424242"],
    ["24 digits", "424242424242424242424242"],
    ["card number glued to a leading digit", "04242424242424242"],
    ["card number glued to a trailing digit", "42424242424242420"],
    ["timestamp", "1764000000000"],
    ["timestamp in text", "at 1764000000000 ms"],
    ["wrong length for the brand", "424242424242424"],
    ["groups too far apart", "4242     4242     4242     4242"],
    ["groups joined by commas or colons (lists, times)", "4242,4242,4242,4242 4242:4242:4242:4242"],
    ["groups on separate lines", "4242\n4242\n4242\n4242"],
    ["groups joined by plus signs (sums, +81 phone numbers)", "4242+4242+4242+4242"],
    ["a JAN/EAN-13 code that also passes Luhn", "4901234567894"],
    ["a JAN code printed under its barcode", "4 901234 567894"],
    ["twelve digits", "424242424242"],
    ["a hex digest", "02e00415050a58646b99dd12fa6d964b1be22439223b4d6e5039088051307063"],
    ["digits inside a hex identifier", "9f3a4242424242424242e1"],
    ["a UUID whose first groups are all digits", "48176423-5678-4102-8491-234567891234"],
  ])("does not flag %s", (_, text) => {
    expect(findCardNumbers(text)).toEqual([]);
  });
});

describe("identifiers are not card numbers", () => {
  it("the UUID fixture holds a Luhn-valid Visa number, found once it is outside the UUID", () => {
    expect(findCardNumbers("4817642356784102")).toHaveLength(1);
    expect(findCardNumbers("48176423-5678-4102")).toHaveLength(1);
  });

  it("never flags random UUIDs or SHA-256 digests (20 000 of each)", () => {
    for (let index = 0; index < 20_000; index++) {
      const uuid = randomUUID();
      const digest = createHash("sha256").update(uuid).digest("hex");
      expect(findCardNumbers({ uuid, digest, upper: uuid.toUpperCase() })).toEqual([]);
    }
  });

  it("still finds a card number next to punctuation or Japanese text", () => {
    expect(findCardNumbers("(4242 4242 4242 4242)")).toHaveLength(1);
    expect(findCardNumbers("番号4242424242424242です")).toHaveLength(1);
    expect(
      findCardNumbers("id=6ba7b810-9dad-11d1-80b4-00c04fd430c8 pan=4242424242424242"),
    ).toHaveLength(1);
  });
});

describe("negative fixtures", () => {
  it("pass Luhn where they should, so only the IIN and length checks stop them", () => {
    for (const digits of [
      "1000000000000008",
      "9999999999999995",
      "42424242424242424242",
      "04242424242424242",
      "1764000000000",
      "424242424242424",
      "4901234567894",
    ]) {
      expect(passesLuhn(digits)).toBe(true);
    }
  });
});

describe("findCardNumbers in nested values", () => {
  it("reports paths, never the number", () => {
    const value = {
      customer: { notes: "my card is 4242424242424242" },
      items: [{ name: "a" }, { name: "b" }, { name: "5555 5555 5555 4444" }],
      "order-note": "378282246310005",
    };
    const findings = findCardNumbers(value);
    expect(findings).toEqual([
      { path: "customer.notes", location: "value", brand: "visa", last4: "4242" },
      { path: "items[2].name", location: "value", brand: "mastercard", last4: "4444" },
      { path: '["order-note"]', location: "value", brand: "amex", last4: "0005" },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/\d{5}/);
  });

  it("looks at object keys and masks them in the path", () => {
    const findings = findCardNumbers({ meta: { "4242424242424242": true } });
    expect(findings).toEqual([
      { path: 'meta["[card ****4242]"]', location: "key", brand: "visa", last4: "4242" },
    ]);
  });

  it("looks into Maps (keys and values), Sets, numbers and bigints", () => {
    const value = new Map<unknown, unknown>([
      ["note", "6011111111111117"],
      ["5555555555554444", "x"],
      [4242424242424242, "number key"],
      ["tags", new Set(["a", "3530111333300000"])],
      ["amount", 4242424242424242],
      ["big", 6011111111111117n],
    ]);
    expect(findCardNumbers(value)).toEqual([
      { path: "note", location: "value", brand: "discover", last4: "1117" },
      { path: '["[card ****4444]"]', location: "key", brand: "mastercard", last4: "4444" },
      { path: "[[card ****4242]]", location: "key", brand: "visa", last4: "4242" },
      { path: "tags[1]", location: "value", brand: "jcb", last4: "0000" },
      { path: "amount", location: "value", brand: "visa", last4: "4242" },
      { path: "big", location: "value", brand: "discover", last4: "1117" },
    ]);
  });

  it("scans objects used as Map keys", () => {
    const value = new Map([[{ pan: "4242424242424242" }, "value"]]);
    expect(findCardNumbers({ lookup: value })).toEqual([
      { path: "lookup[#0:key].pan", location: "value", brand: "visa", last4: "4242" },
    ]);
  });

  it("survives cycles and scans shared objects once", () => {
    const shared = { pan: "4242424242424242" };
    const root: Record<string, unknown> = { a: shared, b: shared };
    root.self = root;
    expect(findCardNumbers(root)).toEqual([
      { path: "a.pan", location: "value", brand: "visa", last4: "4242" },
    ]);
  });

  it("stops at the depth limit", () => {
    let deep: unknown = "4242424242424242";
    for (let level = 0; level < 10; level++) deep = { next: deep };
    expect(findCardNumbers(deep, { maxDepth: 9 })).toEqual([]);
    expect(findCardNumbers(deep, { maxDepth: 10 })).toHaveLength(1);
    expect(() => findCardNumbers(deep, { maxDepth: -1 })).toThrow(LinkpayError);
  });

  it("does not walk into class instances, dates or buffers", () => {
    class Holder {
      readonly pan = "4242424242424242";
    }
    expect(findCardNumbers([new Holder(), new Date(), Buffer.from("4242424242424242")])).toEqual(
      [],
    );
  });

  it("ignores booleans, null, undefined, symbols and functions", () => {
    expect(findCardNumbers([true, null, undefined, Symbol("4242424242424242"), () => 1])).toEqual(
      [],
    );
  });
});

describe("containsCardNumber", () => {
  it("answers yes or no", () => {
    expect(containsCardNumber({ a: ["card 4242 4242 4242 4242"] })).toBe(true);
    expect(containsCardNumber({ phone: "090-1234-5678", ref: "RC-20261125-000123" })).toBe(false);
  });
});

describe("assertNoCardData", () => {
  it("passes clean values", () => {
    expect(() =>
      assertNoCardData({ orderRef: "RC-20261125-000123", phone: "+81 3 1234 5678", total: 8800 }),
    ).not.toThrow();
  });

  it("throws CARD_DATA_DETECTED with paths and no digits beyond the last four", () => {
    const error = caught(() =>
      assertNoCardData(
        {
          customer: { notes: "4000 0000 0000 0002" },
          items: [{}, {}, { name: "5555555555554444" }],
        },
        "checkout request",
      ),
    );
    expect(isLinkpayError(error, "CARD_DATA_DETECTED")).toBe(true);
    expect(error.status).toBe(400);
    expect(error.details).toEqual({
      reason: "card_number",
      paths: ["customer.notes", "items[2].name"],
      pathCount: 2,
      context: "checkout request",
    });
    expect(error.message).toContain("checkout request");
    expect(error.message).toContain("customer.notes");
    const shown = `${error.message} ${JSON.stringify(error.details)}`;
    expect(shown).not.toMatch(/\d{5}/);
    expect(shown).not.toContain("4000 0000");
  });

  it("masks card numbers found in keys inside the paths it reports", () => {
    const error = caught(() => assertNoCardData({ "4242424242424242": 1 }));
    expect(error.details.paths).toEqual(['["[card ****4242]"]']);
    expect(error.message).not.toContain("4242424242424242");
  });

  it("reports the root as (root)", () => {
    const error = caught(() => assertNoCardData("4242424242424242"));
    expect(error.details.paths).toEqual([""]);
    expect(error.message).toContain("(root)");
  });

  it("fails closed on values nested too deep to check", () => {
    let deep: unknown = { note: "harmless" };
    for (let level = 0; level < 100; level++) deep = [deep];
    const error = caught(() => assertNoCardData(deep));
    expect(error.code).toBe("CARD_DATA_DETECTED");
    expect(error.details.reason).toBe("too_deep");
  });
});
