/**
 * @module
 * Shopper cancellation over HTTP against the whole app and its sandbox (SQLite and PostgreSQL), on a clock frozen
 * at the test's start: the cancel page's amounts, cancelling a paid booking under the policy (car
 * released, fee kept, the rest refunded once, confirmed by the sandbox's webhook), and the
 * refusals that change nothing (wrong token, forged or missing CSRF token, unpaid, too late).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { TEST_CARDS } from "@linkpay/sandbox";
import { describePostgres } from "@linkpay/store-sql/testing";
import { tokyoDate } from "../../pricing/rental-period";
import {
  type BookingFixture,
  HTML,
  makeBooking,
  raw,
  sandboxOf,
  storedBooking,
  tableCounts,
} from "../../security/attack-fixtures";
import { pollUntil } from "../../test-support/poll-until";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { formatYen } from "../format";
import { TEXTS } from "../i18n";

const EN = TEXTS.en;
const DAY_MS = 86_400_000;
const FORM = "application/x-www-form-urlencoded";

function cancelSuite(databaseUrl: () => string | undefined) {
  const started = new Date();
  /** The app's clock: frozen at the start; one test moves it past a pick-up and back. */
  const clock = { at: started };
  let app: TestApp;
  let bookings = 0;

  beforeAll(async () => {
    app = await startTestApp({ databaseUrl: databaseUrl(), now: () => clock.at });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A two-day rental picked up `daysAhead` days after the clock's day, 10:00 Japan time. */
  function searchIn(daysAhead: number): Record<string, string> {
    // Each booking at its own location: no class sells out, whatever the dates.
    const location =
      ["HND", "SGW", "CTS", "SPK", "OKA", "NHC", "FUK", "HKT"][bookings++ % 8] ?? "HND";
    const day = (offset: number) => tokyoDate(new Date(started.getTime() + offset * DAY_MS));
    return {
      pickUpLocation: location,
      returnLocation: location,
      pickUpDate: day(daysAhead),
      pickUpTime: "10:00",
      returnDate: day(daysAhead + 2),
      returnTime: "10:00",
    };
  }

  /** A booking picked up `daysAhead` days from now, paid with the sandbox's success card. */
  async function paidBooking(daysAhead: number): Promise<BookingFixture> {
    const customer = { name: "Hanako Suzuki", email: `cancel-${bookings}@example.com` };
    const booking = await makeBooking(app, customer, searchIn(daysAhead));
    const sandbox = sandboxOf(app);
    const paid = await new HttpShopper(sandbox.origin).post(
      `${sandbox.origin}/c/pay/${booking.sessionId}/card`,
      { number: TEST_CARDS.success, exp: "12 / 34", cvc: "123", name: customer.name },
    );
    expect(paid.status).toBe(303);
    await sandbox.whenDeliveriesSettled();
    expect((await storedBooking(app, booking.reference))?.status).toBe("confirmed");
    return booking;
  }

  const bookingPath = (booking: BookingFixture, token = booking.token) =>
    `/bookings/${booking.reference}?t=${token}`;
  const cancelPath = (booking: BookingFixture, token = booking.token) =>
    `/bookings/${booking.reference}/cancel?t=${token}`;

  async function heldDays(reference: string): Promise<string[]> {
    const rows = await app.db
      .selectFrom("rc_car_days")
      .innerJoin("rc_bookings", "rc_bookings.id", "rc_car_days.booking_id")
      .select("rc_car_days.day")
      .where("rc_bookings.reference", "=", reference)
      .execute();
    return rows.map((row) => row.day);
  }

  /** Everything a refused cancellation must leave as it was. */
  async function snapshot(booking: BookingFixture) {
    await sandboxOf(app).whenDeliveriesSettled();
    const { refunds } = await app.payments.history({ orderRef: booking.reference });
    return {
      booking: await storedBooking(app, booking.reference),
      days: await heldDays(booking.reference),
      refunds,
      tables: await tableCounts(app),
    };
  }

  it("shows the policy, the fee and the refund before the shopper confirms", async () => {
    const booking = await paidBooking(5);
    const { total } = (await storedBooking(app, booking.reference)) ?? { total: 0 };
    const fee = Math.floor(total * 0.2);

    const bookingPage = await booking.shopper.get(`${bookingPath(booking)}&lang=en`, HTML);
    expect(bookingPage.html).toContain(`href="${cancelPath(booking)}"`);
    expect(bookingPage.html).toContain(EN.cancelFreeUntil(7));
    expect(bookingPage.html).toContain('href="/cancellation-policy"');

    const page = await booking.shopper.get(cancelPath(booking), HTML);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.html).toContain(EN.cancelTiming(5));
    expect(page.html).toContain(
      `<th>${EN.cancelFee(20)}</th><td class="amount fee">${formatYen(fee, "en")}</td>`,
    );
    expect(page.html).toContain(
      `<th>${EN.refundAmount}</th><td class="amount total refund">${formatYen(total - fee, "en")}</td>`,
    );
    // The policy table, with the tier that applies now highlighted.
    expect(page.html).toContain(`<tr class="current"><td>${EN.policyTier(3, 6)}</td>`);
    expect(page.html).toContain('href="/cancellation-policy"');
    expect(formFields(page.html, cancelPath(booking))._csrf).toMatch(/\S/);
    // Looking changes nothing.
    expect((await storedBooking(app, booking.reference))?.status).toBe("confirmed");
  });

  it("cancels a paid booking 5 days ahead: car released, 20% kept, the rest refunded once", async () => {
    const booking = await paidBooking(5);
    const stored = await storedBooking(app, booking.reference);
    const total = stored?.total ?? 0;
    const fee = Math.floor(total * 0.2);
    const refund = total - fee;
    expect(fee).toBeGreaterThan(0);
    expect(await heldDays(booking.reference)).not.toEqual([]);

    const page = await booking.shopper.get(cancelPath(booking), HTML);
    const fields = formFields(page.html, cancelPath(booking));
    const cancelled = await booking.shopper.post(cancelPath(booking), fields, HTML);
    expect(cancelled.status).toBe(303);
    expect(cancelled.location).toBe(`${app.url}${bookingPath(booking)}`);

    expect((await storedBooking(app, booking.reference))?.status).toBe("cancelled");
    expect(await heldDays(booking.reference)).toEqual([]);
    const cancellations = await app.db
      .selectFrom("rc_cancellations")
      .selectAll()
      .where("booking_id", "=", stored?.id ?? "")
      .execute();
    expect(cancellations).toEqual([
      {
        booking_id: stored?.id,
        cancelled_at: started.toISOString(),
        cancelled_by: "shopper",
        days_before: 5,
        fee_percent: 20,
        fee,
        refund_amount: refund,
      },
    ]);

    // The sandbox's charge.refunded webhook is what moves the payment to partially refunded.
    const attempt = await pollUntil("the refund webhook", async () => {
      const latest = await app.payments.getStatus({ orderRef: booking.reference });
      return latest?.status === "partially_refunded"
        ? { done: true, value: latest }
        : { done: false, seen: String(latest?.status) };
    });
    expect(attempt.refundedAmount).toEqual({ amount: refund, currency: "JPY" });
    const session = () =>
      sandboxOf(app)
        .sessions()
        .find((s) => s.id === booking.sessionId);
    expect(session()?.amountRefunded).toBe(refund);
    const { refunds } = await app.payments.history({ orderRef: booking.reference });
    expect(refunds).toEqual([
      expect.objectContaining({
        idempotencyKey: `cancel-${booking.reference}`,
        amount: { amount: refund, currency: "JPY" },
        actor: "shopper",
        status: "succeeded",
      }),
    ]);

    // A second post (a double click, a reload) lands on the booking again and refunds nothing more.
    const again = await booking.shopper.post(cancelPath(booking), fields, HTML);
    expect(again.status).toBe(303);
    await sandboxOf(app).whenDeliveriesSettled();
    expect((await app.payments.history({ orderRef: booking.reference })).refunds).toHaveLength(1);
    expect(session()?.amountRefunded).toBe(refund);
    expect(await app.payments.getStatus({ orderRef: booking.reference })).toMatchObject({
      refundedAmount: { amount: refund },
    });

    const bookingPage = await booking.shopper.get(`${bookingPath(booking)}&lang=en`, HTML);
    expect(bookingPage.html).toContain(EN.statusText.cancelled);
    expect(bookingPage.html).toContain(formatYen(fee, "en"));
    expect(bookingPage.html).toContain(formatYen(refund, "en"));
    expect(bookingPage.html).toContain(EN.refundState.refunded);
    expect(bookingPage.html).not.toContain(cancelPath(booking));

    const cancelAgain = await booking.shopper.get(cancelPath(booking), HTML);
    expect(cancelAgain.status).toBe(409);
    expect(cancelAgain.html).toContain(EN.alreadyCancelled);
  });

  it("answers a wrong or missing token with the same 404 and changes nothing", async () => {
    const booking = await paidBooking(5);
    const other = await paidBooking(6);
    const page = await booking.shopper.get(cancelPath(booking), HTML);
    const fields = formFields(page.html, cancelPath(booking));
    const before = await snapshot(booking);
    const notFound = await booking.shopper.get("/bookings/RC-ZZZZ2222/cancel?lang=en", HTML);
    expect(notFound.status).toBe(404);

    for (const path of [
      `/bookings/${booking.reference}/cancel`,
      cancelPath(booking, "wrong"),
      cancelPath(booking, other.token),
      `${cancelPath(booking)}x`,
    ]) {
      const shown = await booking.shopper.get(path, HTML);
      const posted = await booking.shopper.post(path, fields, HTML);
      expect([shown.status, posted.status, posted.location]).toEqual([404, 404, null]);
      for (const answer of [notFound, shown, posted]) {
        expect(answer.html).toContain(EN.pageNotFound);
        expect(answer.html).not.toContain(booking.name);
      }
    }
    expect(await snapshot(booking)).toEqual(before);
  });

  it("refuses a post without the CSRF token, or from another site, with 403", async () => {
    const booking = await paidBooking(5);
    const page = await raw(app, "GET", cancelPath(booking), HTML);
    const cookie = (page.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
    const token = formFields(page.body, cancelPath(booking))._csrf ?? "";
    expect(cookie).toContain("csrf");
    const before = await snapshot(booking);

    const attacks: [string, Record<string, string>, string][] = [
      ["no token", { ...HTML, "content-type": FORM, cookie }, ""],
      [
        "another site's origin, even with a valid token",
        { ...HTML, "content-type": FORM, cookie, origin: "https://evil.example" },
        new URLSearchParams({ _csrf: token }).toString(),
      ],
      [
        "a cross-site fetch, even with a valid token",
        { ...HTML, "content-type": FORM, cookie, "sec-fetch-site": "cross-site" },
        new URLSearchParams({ _csrf: token }).toString(),
      ],
    ];
    for (const [label, headers, body] of attacks) {
      const answer = await raw(app, "POST", cancelPath(booking), headers, body);
      expect({ label, status: answer.status }).toEqual({ label, status: 403 });
    }
    expect(await snapshot(booking)).toEqual(before);

    // The same post with the token and no foreign origin goes through.
    const own = await raw(
      app,
      "POST",
      cancelPath(booking),
      { ...HTML, "content-type": FORM, cookie },
      new URLSearchParams({ _csrf: token }).toString(),
    );
    expect(own.status).toBe(303);
  });

  it("refuses to cancel an unpaid booking with 409 and changes nothing", async () => {
    const booking = await makeBooking(
      app,
      { name: "Ken Mori", email: "unpaid@example.com" },
      searchIn(5),
    );
    const before = await snapshot(booking);
    expect(before.booking?.status).toBe("awaiting_payment");

    const page = await booking.shopper.get(`${cancelPath(booking)}&lang=en`, HTML);
    expect(page.status).toBe(409);
    expect(page.html).toContain(EN.notPaidCannotCancel);
    expect(page.html).not.toContain('name="_csrf"');
    const posted = await booking.shopper.post(cancelPath(booking), {}, HTML);
    expect(posted.status).toBe(409);
    expect(posted.html).toContain(EN.notPaidCannotCancel);
    expect(await snapshot(booking)).toEqual(before);
  });

  it("refuses to cancel once the pick-up time has passed, and offers no cancel link", async () => {
    const booking = await paidBooking(5);
    const bookingPage = await booking.shopper.get(bookingPath(booking), HTML);
    expect(bookingPage.html).toContain(cancelPath(booking));
    clock.at = new Date(started.getTime() + 6 * DAY_MS);
    try {
      const before = await snapshot(booking);
      const page = await booking.shopper.get(`${cancelPath(booking)}&lang=en`, HTML);
      expect(page.status).toBe(409);
      expect(page.html).toContain(EN.tooLateToCancel);
      const posted = await booking.shopper.post(cancelPath(booking), {}, HTML);
      expect(posted.status).toBe(409);
      const after = await booking.shopper.get(bookingPath(booking), HTML);
      expect(after.html).not.toContain(cancelPath(booking));
      expect(await snapshot(booking)).toEqual(before);
    } finally {
      clock.at = started;
    }
  });

  it("publishes the policy in both languages", async () => {
    const shopper = new HttpShopper(app.url);
    const ja = await shopper.get("/cancellation-policy?lang=ja", HTML);
    expect(ja.status).toBe(200);
    for (const cell of [
      "貸出日の7日前まで",
      "無料",
      "6〜3日前",
      "20%",
      "2〜1日前",
      "30%",
      "当日",
      "50%",
    ]) {
      expect(ja.html).toContain(`>${cell}</td>`);
    }
    expect(ja.html).toContain(TEXTS.ja.tooLateToCancel);
    const en = await shopper.get("/cancellation-policy?lang=en", HTML);
    expect(en.html).toContain(`<h1>${EN.policyTitle}</h1>`);
    expect(en.html).toContain(`>${EN.policyTier(7, undefined)}</td>`);
  });
}

describe("shopper cancellation over HTTP (SQLite)", () => {
  cancelSuite(() => undefined);
});

describePostgres("shopper cancellation over HTTP (PostgreSQL)", (database) => {
  cancelSuite(() => database.url);
});

describe("shopper cancellation rate limit", () => {
  it("stops answering cancel posts after the limit (429), before any change", async () => {
    const high = { limit: 10_000 };
    const app = await startTestApp({
      rateLimits: {
        checkout: high,
        confirm: high,
        return: high,
        lookup: high,
        cancel: { limit: 2 },
      },
    });
    try {
      const booking = await makeBooking(app);
      const path = `/bookings/${booking.reference}/cancel?t=${booking.token}`;
      const statuses: number[] = [];
      for (let post = 0; post < 3; post++) {
        statuses.push((await booking.shopper.post(path, {}, HTML)).status);
      }
      expect(statuses).toEqual([409, 409, 429]);
      expect(app.logs.some((line) => line.includes('"limiter":"cancel"'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
