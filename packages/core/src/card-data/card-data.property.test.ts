import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { CARD_BRANDS, cardBrandOf } from "./card-brands";
import { findCardNumbers } from "./find-card-numbers";
import { redact, redactString } from "./redact";
import { findCardNumberSpans } from "./scan-text";

/** The test's own Luhn, independent of the implementation under test. */
function withCheckDigit(payload: string): string {
  let sum = 0;
  for (let index = 0; index < payload.length; index++) {
    const digit = Number(payload[payload.length - 1 - index]);
    const doubled = index % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

const digit = fc.constantFrom(..."0123456789");

/** A valid PAN of any known brand: an IIN in range, random digits, a computed check digit. */
const validPan = fc
  .constantFrom(...CARD_BRANDS)
  .chain(({ ranges, lengths }) => fc.tuple(fc.constantFrom(...ranges), fc.constantFrom(...lengths)))
  .chain(([{ from, to }, length]) =>
    fc
      .tuple(
        fc.integer({ min: Number(from), max: Number(to) }),
        fc.string({
          unit: digit,
          minLength: length - from.length - 1,
          maxLength: length - from.length - 1,
        }),
      )
      .map(([prefix, body]) => withCheckDigit(String(prefix) + body)),
  );

/** Text that holds no digits, so the only digits around are the ones a test puts in. */
const text = fc.string({
  unit: fc.constantFrom(..."abcXYZ -.,:;/()[]#_\n\téあ日", "card ", "exp ", "tel: "),
  maxLength: 30,
});

/** `digits` with a random single space or dash (or nothing) between each pair of digits. */
function separated(digits: string): fc.Arbitrary<string> {
  const gaps = Math.max(digits.length - 1, 0);
  return fc
    .array(fc.constantFrom("", "", "", " ", "-"), { minLength: gaps, maxLength: gaps })
    .map((separators) => [...digits].map((d, index) => d + (separators[index] ?? "")).join(""));
}

/**
 * What may touch a card number: anything but a Latin letter (digits glued to letters are part of
 * an identifier such as a digest, and are deliberately not reported).
 */
const boundary = fc.constantFrom(" ", ":", "=", "(", ")", "#", "\n", "\t", "あ", "日", "-");

const panInText = validPan.chain((pan) =>
  fc
    .tuple(fc.constant(pan), text, boundary, separated(pan), boundary, text)
    .map(([digits, before, open, shown, close, after]) => ({
      digits,
      text: before + open + shown + close + after,
    })),
);

const stripeSecret = fc
  .tuple(
    fc.constantFrom("sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"),
    fc.base64String({ minLength: 8, maxLength: 40 }),
  )
  .map(([prefix, body]) => prefix + body.replace(/[+/=]/g, "A"));

function stripSeparators(value: string): string {
  return value.replace(/[\s-]/g, "");
}

describe("card detection properties", () => {
  it("always finds a valid PAN of a known brand, with any separators, in any text", () => {
    fc.assert(
      fc.property(panInText, ({ digits, text: value }) => {
        const expected = { brand: cardBrandOf(digits), last4: digits.slice(-4) };
        expect(expected.brand).toBeDefined();
        expect(findCardNumbers(value)).toEqual([{ path: "", location: "value", ...expected }]);
        expect(findCardNumbers({ order: [{ note: value }] })).toEqual([
          { path: "order[0].note", location: "value", ...expected },
        ]);
      }),
    );
  });

  it("never flags a valid PAN with one digit changed (contiguous digits)", () => {
    const mutated = fc
      .tuple(validPan, fc.nat(), fc.integer({ min: 1, max: 9 }), text, text)
      .map(([pan, at, delta, before, after]) => {
        const index = at % pan.length;
        const changed = String((Number(pan[index]) + delta) % 10);
        return before + pan.slice(0, index) + changed + pan.slice(index + 1) + after;
      });
    fc.assert(
      fc.property(mutated, (value) => {
        expect(findCardNumbers(value)).toEqual([]);
      }),
    );
  });

  it("with separators, never flags the changed number itself — only whole-group parts that are valid cards", () => {
    const mutated = fc
      .tuple(validPan, fc.nat(), fc.integer({ min: 1, max: 9 }))
      .chain(([pan, at, delta]) => {
        const index = at % pan.length;
        const changed =
          pan.slice(0, index) + String((Number(pan[index]) + delta) % 10) + pan.slice(index + 1);
        return fc.tuple(fc.constant(changed), text, separated(changed), text);
      });
    fc.assert(
      fc.property(mutated, ([digits, before, shown, after]) => {
        const value = before + shown + after;
        for (const span of findCardNumberSpans(value)) {
          const found = stripSeparators(value.slice(span.start, span.end));
          expect(found.length).toBeLessThan(digits.length);
          expect(digits).toContain(found);
          expect(cardBrandOf(found)).toBe(span.brand);
        }
      }),
    );
  });

  it("never flags fewer than 13 digits, however they are separated", () => {
    const short = fc
      .string({ unit: digit, maxLength: 12 })
      .chain((digits) => fc.tuple(text, separated(digits), text))
      .map(([before, shown, after]) => before + shown + after);
    fc.assert(
      fc.property(short, (value) => {
        expect(findCardNumbers(value)).toEqual([]);
      }),
    );
  });

  it("never flags runs of more than 19 digits", () => {
    const long = fc
      .tuple(validPan, fc.string({ unit: digit, minLength: 1, maxLength: 10 }), fc.boolean())
      .map(([pan, extra, first]) => (first ? extra + pan : pan + extra))
      .filter((digits) => digits.length > 19);
    fc.assert(
      fc.property(long, (value) => {
        expect(findCardNumbers(value)).toEqual([]);
      }),
    );
  });
});

describe("redaction properties", () => {
  it("never lets a PAN or a secret through, in strings or nested values", () => {
    fc.assert(
      fc.property(panInText, stripeSecret, text, ({ digits, text: value }, secret, other) => {
        const line = `${value} ${secret} ${other}`;
        const outputs = [
          redactString(line),
          JSON.stringify(redact({ log: { line, parts: [value, secret] }, [value]: other })),
        ];
        for (const output of outputs) {
          expect(stripSeparators(output)).not.toContain(digits);
          expect(output).not.toContain(secret);
          expect(output).toContain(`****${digits.slice(-4)}`);
        }
      }),
    );
  });

  it("is idempotent and never changes its input", () => {
    fc.assert(
      fc.property(fc.jsonValue(), panInText, (json, { text: value }) => {
        const input = { json, value };
        const before = JSON.stringify(input);
        const once = redact(input);
        expect(JSON.stringify(input)).toBe(before);
        expect(redact(once)).toEqual(once);
      }),
    );
  });
});
