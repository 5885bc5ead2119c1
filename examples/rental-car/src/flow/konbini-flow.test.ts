/**
 * @module
 * Konbini over HTTP against the real app and its sandbox: which methods the checkout offers (card
 * only when pick-up is too near or the amount too high for konbini), and a konbini booking whose
 * slip number and deadline show on the shop's booking page, reached from the slip e-mail after
 * the shopper left the provider's page.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import { addDays, tokyoDate } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { formatSlipDeadline } from "../web/views/konbini-slip";

interface Trip {
  readonly pickUpDate: string;
  readonly returnDate: string;
  readonly carClass: string;
}

describe("konbini per booking (SQLite)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Books `trip` in Japanese up to the 303 to the hosted page; returns the sandbox session. */
  async function bookToCheckout(trip: Trip, email: string) {
    const search = {
      pickUpLocation: "HND",
      returnLocation: "HND",
      pickUpDate: trip.pickUpDate,
      pickUpTime: "10:00",
      returnDate: trip.returnDate,
      returnTime: "09:00",
    };
    const shopper = new HttpShopper(app.url);
    const form = await shopper.get(
      `/book?${new URLSearchParams({ ...search, carClass: trip.carClass, lang: "ja" })}`,
    );
    expect(form.status).toBe(200);
    const booked = await submitBooking(shopper, {
      ...formFields(form.html, "/book/confirm"),
      name: "鈴木 花子",
      kana: "スズキ ハナコ",
      email,
      phone: "090-1234-5678",
    });
    expect(booked.status).toBe(303);
    const hosted = booked.location ?? "";
    expect(new URL(hosted).origin).toBe(app.sandbox?.origin);
    const sessionId = hosted.split("/").at(-1) ?? "";
    const session = app.sandbox?.sessions().find((candidate) => candidate.id === sessionId);
    if (session === undefined) throw new Error(`the sandbox has no session ${sessionId}`);
    return { hosted, session };
  }

  it("offers card only when the pick-up is tomorrow: the slip could not be paid in time", async () => {
    const tomorrow = addDays(tokyoDate(new Date()), 1);
    const trip = { pickUpDate: tomorrow, returnDate: addDays(tomorrow, 1), carClass: "K" };
    const { session } = await bookToCheckout(trip, "near@example.com");
    expect(session.paymentMethodTypes).toEqual(["card"]);
    expect(session.konbiniExpiresAfterDays).toBeNull();
  });

  it("offers card only above konbini's ¥300,000", async () => {
    const pickUpDate = offPeakDate(new Date(), 30, 23);
    const trip = { pickUpDate, returnDate: addDays(pickUpDate, 22), carClass: "W" };
    const { session } = await bookToCheckout(trip, "large@example.com");
    expect(session.amountTotal).toBeGreaterThan(300_000);
    expect(session.paymentMethodTypes).toEqual(["card"]);
  });

  it("shows the slip number and deadline on the booking page after the shopper left the PSP page", async () => {
    const pickUpDate = offPeakDate(new Date(), 20);
    const trip = { pickUpDate, returnDate: addDays(pickUpDate, 2), carClass: "C" };
    const { hosted, session } = await bookToCheckout(trip, "konbini@example.com");
    expect(session.paymentMethodTypes).toEqual(["card", "konbini"]);
    expect(session.konbiniExpiresAfterDays).toBe(3);

    // The shopper asks for a slip on the provider's page, then closes it.
    const issued = await new HttpShopper(app.sandbox?.origin ?? "").post(`${hosted}/konbini`, {});
    expect(issued.status).toBe(303);
    await app.sandbox?.whenDeliveriesSettled();
    const slip = app.sandbox?.sessions().find((candidate) => candidate.id === session.id)?.konbini;
    if (slip === undefined || slip === null) throw new Error("the sandbox issued no slip");

    // What the shopper still has: the slip e-mail, with the booking link.
    const mail = await pollUntil("the konbini slip e-mail", async () => {
      const found = await app.db
        .selectFrom("rc_outbox")
        .selectAll()
        .where("recipient", "=", "konbini@example.com")
        .where("kind", "=", "konbini_slip")
        .executeTakeFirst();
      return found === undefined ? { done: false, seen: "no mail" } : { done: true, value: found };
    });
    const deadline = formatSlipDeadline(new Date(slip.expiresAt), "ja");
    expect(deadline).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 23:59$/);
    expect(mail.subject).toContain(`${deadline}までにコンビニでお支払いください`);
    expect(mail.body).toContain(slip.confirmationNumber);
    const link = /https?:\/\/\S+\/bookings\/RC-\S+/.exec(mail.body)?.[0] ?? "";
    expect(link.startsWith(app.url)).toBe(true);

    const page = await new HttpShopper(app.url).get(link.slice(app.url.length));
    expect(page.status).toBe(200);
    expect(page.html).toContain(`${deadline}までにコンビニでお支払いください`);
    expect(page.html).toContain(slip.confirmationNumber);
    expect(page.html).toContain("ローソン");

    const booking = await app.db
      .selectFrom("rc_bookings")
      .select(["status", "car_id"])
      .where("customer_email", "=", "konbini@example.com")
      .executeTakeFirstOrThrow();
    expect(booking.status).toBe("awaiting_payment");
    expect(booking.car_id).not.toBeNull();
  });
});
