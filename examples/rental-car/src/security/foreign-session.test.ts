/**
 * @module
 * Booking links cannot be borrowed: a return or booking link carrying another booking's session
 * id or token, or a wrong token, answers 404, reveals neither booking and changes no payment.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { HttpShopper } from "@linkpay/rental-car-http-client";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import {
  type BookingFixture,
  bookTargets,
  HTML,
  sandboxOf,
  storedBooking,
} from "./attack-fixtures";

describe("return and booking links", () => {
  let app: TestApp;
  let a: BookingFixture;
  let b: BookingFixture;

  beforeAll(async () => {
    app = await startTestApp();
    ({ a, b } = await bookTargets(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  async function statuses() {
    return {
      a: (await storedBooking(app, a.reference))?.status,
      b: (await storedBooking(app, b.reference))?.status,
      attemptA: (await app.payments.getStatus({ orderRef: a.reference }))?.status,
      attemptB: (await app.payments.getStatus({ orderRef: b.reference }))?.status,
      sessions: sandboxOf(app)
        .sessions()
        .filter((session) => session.id === a.sessionId || session.id === b.sessionId)
        .map((session) => `${session.id}:${session.status}:${session.paymentStatus}`)
        .sort(),
    };
  }

  it("a return or booking link with the other booking's session id or token, or a wrong token, reveals nothing and changes nothing", async () => {
    const before = await statuses();
    expect(before).toMatchObject({ a: "awaiting_payment", b: "awaiting_payment" });
    const shopper = new HttpShopper(app.url);
    const forged = "cs_test_forged0000000000000000";
    const wrongLinks: [string, BookingFixture][] = [
      [`/bookings/${a.reference}/return?t=${a.token}&session_id=${b.sessionId}`, b],
      [`/bookings/${b.reference}/return?t=${b.token}&session_id=${a.sessionId}`, a],
      [`/bookings/${a.reference}/return?t=${b.token}&session_id=${b.sessionId}`, b],
      [`/bookings/${a.reference}/return?t=${b.token}`, b],
      [`/bookings/${b.reference}/return?t=${a.token}&session_id=${a.sessionId}`, a],
      [`/bookings/${a.reference}/return?t=${a.token}&session_id=${forged}`, b],
      [`/bookings/${a.reference}/return?t=${a.token}&session_id=`, b],
      [
        `/bookings/${a.reference}/return?t=${a.token}&session_id=${a.sessionId}&session_id=${b.sessionId}`,
        b,
      ],
      [`/bookings/${a.reference}/return?session_id=${a.sessionId}`, b],
      [`/bookings/${a.reference}/return?t=&session_id=${a.sessionId}`, b],
      [`/bookings/${a.reference}/return?t=${a.token.slice(0, -1)}`, b],
      [`/bookings/${a.reference}/return?t=${a.token}&t=${a.token}`, b],
      [`/bookings/${a.reference}?t=${b.token}`, b],
      [`/bookings/${a.reference}?t=${a.token.toUpperCase()}`, b],
      [`/bookings/${a.reference}`, b],
      [`/bookings/${b.reference}?t=${a.token}`, a],
    ];
    for (const [url, other] of wrongLinks) {
      const answer = await shopper.get(`${url}${url.includes("?") ? "&" : "?"}lang=en`, HTML);
      expect({ url, status: answer.status }).toEqual({ url, status: 404 });
      expect(answer.html).toContain(TEXTS.en.pageNotFound);
      for (const secret of [other.reference, other.name, other.email]) {
        expect({ url, leaks: answer.html.includes(secret) }).toEqual({ url, leaks: false });
      }
      expect(answer.html).not.toContain(a.name);
      expect(answer.html).not.toContain(b.name);
    }

    // The right link (even with the right session id, typed by hand) shows "not paid yet".
    const own = await shopper.get(
      `/bookings/${a.reference}/return?t=${a.token}&session_id=${a.sessionId}&lang=en`,
      HTML,
    );
    expect(own.status).toBe(200);
    expect(own.html).toContain(a.reference);
    expect(own.html).not.toContain(b.reference);
    expect(own.html).not.toContain(TEXTS.en.confirmedTitle);
    expect(await statuses()).toEqual(before);
  });
});
