import { execFileSync } from "node:child_process";
import { join } from "node:path";
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

describe("quote: calendar, fees and options", () => {
  const at = (date: string, time: string) => tokyoDateTime(date, time);

  it("prices rentals across month and year ends by started 24 hours", () => {
    const january = quote({
      ...base,
      pickUpAt: at("2027-01-31", "10:00"),
      returnAt: at("2027-02-02", "10:00"),
    });
    expect(january).toMatchObject({ days: 2, total: 2 * 7_700 });
    const longest = quote({
      ...base,
      pickUpAt: at("2027-01-31", "10:00"),
      returnAt: at("2027-03-02", "10:00"),
    });
    expect(longest).toMatchObject({ days: 30, total: 30 * 7_700 });
    const leap = quote({
      ...base,
      pickUpAt: at("2028-02-28", "10:00"),
      returnAt: at("2028-03-01", "10:30"),
    });
    expect(leap.days).toBe(3);
    const newYear = quote({
      ...base,
      pickUpAt: at("2027-12-31", "20:00"),
      returnAt: at("2028-01-01", "09:00"),
    });
    expect(newYear).toMatchObject({ days: 1, total: 7_700 });
  });

  it("charges at least one day, and a second one from the first minute past 24 hours", () => {
    const oneMinute = quote({
      ...base,
      pickUpAt: at("2027-06-01", "10:00"),
      returnAt: at("2027-06-01", "10:01"),
      options: [{ code: "child-seat", quantity: 1 }],
    });
    expect(oneMinute).toMatchObject({ days: 1, total: 7_700 + 1_100 });
    const day = { ...base, pickUpAt: at("2027-06-01", "10:00") };
    expect(quote({ ...day, returnAt: at("2027-06-02", "10:00") }).days).toBe(1);
    expect(quote({ ...day, returnAt: at("2027-06-02", "10:01") }).days).toBe(2);
  });

  it("adds the one-way fee once, as the last line, in every region", () => {
    for (const [from, to] of [
      ["OKA", "NHC"],
      ["NHC", "OKA"],
      ["HND", "SGW"],
      ["FUK", "HKT"],
      ["SPK", "CTS"],
    ] as const) {
      const oneWay = quote({
        ...base,
        pickUpLocation: from,
        returnLocation: to,
        options: [{ code: "etc-card", quantity: 1 }],
      });
      expect(oneWay.total).toBe(23_100 + 330 + 3_300);
      expect(oneWay.lines.at(-1)).toEqual({
        name: { ja: "乗り捨て料金", en: "One-way drop fee" },
        unitAmount: 3_300,
        quantity: 1,
      });
      expect(oneWay.lines.filter((line) => line.unitAmount === 3_300)).toHaveLength(1);
    }
    expect(quote({ ...base, pickUpLocation: "OKA", returnLocation: "OKA" }).total).toBe(23_100);
    expect(codeOf(() => quote({ ...base, pickUpLocation: "OKA", returnLocation: "FUK" }))).toBe(
      "ONE_WAY_NOT_OFFERED",
    );
  });

  it("charges per-day options for every day and per-rental options once", () => {
    const week = {
      ...base,
      carClass: "W",
      pickUpAt: at("2027-08-01", "10:00"),
      returnAt: at("2027-08-08", "10:00"),
    };
    const priced = quote({
      ...week,
      options: [
        { code: "child-seat", quantity: 3 },
        { code: "cdw", quantity: 1 },
        { code: "etc-card", quantity: 1 },
      ],
    });
    expect(priced.days).toBe(7);
    expect(priced.lines.map((line) => [line.unitAmount, line.quantity])).toEqual([
      [15_400, 7],
      [1_100, 21],
      [1_650, 7],
      [330, 1],
    ]);
    expect(priced.total).toBe(15_400 * 7 + 1_100 * 21 + 1_650 * 7 + 330);
    expect(priced.lines[1]?.name.en).toBe("Child seat (7 days)");
    expect(priced.lines[3]?.name.en).toBe("ETC card");
  });
});

describe("Asia/Tokyo whatever the process's time zone", () => {
  /**
   * Runs the pricing source in a fresh Node process with `TZ` set (a test cannot change the zone
   * of its own process): the .ts files are transpiled on load with the TypeScript compiler.
   */
  function inZone(zone: string): unknown {
    const script = `
      const ts = require(${JSON.stringify(require.resolve("typescript"))});
      const fs = require("node:fs");
      require.extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const { outputText } = ts.transpileModule(source, {
          fileName: filename,
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        });
        module._compile(outputText, filename);
      };
      const { quote } = require(${JSON.stringify(join(__dirname, "quote.ts"))});
      const { tokyoDate, tokyoDateTime } = require(${JSON.stringify(join(__dirname, "rental-period.ts"))});
      const choice = (pickUp, returned) => ({
        pickUpLocation: "HND", returnLocation: "HND", carClass: "C", options: [],
        pickUpAt: tokyoDateTime(...pickUp), returnAt: tokyoDateTime(...returned),
      });
      process.stdout.write(JSON.stringify({
        offset: new Date(2027, 0, 1).getTimezoneOffset(),
        midnight: tokyoDateTime("2027-01-01", "00:00").toISOString(),
        lateNight: tokyoDateTime("2026-12-31", "23:30").toISOString(),
        date: tokyoDate(new Date("2026-12-31T15:00:00Z")),
        // Across the US and EU daylight-saving changes of March 2027: exactly 48 hours.
        usSpring: quote(choice(["2027-03-13", "10:00"], ["2027-03-15", "10:00"])).days,
        euSpring: quote(choice(["2027-03-27", "10:00"], ["2027-03-29", "10:00"])).days,
        yearEnd: quote(choice(["2026-12-31", "23:30"], ["2027-01-02", "00:30"])).total,
      }));`;
    const output = execFileSync(process.execPath, ["-e", script], {
      env: { ...process.env, TZ: zone },
      encoding: "utf8",
      timeout: 20_000,
    });
    return JSON.parse(output);
  }

  it("reads typed dates and prices the same in every zone", () => {
    const expected = {
      midnight: "2026-12-31T15:00:00.000Z",
      lateNight: "2026-12-31T14:30:00.000Z",
      date: "2027-01-01",
      usSpring: 2,
      euSpring: 2,
      yearEnd: 2 * 7_700,
    };
    expect(tokyoDateTime("2027-01-01", "00:00").toISOString()).toBe(expected.midnight);
    const offsets = new Set<number>();
    for (const zone of [
      "UTC",
      "America/Los_Angeles",
      "Europe/London",
      "Pacific/Kiritimati",
      "Etc/GMT+12",
      "Asia/Tokyo",
    ]) {
      const result = inZone(zone) as { offset: number } & Record<string, unknown>;
      offsets.add(result.offset);
      expect({ zone, ...result, offset: undefined }).toEqual({
        zone,
        ...expected,
        offset: undefined,
      });
    }
    // The zones really differed (UTC, LA, London in winter = UTC, +14, -12, +9).
    expect(offsets).toEqual(new Set([0, 480, -840, 720, -540]));
  });
});
