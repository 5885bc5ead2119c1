import { describe, expect, it } from "@jest/globals";
import { MAX_CARD_SPAN_UNITS, type ScanWork } from "./digit-chains";
import { findCardNumberSpans, maskCardNumbersInText, mayHoldCardNumber } from "./scan-text";

const KIB_100 = 100 * 1024;

/** `unit` repeated to 100 KiB of text. */
function fill(unit: string): string {
  return unit.repeat(Math.ceil(KIB_100 / unit.length)).slice(0, KIB_100);
}

/** A fixed pseudo-random mix of digits, separators and invisible characters. */
function noise(alphabet: readonly string[]): string {
  let state = 7;
  let text = "";
  while (text.length < KIB_100) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

function scanWithWork(text: string): { readonly found: number; readonly work: ScanWork } {
  const work: ScanWork = { characters: 0, candidates: 0 };
  const found = findCardNumberSpans(text, work).length;
  return { found, work };
}

describe("scanning adversarial input", () => {
  it.each([
    ["single digits and spaces", fill("4 ")],
    ["one 100 KiB run of digits", fill("4242")],
    ["digits between zero-width spaces", fill("4\u200b")],
    [
      "digits and mixed separators",
      noise([..."0123456789", " ", "-", ".", "/", "_", "\t", "\u3000"]),
    ],
    [
      "digits, separators and invisible characters",
      noise([..."4242", " ", "\u200b", "\u0301", "ー"]),
    ],
    ["digit groups too far apart", fill("4242      ")],
    ["long gaps of invisible characters", fill(`4${"\u200b".repeat(40)}`)],
    ["card numbers glued inside hex", fill("a4242424242424242")],
    ["card numbers between UUIDs", fill("4242424242424242 6ba7b810-9dad-11d1-80b4-00c04fd430c8 ")],
  ])("does work linear in the length of %s", (_, text) => {
    const { work } = scanWithWork(text);
    // Each character is read by the chain reader, and once more when a gap is re-read; a card
    // number found (13 or more digits) looks at most 64 characters each way for a hex identifier.
    // Each group start checks at most 7 lengths (13–19 digits).
    expect(work.characters).toBeLessThanOrEqual(
      3 * text.length + Math.ceil((128 * text.length) / 13),
    );
    expect(work.candidates).toBeLessThanOrEqual(7 * text.length);
  });

  it("still finds every card number in a long run of them", () => {
    const text = fill("4242 4242 4242 4242 | ");
    const expected = Math.floor(text.length / 22) + (text.length % 22 >= 19 ? 1 : 0);
    expect(scanWithWork(text).found).toBe(expected);
    expect(scanWithWork(fill("4242424242424242 6ba7b810-9dad-11d1-80b4-00c04fd430c8 ")).found).toBe(
      Math.ceil(KIB_100 / 54),
    );
  });

  it("finds nothing in runs that only look like card numbers", () => {
    expect(scanWithWork(fill("4242")).found).toBe(0);
    expect(scanWithWork(fill("a4242424242424242")).found).toBe(0);
    expect(scanWithWork(fill("4242      ")).found).toBe(0);
  });
});

describe("span bound", () => {
  it("keeps every card number within MAX_CARD_SPAN_UNITS, however it is written", () => {
    const gap = "\u200b \u200b-\u200b.\u200b/".padEnd(16, "\u0301");
    const widest = [..."𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒𝟐𝟒"].join(gap);
    expect(gap).toHaveLength(16);
    const [span] = findCardNumberSpans(`(${widest})`);
    expect(span?.end).toBeDefined();
    expect((span?.end ?? 0) - (span?.start ?? 0)).toBeLessThanOrEqual(MAX_CARD_SPAN_UNITS);
  });

  it("masks a card number written with every trick, leaving the text around it", () => {
    expect(maskCardNumbersInText("番号：card4\u200b242 . 4242\u00ad4242／４２４２JPY です")).toBe(
      "番号：card[card ****4242]JPY です",
    );
  });
});

describe("quick rejection of text too short for a card number", () => {
  it("still finds the shortest card numbers, 13 digits of any script and nothing else", () => {
    for (const text of ["4222222222222", "４２２２２２２２２２２２２", "𝟒𝟐𝟐𝟐𝟐𝟐𝟐𝟐𝟐𝟐𝟐𝟐𝟐"]) {
      expect(mayHoldCardNumber(text)).toBe(true);
      expect(findCardNumberSpans(text)).toEqual([
        expect.objectContaining({ brand: "visa", last4: "2222" }),
      ]);
    }
  });

  it("skips only text with fewer than 13 units that may begin a digit", () => {
    expect(mayHoldCardNumber("422222222222")).toBe(false);
    expect(mayHoldCardNumber("evt_1NG8Du2eZvKYlo2CUI6YkG5x")).toBe(false);
    expect(mayHoldCardNumber("attempt-8f14e45f")).toBe(false);
    expect(mayHoldCardNumber("processed")).toBe(false);
    expect(mayHoldCardNumber("at 2026-12-06 12:34:5")).toBe(true);
    expect(mayHoldCardNumber("カード番号は何ですか教えてください")).toBe(true);
  });
});
