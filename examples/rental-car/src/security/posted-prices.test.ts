/**
 * @module
 * Price tampering is stopped: a price, amount, currency or line item posted with the booking form
 * or the confirmation step is ignored (and so are choices posted with the confirmation); the
 * hosted payment session and the stored booking carry the server's own quote.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, HttpShopper } from "@linkpay/rental-car-http-client";
import { choiceOf, searchSchema } from "../bookings/booking-form";
import { quote } from "../pricing/quote";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { bookingForm, HTML, sandboxOf, sessionIdOf, storedBooking } from "./attack-fixtures";

describe("prices come from the server only", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("ignores a posted price, amount, currency, total and unit amount", async () => {
    const shopper = new HttpShopper(app.url);
    const form = await bookingForm(shopper);
    const tampered = {
      price: "1",
      amount: "1",
      currency: "USD",
      total: "1",
      unitAmount: "1",
      amount_total: "1",
      unit_amount: "1",
      lines_json: '[{"name":{"ja":"x","en":"x"},"unitAmount":1,"quantity":1}]',
      "line_items[0][price_data][unit_amount]": "1",
    };
    // Both steps get the extra fields: the booking form and the confirmation's "pay" button.
    const confirmed = await shopper.post(
      "/book/confirm",
      { ...form, option_cdw: "1", ...tampered },
      HTML,
    );
    expect(confirmed.status).toBe(303);
    const review = await shopper.get(confirmed.location ?? "", HTML);
    const booked = await shopper.post(
      "/bookings",
      { ...form, ...tampered, ...formFields(review.html, "/bookings"), accept: "yes" },
      HTML,
    );
    expect(booked.status).toBe(303);
    expect(new URL(booked.location ?? "").origin).toBe(sandboxOf(app).origin);

    const search = searchSchema.parse(form);
    const expected = quote({
      ...choiceOf(search),
      carClass: "C",
      options: [
        { code: "child-seat", quantity: 1 },
        { code: "cdw", quantity: 1 },
      ],
    });
    // 2 days × (¥7,700 + ¥1,100 + ¥1,650)
    expect(expected.total).toBe(20_900);

    const sessionId = sessionIdOf(booked.location);
    const session = sandboxOf(app)
      .sessions()
      .find((candidate) => candidate.id === sessionId);
    expect(session).toMatchObject({ amountTotal: expected.total, currency: "jpy" });
    const stored = await storedBooking(app, session?.clientReferenceId ?? "");
    expect(stored).toMatchObject({ total: expected.total, currency: "JPY" });
    expect(JSON.parse(stored?.lines_json ?? "[]")).toEqual(expected.lines);
  });
});
