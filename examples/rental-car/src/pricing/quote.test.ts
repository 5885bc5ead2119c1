import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { dropFeeBetween, LOCATIONS } from "../catalogue/catalogue";
import { PricingError } from "./pricing-error";
import { quote, type RentalChoice } from "./quote";
import { rentalDays, tokyoDate, tokyoDateTime } from "./rental-period";

const base: RentalChoice = {
  pickUpLocation: "CTS",
  returnLocation: "CTS",
  pickUpAt: tokyoDateTime("2027-02-10", "10:00"),
  returnAt: tokyoDateTime("2027-02-13", "10:00"),
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
        name: { ja: "コンパクト(ヤリス等)(3日分)", en: "Compact (Yaris or similar) (3 days)" },
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

  it("adds the drop fee between two cities of a region and refuses one-way across regions", () => {
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

  it("prices rentals across month and year ends by 24-hour days and extra hours", () => {
    const january = quote({
      ...base,
      pickUpAt: at("2027-01-31", "10:00"),
      returnAt: at("2027-02-02", "10:00"),
    });
    expect(january).toMatchObject({ days: 2, extraHours: 0, total: 2 * 7_700 });
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
    expect(leap).toMatchObject({ days: 2, extraHours: 1, total: 2 * 7_700 + 1_280 });
    const newYear = quote({
      ...base,
      pickUpAt: at("2027-12-31", "20:00"),
      returnAt: at("2028-01-01", "09:00"),
    });
    // One day, and it starts in the New Year period.
    expect(newYear).toMatchObject({ days: 1, total: 7_700 + 1_540 });
  });

  it("charges at least one day, whatever the length under 24 hours", () => {
    const oneMinute = quote({
      ...base,
      pickUpAt: at("2027-06-01", "10:00"),
      returnAt: at("2027-06-01", "10:01"),
      options: [{ code: "child-seat", quantity: 1 }],
    });
    expect(oneMinute).toMatchObject({ days: 1, extraHours: 0, total: 7_700 + 1_100 });
  });

  it("adds the drop fee once, as the last line, between two cities of a region", () => {
    for (const [from, to] of [
      ["SPK", "CTS"],
      ["CTS", "SPK"],
    ] as const) {
      const oneWay = quote({
        ...base,
        pickUpLocation: from,
        returnLocation: to,
        options: [{ code: "etc-card", quantity: 1 }],
      });
      expect(oneWay.total).toBe(23_100 + 330 + 3_300);
      expect(oneWay.dropFee).toBe(3_300);
      expect(oneWay.total - oneWay.dropFee).toBe(23_100 + 330);
      expect(oneWay.lines.at(-1)).toEqual({
        name: { ja: "乗り捨て料金", en: "One-way drop fee" },
        unitAmount: 3_300,
        quantity: 1,
      });
      expect(oneWay.lines.filter((line) => line.unitAmount === 3_300)).toHaveLength(1);
    }
    expect(quote({ ...base, pickUpLocation: "OKA", returnLocation: "OKA" })).toMatchObject({
      total: 23_100,
      dropFee: 0,
    });
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

describe("quote: 24-hour days with an hourly extra", () => {
  const at = (date: string, time: string) => tokyoDateTime(date, time);
  const from10 = (date: string, time: string, carClass = "C") =>
    quote({ ...base, carClass, pickUpAt: at("2027-06-01", "10:00"), returnAt: at(date, time) });

  it("charges 10:00 to 10:00 the next day as one day", () => {
    expect(from10("2027-06-02", "10:00")).toMatchObject({ days: 1, extraHours: 0, total: 7_700 });
  });

  it("charges 10:00 to 10:01 the next day as one day and one extra hour", () => {
    const priced = from10("2027-06-02", "10:01");
    expect(priced).toMatchObject({ days: 1, extraHours: 1, total: 7_700 + 1_280 });
    expect(priced.lines).toEqual([
      {
        name: { ja: "コンパクト(ヤリス等)(1日分)", en: "Compact (Yaris or similar) (1 day)" },
        unitAmount: 7_700,
        quantity: 1,
      },
      {
        name: { ja: "追加時間料金(1時間分)", en: "Extra hours (1 hour)" },
        unitAmount: 1_280,
        quantity: 1,
      },
    ]);
  });

  it("charges each started hour until the hours would cost a day, then a day", () => {
    // ¥7,700 a day, ¥1,280 an hour: 6 hours (¥7,680) stay hours, the 7th makes a day.
    expect(from10("2027-06-02", "16:00")).toMatchObject({ days: 1, extraHours: 6, total: 15_380 });
    expect(from10("2027-06-02", "16:01")).toMatchObject({ days: 2, extraHours: 0, total: 15_400 });
    expect(from10("2027-06-05", "09:59")).toMatchObject({ days: 4, extraHours: 0, total: 30_800 });
    // Kei car, ¥5,500 a day, ¥920 an hour: 5 hours (¥4,600), but 6 (¥5,520) cost a day.
    expect(from10("2027-06-03", "15:00", "K")).toMatchObject({ days: 2, extraHours: 5 });
    expect(from10("2027-06-03", "15:00", "K").total).toBe(2 * 5_500 + 5 * 920);
    expect(from10("2027-06-03", "15:01", "K")).toMatchObject({ days: 3, extraHours: 0 });
  });

  it("charges per-day options, 24-hour rates, for every started 24 hours", () => {
    const priced = quote({
      ...base,
      pickUpAt: at("2027-06-01", "10:00"),
      returnAt: at("2027-06-02", "11:00"),
      options: [{ code: "cdw", quantity: 1 }],
    });
    expect(priced.lines.map((line) => [line.name.en, line.unitAmount, line.quantity])).toEqual([
      ["Compact (Yaris or similar) (1 day)", 7_700, 1],
      ["Extra hours (1 hour)", 1_280, 1],
      ["Collision damage waiver (2 days)", 1_650, 2],
    ]);
  });
});

describe("quote: peak seasons", () => {
  const at = (date: string, time: string) => tokyoDateTime(date, time);
  const rental = (from: string, to: string, carClass = "C") =>
    quote({ ...base, carClass, pickUpAt: at(from, "10:00"), returnAt: at(to, "10:00") });
  const surcharge = (priced: ReturnType<typeof quote>) =>
    priced.lines.filter((line) => line.name.en.startsWith("Peak season"));

  it("adds 20% of the daily rate for each day starting in a period, as its own named line", () => {
    const newYear = rental("2027-12-30", "2028-01-02");
    expect(newYear.total).toBe(3 * 7_700 + 3 * 1_540);
    expect(surcharge(newYear)).toEqual([
      {
        name: {
          ja: "繁忙期加算(年末年始・3日分)",
          en: "Peak season surcharge (New Year, 3 days)",
        },
        unitAmount: 1_540,
        quantity: 3,
      },
    ]);
    expect(surcharge(rental("2028-05-03", "2028-05-04", "W"))).toEqual([
      {
        name: {
          ja: "繁忙期加算(ゴールデンウィーク・1日分)",
          en: "Peak season surcharge (Golden Week, 1 day)",
        },
        unitAmount: 3_080,
        quantity: 1,
      },
    ]);
  });

  it("starts and ends each period on its dates (12/27 vs 12/28, 1/3 vs 1/4, GW, Obon)", () => {
    const days = (from: string, to: string) =>
      surcharge(rental(from, to)).map((line) => line.quantity);
    expect(days("2027-12-27", "2027-12-28")).toEqual([]);
    expect(days("2027-12-28", "2027-12-29")).toEqual([1]);
    expect(days("2027-12-26", "2027-12-29")).toEqual([1]);
    expect(days("2028-01-03", "2028-01-04")).toEqual([1]);
    expect(days("2028-01-04", "2028-01-05")).toEqual([]);
    expect(days("2028-01-02", "2028-01-06")).toEqual([2]);
    expect(days("2027-04-28", "2027-04-29")).toEqual([]);
    expect(days("2027-04-28", "2027-05-08")).toEqual([7]);
    expect(days("2027-08-10", "2027-08-18")).toEqual([6]);
    expect(days("2027-08-16", "2027-08-17")).toEqual([1]);
    expect(days("2027-08-17", "2027-08-18")).toEqual([]);
  });

  it("never surcharges the extra hours", () => {
    const priced = quote({
      ...base,
      pickUpAt: at("2027-12-27", "10:00"),
      returnAt: at("2027-12-28", "13:00"),
    });
    expect(priced).toMatchObject({ days: 1, extraHours: 3, total: 7_700 + 3 * 1_280 });
  });
});

describe("quote: drop fees by city", () => {
  it("charges nothing for a return elsewhere in the same city", () => {
    for (const [from, to] of [
      ["HND", "SGW"],
      ["SGW", "HND"],
      ["OKA", "NHC"],
      ["NHC", "OKA"],
      ["FUK", "HKT"],
      ["HKT", "FUK"],
    ] as const) {
      const priced = quote({ ...base, pickUpLocation: from, returnLocation: to });
      expect({ from, to, total: priced.total, dropFee: priced.dropFee }).toEqual({
        from,
        to,
        total: 23_100,
        dropFee: 0,
      });
      expect(priced.lines.map((line) => line.name.en)).not.toContain("One-way drop fee");
    }
  });

  it("has a fee for every pair of cities within a region, and none across regions", () => {
    for (const a of LOCATIONS) {
      for (const b of LOCATIONS) {
        const fee = dropFeeBetween(a.city, b.city);
        expect({ a: a.code, b: b.code, offered: fee !== undefined }).toEqual({
          a: a.code,
          b: b.code,
          offered: a.region === b.region,
        });
      }
    }
  });
});

describe("quote: line names", () => {
  it("reads naturally in both languages: no middle dot in Japanese, no Japanese in English", () => {
    const priced = quote({
      ...base,
      pickUpLocation: "CTS",
      returnLocation: "SPK",
      pickUpAt: tokyoDateTime("2027-12-27", "10:00"),
      returnAt: tokyoDateTime("2027-12-30", "12:00"),
      options: [
        { code: "child-seat", quantity: 2 },
        { code: "cdw", quantity: 1 },
        { code: "etc-card", quantity: 1 },
      ],
    });
    expect(priced.lines.map((line) => line.name.ja)).toEqual([
      "コンパクト(ヤリス等)(3日分)",
      "追加時間料金(2時間分)",
      "繁忙期加算(年末年始・2日分)",
      "チャイルドシート(4日分)",
      "免責補償(4日分)",
      "ETCカード",
      "乗り捨て料金",
    ]);
    for (const line of priced.lines) {
      expect(line.name.ja).not.toContain("·");
      expect(line.name.en).toMatch(/^[\x20-\x7e]+$/);
    }
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
        // 25 hours from a New Year day: 1 day (surcharged) + 1 hour.
        yearEnd: quote(choice(["2026-12-31", "23:30"], ["2027-01-02", "00:30"])).total,
        // Peak-season edges, read on the Japan-time date of each day's start.
        lastOrdinary: quote(choice(["2027-12-27", "23:30"], ["2027-12-28", "23:30"])).total,
        firstPeak: quote(choice(["2027-12-28", "00:30"], ["2027-12-29", "00:30"])).total,
        lastPeak: quote(choice(["2028-01-03", "23:30"], ["2028-01-04", "23:30"])).total,
        firstOrdinary: quote(choice(["2028-01-04", "00:30"], ["2028-01-05", "00:30"])).total,
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
      yearEnd: 7_700 + 1_280 + 1_540,
      lastOrdinary: 7_700,
      firstPeak: 7_700 + 1_540,
      lastPeak: 7_700 + 1_540,
      firstOrdinary: 7_700,
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
