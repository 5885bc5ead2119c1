/**
 * @module
 * The booking rules against an injected clock: each rule refused with its code and a message in
 * both languages that says what to change, and each boundary (lead time, horizon, opening hours)
 * accepted exactly on the line.
 */
import { describe, expect, it } from "@jest/globals";
import { LOCATIONS } from "../catalogue/catalogue";
import {
  assertBookable,
  HORIZON_DAYS,
  isWithinHours,
  LEAD_TIME_HOURS,
  pricingProblem,
} from "./booking-rules";
import { PRICING_ERROR_CODES, PricingError } from "./pricing-error";
import { quote, type RentalChoice } from "./quote";
import { tokyoDateTime } from "./rental-period";

const at = (date: string, time: string) => tokyoDateTime(date, time);

/** Sunday 6 December 2026, 09:00 in Japan. */
const NOW = at("2026-12-06", "09:00");

const base: RentalChoice = {
  pickUpLocation: "CTS",
  returnLocation: "CTS",
  pickUpAt: at("2026-12-10", "10:00"),
  returnAt: at("2026-12-12", "10:00"),
  carClass: "C",
  options: [],
};

/** The refusal of `run`, or undefined when it passes. */
function refusal(run: () => unknown): PricingError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
  return undefined;
}

function refused(choice: Partial<RentalChoice>, now = NOW) {
  const error = refusal(() => assertBookable({ ...base, ...choice }, now));
  return (
    error && { code: error.code, ja: pricingProblem(error, "ja"), en: pricingProblem(error, "en") }
  );
}

describe("assertBookable", () => {
  it("accepts an ordinary rental", () => {
    expect(refused({})).toBeUndefined();
    expect(LEAD_TIME_HOURS).toBe(3);
    expect(HORIZON_DAYS).toBe(180);
  });

  it("refuses a pick-up in the past, saying how far ahead to choose", () => {
    expect(refused({ pickUpAt: at("2026-12-05", "10:00") })).toEqual({
      code: "PICK_UP_IN_PAST",
      ja: "貸出日時がすでに過ぎています。貸出日時は現在から3時間以降をお選びください。",
      en: "That pick-up time has already passed. Please choose a pick-up at least 3 hours from now.",
    });
    expect(refused({ pickUpAt: at("2026-12-06", "08:59") })?.code).toBe("PICK_UP_IN_PAST");
  });

  it("refuses a pick-up sooner than the lead time and takes one exactly on it", () => {
    expect(refused({ pickUpAt: at("2026-12-06", "11:59") })).toEqual({
      code: "PICK_UP_TOO_SOON",
      ja: "貸出日時は現在から3時間以降をお選びください。",
      en: "Please choose a pick-up at least 3 hours from now.",
    });
    expect(refused({ pickUpAt: at("2026-12-06", "09:00") })?.code).toBe("PICK_UP_TOO_SOON");
    expect(refused({ pickUpAt: at("2026-12-06", "12:00") })).toBeUndefined();
    // To the millisecond: the boundary is now + 3 hours, not a rounded minute.
    const justBefore = new Date(at("2026-12-06", "12:00").getTime() - 1);
    expect(
      refused({ pickUpAt: at("2026-12-06", "12:00") }, new Date(NOW.getTime() + 1))?.code,
    ).toBe("PICK_UP_TOO_SOON");
    expect(refused({ pickUpAt: justBefore })?.code).toBe("PICK_UP_TOO_SOON");
  });

  it("refuses a pick-up beyond the horizon (year 9999 included), naming the last date", () => {
    const farAway = {
      code: "PICK_UP_TOO_FAR",
      ja: "ご予約は180日先(2027年6月4日)までの貸出分を承っています。貸出日を早めてください。",
      en: "We take bookings for pick-ups up to 180 days ahead (until June 4, 2027). Please choose an earlier pick-up date.",
    };
    expect(
      refused({ pickUpAt: at("9999-12-30", "10:00"), returnAt: at("9999-12-31", "10:00") }),
    ).toEqual(farAway);
    expect(
      refused({ pickUpAt: at("2027-06-05", "08:00"), returnAt: at("2027-06-06", "10:00") }),
    ).toEqual(farAway);
    expect(
      refused({ pickUpAt: at("2027-06-04", "21:59"), returnAt: at("2027-06-06", "10:00") }),
    ).toBeUndefined();
  });

  it("counts the horizon in Japan-time days, whatever the clock's UTC date", () => {
    // 2026-12-06 20:00 UTC is already 7 December 05:00 in Japan: the last day moves to 5 June.
    const lateUtc = new Date("2026-12-06T20:00:00Z");
    const choice = { pickUpAt: at("2027-06-05", "10:00"), returnAt: at("2027-06-06", "10:00") };
    expect(refused(choice, lateUtc)).toBeUndefined();
    expect(
      refused({ pickUpAt: at("2027-06-06", "10:00"), returnAt: at("2027-06-07", "10:00") }, lateUtc)
        ?.en,
    ).toContain("until June 5, 2027");
  });

  it("refuses a pick-up outside the pick-up shop's hours (a 03:00 pick-up), and takes the edges", () => {
    expect(refused({ pickUpAt: at("2026-12-10", "03:00") })).toEqual({
      code: "PICK_UP_OUTSIDE_HOURS",
      ja: "新千歳空港の営業時間は7:00〜22:00です。貸出時刻を営業時間内でお選びください。",
      en: "New Chitose Airport is open 7:00–22:00. Please choose a pick-up time within these hours.",
    });
    expect(refused({ pickUpAt: at("2026-12-10", "06:59") })?.code).toBe("PICK_UP_OUTSIDE_HOURS");
    expect(refused({ pickUpAt: at("2026-12-10", "22:01") })?.code).toBe("PICK_UP_OUTSIDE_HOURS");
    expect(refused({ pickUpAt: at("2026-12-10", "07:00") })).toBeUndefined();
    expect(refused({ pickUpAt: at("2026-12-10", "22:00") })).toBeUndefined();
    // Station shops keep shorter hours than airports.
    expect(
      refused({ pickUpLocation: "SPK", returnLocation: "SPK", pickUpAt: at("2026-12-10", "07:30") })
        ?.ja,
    ).toBe("札幌駅前の営業時間は8:00〜20:00です。貸出時刻を営業時間内でお選びください。");
  });

  it("refuses a return outside the return shop's hours, not the pick-up shop's", () => {
    const lateReturn = { pickUpLocation: "CTS", returnLocation: "SPK" };
    expect(refused({ ...lateReturn, returnAt: at("2026-12-12", "21:00") })).toEqual({
      code: "RETURN_OUTSIDE_HOURS",
      ja: "札幌駅前の営業時間は8:00〜20:00です。返却時刻を営業時間内でお選びください。",
      en: "Sapporo Station is open 8:00–20:00. Please choose a return time within these hours.",
    });
    expect(refused({ ...lateReturn, returnAt: at("2026-12-12", "20:00") })).toBeUndefined();
    // 21:00 is within New Chitose Airport's own hours.
    expect(refused({ returnAt: at("2026-12-12", "21:00") })).toBeUndefined();
  });

  it("refuses a return not after the pick-up, and a rental over 30 days", () => {
    expect(refused({ returnAt: base.pickUpAt })).toEqual({
      code: "RETURN_BEFORE_PICK_UP",
      ja: "返却日時は貸出日時より後の日時をお選びください。",
      en: "Please choose a return date and time after the pick-up.",
    });
    expect(refused({ returnAt: at("2026-12-09", "10:00") })?.code).toBe("RETURN_BEFORE_PICK_UP");
    expect(refused({ returnAt: at("2027-01-09", "10:00") })).toBeUndefined();
    expect(refused({ returnAt: at("2027-01-09", "10:01") })).toEqual({
      code: "RENTAL_TOO_LONG",
      ja: "オンラインでのご予約は最長30日間です。返却日を早めてください。",
      en: "Online bookings are for 30 days at most. Please choose an earlier return date.",
    });
  });

  it("refuses a shop that does not exist", () => {
    expect(refused({ returnLocation: "XXX" })).toEqual({
      code: "UNKNOWN_LOCATION",
      ja: "お選びの店舗が見つかりません。一覧から店舗をお選びください。",
      en: "We do not know that shop. Please choose one from the list.",
    });
  });
});

describe("opening hours", () => {
  it("reads the time of day in Japan", () => {
    const hours = { opens: "07:00", closes: "22:00" };
    // 22:30 UTC is 07:30 the next morning in Japan.
    expect(isWithinHours(new Date("2026-12-09T22:30:00Z"), hours)).toBe(true);
    expect(isWithinHours(new Date("2026-12-09T14:00:00Z"), hours)).toBe(false);
  });

  it("gives every shop plausible hours, a phone number and an address in both languages", () => {
    for (const location of LOCATIONS) {
      expect(location.hours.opens).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(location.hours.closes).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(location.hours.opens < location.hours.closes).toBe(true);
      expect(location.phone).toMatch(/^0\d{1,4}-0\d{1,3}-\d{4}$/);
      for (const text of [location.address, location.access, location.cityName]) {
        expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en).toMatch(/^[\x20-\x7e–]+$/);
      }
    }
  });
});

describe("pricingProblem", () => {
  it("has a Japanese and an English sentence for every code, even without details", () => {
    for (const code of PRICING_ERROR_CODES) {
      const error = new PricingError(code, "internal text");
      const ja = pricingProblem(error, "ja");
      const en = pricingProblem(error, "en");
      expect({ code, ja: /^[^A-Za-z]+。$/.test(ja.replace(/\d/g, "")) }).toEqual({
        code,
        ja: true,
      });
      expect({ code, en: /^[A-Z].*\.$/.test(en) }).toEqual({ code, en: true });
      expect(en).not.toContain("internal text");
    }
  });

  it("names the option and its limit, and the shops and region of a refused one-way", () => {
    const tooMany = refusal(() =>
      quote({ ...base, options: [{ code: "child-seat", quantity: 4 }] }),
    );
    expect(tooMany?.code).toBe("TOO_MANY");
    expect(tooMany && pricingProblem(tooMany, "ja")).toBe(
      "チャイルドシートは1回のご予約につき3つまでお選びいただけます。",
    );
    expect(tooMany && pricingProblem(tooMany, "en")).toBe("Child seat: at most 3 per booking.");

    const oneWay = refusal(() => quote({ ...base, pickUpLocation: "HND", returnLocation: "CTS" }));
    expect(oneWay?.code).toBe("ONE_WAY_NOT_OFFERED");
    expect(oneWay && pricingProblem(oneWay, "ja")).toBe(
      "羽田空港で借りた車を新千歳空港で返却することはできません。乗り捨ては関東の店舗間に限ります。返却店舗を選び直してください。",
    );
    expect(oneWay && pricingProblem(oneWay, "en")).toBe(
      "A car picked up at Haneda Airport cannot be returned to New Chitose Airport: one-way rentals stay within Kanto. Please choose another return shop.",
    );
  });
});
