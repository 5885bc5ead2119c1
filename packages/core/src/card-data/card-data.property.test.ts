import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { CARD_BRANDS, cardBrandOf } from "./card-brands";
import { MAX_GAP_SEPARATORS, MAX_GAP_UNITS } from "./digit-chains";
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

/** The test's own EAN-13 check: a 13-digit number carrying one is read as a product code. */
function isEan13(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += Number(digits[index]) * (index % 2 === 0 ? 1 : 3);
  return digits.length === 13 && (10 - (sum % 10)) % 10 === Number(digits[12]);
}

const digit = fc.constantFrom(..."0123456789");

/** A Luhn-valid number of any known brand: an IIN in range, random digits, a computed check digit. */
const brandPan = fc
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

/** A valid PAN of any known brand that is not also a JAN/EAN-13 product code. */
const validPan = brandPan.filter((pan) => !isEan13(pan));

/** Text that holds no digits, so the only digits around are the ones a test puts in. */
const text = fc.string({
  unit: fc.constantFrom(..."abcXYZ -.,:;/()[]#_\n\téあ日", "card ", "exp ", "tel: "),
  maxLength: 30,
});

/** Characters people (or attackers) put between digit groups. */
const SEPARATORS = [
  ..." -./_\t\u00a0\u3000\uff0d\u2010\u2013\u2014\u2212ー・\u202f\uff0e\uff0f\uff3f",
];

/** Characters nobody sees: zero-width, bidi and format marks, combining marks, a tag character. */
const INVISIBLES = [
  ..."\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e",
  ..."\u2066\u2067\u2068\u2069\u0301\u0332\ufe0f\u20e3\u034f",
  "\u{e0020}",
];

/** What may come between two digits: up to the allowed separators, mixed with invisible characters. */
const gap = fc
  .tuple(
    fc.array(fc.constantFrom(...SEPARATORS), { maxLength: MAX_GAP_SEPARATORS }),
    fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 6 }),
  )
  .chain(([separators, invisibles]) =>
    fc.shuffledSubarray([...separators, ...invisibles], {
      minLength: separators.length + invisibles.length,
    }),
  )
  .map((characters) => characters.join(""))
  .filter((value) => value.length <= MAX_GAP_UNITS);

/** Zero code points of the digit scripts a number may be written in. */
const DIGIT_ZEROS = [0x30, 0xff10, 0x1d7ce, 0x660, 0x966];

/** `digits` written in a random digit script per digit, with a random gap between each pair. */
function written(digits: string): fc.Arbitrary<string> {
  const count = digits.length;
  return fc
    .tuple(
      fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant("") }, { weight: 2, arbitrary: gap }), {
        minLength: count,
        maxLength: count,
      }),
      fc.array(
        fc.oneof({ weight: 4, arbitrary: fc.constant(0x30) }, fc.constantFrom(...DIGIT_ZEROS)),
        {
          minLength: count,
          maxLength: count,
        },
      ),
    )
    .map(([gaps, zeros]) =>
      [...digits]
        .map((d, index) => {
          const shown = String.fromCodePoint((zeros[index] ?? 0x30) + Number(d));
          return index === count - 1 ? shown : shown + (gaps[index] ?? "");
        })
        .join(""),
    );
}

/** The ASCII digits of `value`, whatever script they are written in (everything else dropped). */
function digitsOf(value: string): string {
  let digits = "";
  for (const character of value) {
    const codePoint = character.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((base) => codePoint >= base && codePoint <= base + 9);
    if (zero !== undefined) digits += String(codePoint - zero);
  }
  return digits;
}

/**
 * What may touch a card number: punctuation, Japanese, or letters glued on (`card4242…`,
 * `…4242JPY`) — letters only, since digits glued to hex letters make a hex identifier.
 */
const boundary = fc.oneof(
  fc.constantFrom(" ", ":", "=", "(", ")", "#", "\n", "\t", "あ", "日", "-"),
  fc.string({ unit: fc.constantFrom(..."abcdefxyzABCJPYｃａｒｄ"), minLength: 1, maxLength: 5 }),
);

const panInText = validPan.chain((pan) =>
  fc
    .tuple(fc.constant(pan), text, boundary, written(pan), boundary, text)
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

describe("card detection properties", () => {
  it("always finds a valid PAN of a known brand, written with any separators, invisible characters, digit scripts and glued letters, in any text", () => {
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
        return fc.tuple(fc.constant(changed), text, written(changed), text);
      });
    fc.assert(
      fc.property(mutated, ([digits, before, shown, after]) => {
        const value = before + shown + after;
        for (const span of findCardNumberSpans(value)) {
          const found = digitsOf(value.slice(span.start, span.end));
          expect(found.length).toBeLessThan(digits.length);
          expect(digits).toContain(found);
          expect(cardBrandOf(found)).toBe(span.brand);
        }
      }),
    );
  });

  it("reads a 13-digit number that is also a JAN/EAN-13 code as a product code", () => {
    const productCode = brandPan.filter((pan) => pan.length === 13 && isEan13(pan));
    fc.assert(
      fc.property(productCode, text, (pan, after) => {
        expect(cardBrandOf(pan)).toBeDefined();
        expect(findCardNumbers(`JAN ${pan} ${after}`)).toEqual([]);
      }),
    );
  });

  it("never flags a number inside a hexadecimal identifier", () => {
    const hex = (unit: fc.Arbitrary<string>) => fc.string({ unit, minLength: 1, maxLength: 20 });
    const hexLetter = fc.constantFrom(..."abcdefABCDEF");
    const hexWithDigit = fc
      .tuple(hex(fc.constantFrom(..."0123456789abcdef")), digit, hexLetter)
      .map(([body, oneDigit, letter]) => body + oneDigit + letter);
    const identifier = fc
      .tuple(validPan, hexWithDigit, hex(hexLetter), fc.boolean())
      .map(([pan, withDigit, letters, digitsFirst]) =>
        digitsFirst ? withDigit + pan + letters : letters + pan + [...withDigit].reverse().join(""),
      );
    fc.assert(
      fc.property(identifier, text, (id, around) => {
        expect(findCardNumbers(`${around} ${id} ${around}`)).toEqual([]);
      }),
    );
  });

  it("never flags fewer than 13 digits, however they are separated", () => {
    const short = fc
      .string({ unit: digit, maxLength: 12 })
      .chain((digits) => fc.tuple(text, written(digits), text))
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
          expect(digitsOf(output)).not.toContain(digits);
          expect(digitsOf(output).replaceAll(digits.slice(-4), "")).toBe("");
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
