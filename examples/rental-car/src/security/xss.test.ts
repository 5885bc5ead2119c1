/**
 * @module
 * XSS is stopped: a script payload in any query parameter, path segment or form field comes back
 * escaped and inert, on a page whose CSP (a fresh nonce per response) would block it anyway, and
 * a script typed as the shopper's name is stored as typed and shown as text.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { startTestApp, type TestApp } from "../test-support/test-app";
import {
  attackUrls,
  BOOKING_FIELDS,
  type BookingFixture,
  bookingForm,
  bookTargets,
  HTML,
  makeBooking,
  storedBooking,
  XSS,
} from "./attack-fixtures";
import { displayedName, pageProblems } from "./html-checks";

describe("XSS", () => {
  let app: TestApp;
  let a: BookingFixture;

  beforeAll(async () => {
    app = await startTestApp();
    ({ a } = await bookTargets(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  it("renders every payload in every query parameter and path segment inert, under a strict CSP", async () => {
    const shopper = new HttpShopper(app.url);
    const failures: string[] = [];
    let pages = 0;
    for (const payload of XSS) {
      for (const url of attackUrls(a, payload)) {
        const answer = await shopper.get(url, HTML);
        pages += 1;
        for (const problem of pageProblems(answer, payload))
          failures.push(`GET ${url}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect(pages).toBeGreaterThan(200);
  }, 60_000);

  it("refuses payloads in the validated booking fields with an inert 400 page", async () => {
    const shopper = new HttpShopper(app.url);
    const failures: string[] = [];
    for (const payload of XSS) {
      for (const field of BOOKING_FIELDS.filter((name) => name !== "name" && name !== "extra")) {
        const form = await bookingForm(shopper);
        const answer = await shopper.post("/book/confirm", { ...form, [field]: payload }, HTML);
        if (answer.status !== 400) failures.push(`${field}=${payload}: status ${answer.status}`);
        for (const problem of pageProblems(answer, payload)) failures.push(`${field}: ${problem}`);
      }
      for (const url of [
        `/bookings/${encodeURIComponent(payload)}/pay?t=${a.token}`,
        `/bookings/${a.reference}/pay?t=${encodeURIComponent(payload)}`,
      ]) {
        const answer = await shopper.post(url, {}, HTML);
        if (answer.status !== 404) failures.push(`POST ${url}: status ${answer.status}`);
        for (const problem of pageProblems(answer, payload))
          failures.push(`POST ${url}: ${problem}`);
      }
      const lookup = await shopper.get("/my-booking", HTML);
      for (const field of ["reference", "email"]) {
        const answer = await shopper.post(
          "/my-booking",
          {
            ...formFields(lookup.html, "/my-booking"),
            reference: a.reference,
            email: a.email,
            [field]: payload,
          },
          HTML,
        );
        if (answer.status !== 200) failures.push(`my-booking ${field}: status ${answer.status}`);
        for (const problem of pageProblems(answer, payload)) {
          failures.push(`my-booking ${field}: ${problem}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it.each(XSS)(
    "stores the free-text name %j as typed and shows it escaped on the booking and return pages",
    async (payload) => {
      const booking = await makeBooking(app, { name: payload, email: "xss@example.com" });
      const stored = await storedBooking(app, booking.reference);
      expect(stored?.customer_name).toBe(payload);

      const page = await booking.shopper.get(
        `/bookings/${booking.reference}?t=${booking.token}&lang=en`,
        HTML,
      );
      expect(page.status).toBe(200);
      expect(pageProblems(page, payload)).toEqual([]);
      expect(displayedName(page.html)).toBe(payload);

      const returned = await booking.shopper.get(
        `/bookings/${booking.reference}/return?t=${booking.token}&session_id=${booking.sessionId}&lang=en`,
        HTML,
      );
      expect(returned.status).toBe(200);
      expect(pageProblems(returned, payload)).toEqual([]);
      expect(displayedName(returned.html)).toBe(payload);
    },
  );

  it("gives every response its own CSP nonce", async () => {
    const shopper = new HttpShopper(app.url);
    const nonces = new Set<string>();
    for (let index = 0; index < 5; index++) {
      const answer = await shopper.get("/", HTML);
      const nonce = /'nonce-([^']+)'/.exec(answer.headers.get("content-security-policy") ?? "");
      nonces.add(nonce?.[1] ?? "");
    }
    expect(nonces.size).toBe(5);
    expect(nonces.has("")).toBe(false);
  });
});
