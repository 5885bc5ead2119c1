import { describe, expect, it } from "@jest/globals";
import { PricingError } from "./pricing-error";
import { quote, type RentalChoice } from "./quote";
import { rentalDays, tokyoDate, tokyoDateTime } from "./rental-period";

const base: RentalChoice = {
  pickUpLocation: "CTS",
  returnLocation: "CTS",
  pickUpAt: tokyoDateTime("2026-12-30", "10:00"),
  returnAt: tokyoDateTime("2027-01-02", "10:00"),
  carClass: "C",
  options: [],
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof PricingError ? error.code : String(error);
  }
  return undefined;
}

describe("rental period", () => {
  it("reads typed times in Japan time, whatever the server's zone", () => {
    expect(tokyoDateTime("2026-12-01", "09:00").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(tokyoDate(tokyoDateTime("2026-12-01", "00:30"))).toBe("2026-12-01");
  });

  it("refuses dates that do not exist and malformed input", () => {
    expect(codeOf(() => tokyoDateTime("2026-02-30", "10:00"))).toBe("INVALID_DATE");
    expect(codeOf(() => tokyoDateTime("2026-12-01", "24:00"))).toBe("INVALID_DATE");
    expect(codeOf(() => tokyoDateTime("12/01/2026", "10:00"))).toBe("INVALID_DATE");
    expect(codeOf(() => tokyoDateTime("2026-12-01'; DROP TABLE", "10:00"))).toBe("INVALID_DATE");
  });

  it("charges every started day, at least one, across months and years", () => {
    expect(rentalDays(base.pickUpAt, base.returnAt)).toBe(3);
    expect(
      rentalDays(tokyoDateTime("2026-01-31", "10:00"), tokyoDateTime("2026-02-01", "10:01")),
    ).toBe(2);
    expect(
      rentalDays(tokyoDateTime("2026-12-01", "10:00"), tokyoDateTime("2026-12-01", "12:00")),
    ).toBe(1);
  });

  it("refuses a return before pick-up and rentals over 30 days", () => {
    expect(codeOf(() => rentalDays(base.returnAt, base.pickUpAt))).toBe("RETURN_BEFORE_PICK_UP");
    expect(codeOf(() => rentalDays(base.pickUpAt, base.pickUpAt))).toBe("RETURN_BEFORE_PICK_UP");
    expect(
      codeOf(() =>
        rentalDays(tokyoDateTime("2026-12-01", "10:00"), tokyoDateTime("2026-12-31", "10:01")),
      ),
    ).toBe("RENTAL_TOO_LONG");
  });
});

describe("quote", () => {
  it("prices the car per day", () => {
    const result = quote(base);
    expect(result).toMatchObject({ days: 3, total: 23_100, currency: "JPY" });
    expect(result.lines).toEqual([
      {
        name: { ja: "コンパクト(Yaris等)(3日分)", en: "Compact (Yaris or similar) (3 days)" },
        unitAmount: 7_700,
        quantity: 3,
      },
    ]);
  });

  it("prices per-day and per-rental options", () => {
    const result = quote({
      ...base,
      options: [
        { code: "child-seat", quantity: 2 },
        { code: "cdw", quantity: 1 },
        { code: "etc-card", quantity: 1 },
      ],
    });
    expect(result.total).toBe(23_100 + 1_100 * 2 * 3 + 1_650 * 3 + 330);
    expect(result.lines.map((l) => [l.unitAmount, l.quantity])).toEqual([
      [7_700, 3],
      [1_100, 6],
      [1_650, 3],
      [330, 1],
    ]);
  });

  it("adds the one-way fee within a region and refuses one-way across regions", () => {
    expect(quote({ ...base, returnLocation: "SPK" }).total).toBe(23_100 + 3_300);
    expect(codeOf(() => quote({ ...base, returnLocation: "HND" }))).toBe("ONE_WAY_NOT_OFFERED");
  });

  it("refuses what the catalogue does not offer", () => {
    expect(codeOf(() => quote({ ...base, pickUpLocation: "XXX" }))).toBe("UNKNOWN_LOCATION");
    expect(codeOf(() => quote({ ...base, carClass: "Z" }))).toBe("UNKNOWN_CAR_CLASS");
    expect(codeOf(() => quote({ ...base, options: [{ code: "jetpack", quantity: 1 }] }))).toBe(
      "UNKNOWN_OPTION",
    );
    expect(codeOf(() => quote({ ...base, options: [{ code: "child-seat", quantity: 4 }] }))).toBe(
      "TOO_MANY",
    );
    expect(codeOf(() => quote({ ...base, options: [{ code: "cdw", quantity: -1 }] }))).toBe(
      "TOO_MANY",
    );
    expect(codeOf(() => quote({ ...base, options: [{ code: "cdw", quantity: 0.5 }] }))).toBe(
      "TOO_MANY",
    );
  });

  it("ignores options with quantity zero", () => {
    expect(quote({ ...base, options: [{ code: "cdw", quantity: 0 }] }).lines).toHaveLength(1);
  });
});
