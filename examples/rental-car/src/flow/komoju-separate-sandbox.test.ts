/**
 * @module
 * The app with KOMOJU keys against a separately started sandbox (`KOMOJU_API_URL=<origin>/komoju`),
 * as the reliability harness runs it: the shopper is sent to that sandbox's KOMOJU page (a
 * loopback http origin, allowed with a test key) and its signed webhook confirms the booking.
 */
import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import { createSandbox, type Sandbox, TEST_CARDS } from "@linkpay/sandbox";
import { addDays } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../test-support/test-app";

/** A port free right now (the separately started sandbox must know the app's webhook URL). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return address.port;
}

describe("KOMOJU keys against a separately started sandbox (KOMOJU_API_URL)", () => {
  const secretKey = "sk_test_komojuFlowSeparate0123456789";
  const webhookSecret = "komoju-flow-separate-token-0123456789";
  let sandbox: Sandbox;
  let app: TestApp;
  beforeAll(async () => {
    const port = await freePort();
    sandbox = createSandbox({
      port: 0,
      komoju: {
        secretKey,
        webhooks: [{ url: `http://127.0.0.1:${port}/webhooks/komoju`, secret: webhookSecret }],
      },
      delivery: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 5_000 },
    });
    await sandbox.listen();
    app = await startTestApp({
      provider: "komoju",
      env: {
        PORT: String(port),
        KOMOJU_SECRET_KEY: secretKey,
        KOMOJU_WEBHOOK_SECRET: webhookSecret,
        KOMOJU_API_URL: sandbox.komoju.baseUrl,
        KOMOJU_PAYMENT_METHODS: "card,konbini,paypay",
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it("sends the shopper to the sandbox's KOMOJU page and confirms the card payment", async () => {
    expect(app.sandbox).toBeUndefined();
    const pickUpDate = offPeakDate(new Date(), 24);
    const shopper = new HttpShopper(app.url);
    const form = await shopper.get(
      `/book?${new URLSearchParams({
        pickUpLocation: "HND",
        returnLocation: "HND",
        pickUpDate,
        pickUpTime: "10:00",
        returnDate: addDays(pickUpDate, 2),
        returnTime: "09:00",
        carClass: "K",
        lang: "en",
      })}`,
    );
    const booked = await submitBooking(shopper, {
      ...formFields(form.html, "/book/confirm"),
      name: "Hanako Suzuki",
      email: "separate@example.com",
      phone: "090-1234-5678",
    });
    expect(booked.status).toBe(303);
    const hosted = booked.location ?? "";
    expect(hosted.startsWith(`${sandbox.komoju.baseUrl}/sessions/`)).toBe(true);
    const paid = await new HttpShopper(sandbox.origin).post(`${hosted}/card`, {
      number: TEST_CARDS.success,
      exp: "12 / 34",
      cvc: "123",
      name: "HANAKO SUZUKI",
    });
    expect(paid.location?.startsWith(`${app.url}/bookings/RC-`)).toBe(true);
    await sandbox.whenDeliveriesSettled();
    const booking = await app.db
      .selectFrom("rc_bookings")
      .select("status")
      .where("customer_email", "=", "separate@example.com")
      .executeTakeFirstOrThrow();
    expect(booking.status).toBe("confirmed");
  });
});
