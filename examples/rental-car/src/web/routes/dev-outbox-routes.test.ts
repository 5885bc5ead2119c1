/**
 * @module
 * The demo's outbox page over HTTP: after a paid booking its confirmation e-mail is listed and
 * readable at /_dev/outbox (newest first, not sent), the demo banner links there, and the page is
 * a 404 once SMTP_URL is set or in production.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { HttpShopper } from "@linkpay/rental-car-http-client";
import express from "express";
import request from "supertest";
import { addDays } from "../../pricing/rental-period";
import { paidBooking } from "../../test-support/console-staff";
import { offPeakDate } from "../../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { DEV_OUTBOX_PATH } from "../dev-outbox";
import { devOutboxRoutes } from "./dev-outbox-routes";

const PICK_UP_DATE = offPeakDate(new Date(), 30);
const BOOKING = { pickUpDate: PICK_UP_DATE, returnDate: addDays(PICK_UP_DATE, 2) };

/** Text as the page writes it (preact escapes these four). */
function escaped(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

describe("the demo's outbox page (sandbox, no SMTP_URL)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists the confirmation e-mail of a paid booking, newest first, with its whole text", async () => {
    const first = await paidBooking(app, { name: "Hanako Suzuki", ...BOOKING });
    const second = await paidBooking(app, { name: "Taro Yamada", ...BOOKING });
    const mails = await app.db
      .selectFrom("rc_outbox")
      .innerJoin("rc_bookings", "rc_bookings.id", "rc_outbox.booking_id")
      .select(["rc_bookings.reference", "recipient", "subject", "body"])
      .execute();
    expect(mails.map((mail) => mail.reference).sort()).toEqual([first, second].sort());

    const page = await new HttpShopper(app.url).get(`${DEV_OUTBOX_PATH}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    for (const mail of mails) {
      expect(page.html).toContain(mail.recipient);
      expect(page.html).toContain(escaped(mail.subject));
      // The body as the shopper would read it, booking link (with its token) included.
      expect(page.html).toContain(escaped(mail.body));
    }
    expect(page.html).toContain("Not sent (no SMTP)");
    expect(page.html.indexOf(second)).toBeLessThan(page.html.indexOf(first));

    const japanese = await new HttpShopper(app.url).get(`${DEV_OUTBOX_PATH}?lang=ja`);
    expect(japanese.html).toContain("未送信（SMTP なし）");
  });

  it("is linked from the demo banner", async () => {
    const home = await new HttpShopper(app.url).get("/?lang=en");
    expect(home.html).toContain(`href="${DEV_OUTBOX_PATH}?lang=en"`);
  });

  it("is not mounted in production, even with the sandbox and no SMTP", async () => {
    const deps = { db: app.db, sandbox: true, mailBySmtp: false, publicBaseUrl: app.url };
    const development = express().use(devOutboxRoutes({ ...deps, production: false }));
    const production = express().use(devOutboxRoutes({ ...deps, production: true }));
    expect((await request(development).get(DEV_OUTBOX_PATH)).status).toBe(200);
    expect((await request(production).get(DEV_OUTBOX_PATH)).status).toBe(404);
  });
});

describe("the outbox page with SMTP_URL set", () => {
  let app: TestApp;
  beforeAll(async () => {
    // Nothing is queued in this test, so the sender never connects to this address.
    app = await startTestApp({ env: { SMTP_URL: "smtp://127.0.0.1:9" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("is a 404, and the banner does not link to it", async () => {
    const shopper = new HttpShopper(app.url);
    expect((await shopper.get(`${DEV_OUTBOX_PATH}?lang=en`)).status).toBe(404);
    expect((await shopper.get("/?lang=en")).html).not.toContain(DEV_OUTBOX_PATH);
  });
});
