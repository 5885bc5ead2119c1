/**
 * @module
 * No booking for an impossible date or time, over HTTP against the whole app: a pick-up in the
 * past, in year 9999 or at 03:00 is refused on `/search` with a message saying what to change, in
 * both languages; posted straight to the booking form's target, it makes no draft and no booking;
 * and a draft whose pick-up has come too close by the time the shopper pays is refused at
 * `POST /bookings` with nothing booked and no payment session.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { sql } from "@linkpay/store-sql";
import { addDays, tokyoDate } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { bookingCount, HTML, sandboxOf } from "./attack-fixtures";

const HOUR_MS = 3_600_000;

describe("impossible dates and times are refused", () => {
  let app: TestApp;
  const started = new Date();
  const clock = { at: started };
  const today = tokyoDate(started);
  const next = offPeakDate(started, 10);

  beforeAll(async () => {
    app = await startTestApp({ now: () => clock.at });
  });
  afterAll(async () => {
    await app?.close();
  });

  function search(pickUp: [string, string], returned: [string, string], location = "CTS") {
    return {
      pickUpLocation: location,
      returnLocation: location,
      pickUpDate: pickUp[0],
      pickUpTime: pickUp[1],
      returnDate: returned[0],
      returnTime: returned[1],
    };
  }

  const past = search([addDays(today, -1), "10:00"], [addDays(today, 1), "10:00"]);
  const year9999 = search(["9999-12-30", "10:00"], ["9999-12-31", "10:00"]);
  const atThree = search([next, "03:00"], [addDays(next, 2), "10:00"]);

  async function searchPage(query: Record<string, string>, lang: "ja" | "en") {
    const shopper = new HttpShopper(app.url);
    return shopper.get(`/search?${new URLSearchParams({ ...query, lang })}`, HTML);
  }

  async function draftCount(): Promise<number> {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from rc_booking_drafts`.execute(app.db);
    return Number(rows[0]?.n);
  }

  it("refuses a pick-up in the past on /search, saying what to change", async () => {
    const ja = await searchPage(past, "ja");
    expect(ja.status).toBe(400);
    expect(ja.html).toContain(
      "貸出日時がすでに過ぎています。貸出日時は現在から3時間以降をお選びください。",
    );
    // No class offered for booking.
    expect(ja.html).not.toContain('href="/book?');
    const en = await searchPage(past, "en");
    expect(en.status).toBe(400);
    expect(en.html).toContain(
      "That pick-up time has already passed. Please choose a pick-up at least 3 hours from now.",
    );
  });

  it("refuses a 03:00 pick-up on /search with the shop's opening hours", async () => {
    const ja = await searchPage(atThree, "ja");
    expect(ja.status).toBe(400);
    expect(ja.html).toContain(
      "新千歳空港の営業時間は7:00〜22:00です。貸出時刻を営業時間内でお選びください。",
    );
    const en = await searchPage(atThree, "en");
    expect(en.status).toBe(400);
    expect(en.html).toContain(
      "New Chitose Airport is open 7:00–22:00. Please choose a pick-up time within these hours.",
    );
  });

  it("refuses a pick-up in year 9999 on /search, naming the last date taken", async () => {
    const en = await searchPage(year9999, "en");
    expect(en.status).toBe(400);
    expect(en.html).toContain("We take bookings for pick-ups up to 180 days ahead (until ");
  });

  it("shows the cars for a possible search (the refusals above are the rules, not a broken page)", async () => {
    const ok = await searchPage(search([next, "10:00"], [addDays(next, 2), "10:00"]), "en");
    expect(ok.status).toBe(200);
    expect(ok.html).toContain('href="/book?');
  });

  it("makes no draft and no booking when impossible dates are posted to the booking form", async () => {
    const shopper = new HttpShopper(app.url);
    const valid = search([next, "10:00"], [addDays(next, 2), "10:00"]);
    const page = await shopper.get(
      `/book?${new URLSearchParams({ ...valid, carClass: "C", lang: "en" })}`,
      HTML,
    );
    expect(page.status).toBe(200);
    const fields = {
      ...formFields(page.html, "/book/confirm"),
      name: "Taro Yamada",
      kana: "ヤマダ タロウ",
      email: "taro@example.com",
      phone: "090-1111-2222",
    };
    const [drafts, bookings, sessions] = [
      await draftCount(),
      await bookingCount(app),
      sandboxOf(app).sessions().length,
    ];
    for (const [impossible, message] of [
      [past, "That pick-up time has already passed."],
      [year9999, "We take bookings for pick-ups up to 180 days ahead"],
      [atThree, "New Chitose Airport is open 7:00–22:00."],
    ] as const) {
      const posted = await shopper.post("/book/confirm", { ...fields, ...impossible }, HTML);
      expect({ status: posted.status, shown: posted.html.includes(message) }).toEqual({
        status: 400,
        shown: true,
      });
    }
    expect(await draftCount()).toBe(drafts);
    expect(await bookingCount(app)).toBe(bookings);
    expect(sandboxOf(app).sessions()).toHaveLength(sessions);
  });

  it("refuses to book a confirmed draft once its pick-up is closer than the lead time", async () => {
    // The shopper confirms 3½ hours before the pick-up and pays 45 minutes later, within the
    // draft's hour but 2¾ hours before the pick-up.
    const pickUp = Date.parse(`${next}T10:00:00+09:00`);
    clock.at = new Date(pickUp - 3.5 * HOUR_MS);
    try {
      const shopper = new HttpShopper(app.url);
      const valid = search([next, "10:00"], [addDays(next, 2), "10:00"], "HND");
      const page = await shopper.get(
        `/book?${new URLSearchParams({ ...valid, carClass: "C", lang: "ja" })}`,
        HTML,
      );
      expect(page.status).toBe(200);
      const confirmed = await shopper.post(
        "/book/confirm",
        {
          ...formFields(page.html, "/book/confirm"),
          name: "山田 太郎",
          kana: "ヤマダ タロウ",
          email: "taro@example.com",
          phone: "090-1111-2222",
        },
        HTML,
      );
      expect(confirmed.status).toBe(303);
      const confirmPage = await shopper.get(confirmed.location ?? "", HTML);
      expect(confirmPage.status).toBe(200);
      const payFields = { ...formFields(confirmPage.html, "/bookings"), accept: "yes" };
      const [bookings, sessions] = [await bookingCount(app), sandboxOf(app).sessions().length];

      clock.at = new Date(clock.at.getTime() + 0.75 * HOUR_MS);
      const paid = await shopper.post("/bookings", payFields, HTML);
      expect(paid.status).toBe(400);
      expect(paid.html).toContain("貸出日時は現在から3時間以降をお選びください。");
      expect(await bookingCount(app)).toBe(bookings);
      expect(sandboxOf(app).sessions()).toHaveLength(sessions);
    } finally {
      clock.at = started;
    }
  });
});
