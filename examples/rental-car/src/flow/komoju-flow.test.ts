/**
 * @module
 * The booking flow over HTTP with PAYMENT_PROVIDER=komoju, against the real app and the sandbox's
 * KOMOJU mode: a card paid on KOMOJU's hosted page confirms the booking once the signed webhook
 * arrived; a konbini slip shows on the shop's booking page and confirms when the store payment is
 * reported, or releases the car when it expires; a shopper back without paying (KOMOJU sends
 * everyone to the same return URL) reads "not paid yet" and goes back to the same session; a
 * foreign or unknown `session_id` and a webhook with a bad signature change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { signKomojuWebhook } from "@linkpay/komoju";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import { TEST_CARDS } from "@linkpay/sandbox";
import { addDays } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { pollUntil } from "../test-support/poll-until";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";

/**
 * Each booking's own off-peak pick-up date, three weeks ahead or more (konbini suits: its slip
 * ends before pick-up), so no test takes another's car.
 */
let bookings = 0;
function nextPickUpDate(): string {
  bookings += 1;
  return offPeakDate(new Date(), 17 + 4 * bookings);
}

/** A booking up to the 303 to KOMOJU's hosted page. */
interface Checkout {
  readonly shopper: HttpShopper;
  readonly hosted: string;
  readonly sessionId: string;
  readonly reference: string;
}

describe("booking flow with KOMOJU over HTTP (SQLite)", () => {
  let app: TestApp;
  let sandbox: NonNullable<TestApp["sandbox"]>;
  beforeAll(async () => {
    app = await startTestApp({ provider: "komoju" });
    if (app.sandbox === undefined) throw new Error("the app started no sandbox");
    sandbox = app.sandbox;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Books a Compact in `lang` for `email`, up to KOMOJU's hosted page. */
  async function bookToCheckout(email: string, lang: "ja" | "en" = "ja"): Promise<Checkout> {
    const pickUpDate = nextPickUpDate();
    const search = {
      pickUpLocation: "HND",
      returnLocation: "HND",
      pickUpDate,
      pickUpTime: "10:00",
      returnDate: addDays(pickUpDate, 2),
      returnTime: "09:00",
    };
    const shopper = new HttpShopper(app.url);
    const form = await shopper.get(
      `/book?${new URLSearchParams({ ...search, carClass: "C", lang })}`,
    );
    expect(form.status).toBe(200);
    const booked = await submitBooking(shopper, {
      ...formFields(form.html, "/book/confirm"),
      name: lang === "ja" ? "鈴木 花子" : "Hanako Suzuki",
      ...(lang === "ja" ? { kana: "スズキ ハナコ" } : {}),
      email,
      phone: "090-1234-5678",
    });
    expect(booked.status).toBe(303);
    const hosted = booked.location ?? "";
    expect(hosted.startsWith(`${sandbox.komoju.baseUrl}/sessions/`)).toBe(true);
    const sessionId = hosted.split("/").at(-1) ?? "";
    const { reference } = await app.db
      .selectFrom("rc_bookings")
      .select("reference")
      .where("customer_email", "=", email)
      .executeTakeFirstOrThrow();
    return { shopper, hosted, sessionId, reference };
  }

  /** The booking of `reference` as stored, with the days its car is held. */
  async function bookingOf(reference: string) {
    const booking = await app.db
      .selectFrom("rc_bookings")
      .selectAll()
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    const held = await app.db
      .selectFrom("rc_car_days")
      .select("day")
      .where("booking_id", "=", booking.id)
      .execute();
    return { ...booking, heldDays: held.length };
  }

  /** The hosted page's link back to the shop without paying (`return_url?session_id=…`). */
  async function leaveWithoutPaying(checkout: Checkout): Promise<string> {
    const page = await new HttpShopper(sandbox.origin).get(checkout.hosted);
    expect(page.status).toBe(200);
    const link = /<p class="cancel"><a href="([^"]+)"/.exec(page.html)?.[1];
    if (link === undefined) throw new Error("the hosted page has no way back to the shop");
    return link.replaceAll("&amp;", "&");
  }

  /** Posts a card on the hosted page like the shopper's browser. */
  function payWithCard(checkout: Checkout, number: string) {
    return new HttpShopper(sandbox.origin).post(`${checkout.hosted}/card`, {
      number,
      exp: "12 / 34",
      cvc: "123",
      name: "HANAKO SUZUKI",
    });
  }

  it("confirms a card booking once KOMOJU's signed webhook arrived, and mails it", async () => {
    const checkout = await bookToCheckout("card@example.com", "en");
    const paid = await payWithCard(checkout, TEST_CARDS.success);
    expect(paid.status).toBe(303);
    const returnUrl = paid.location ?? "";
    expect(returnUrl.startsWith(`${app.url}/bookings/${checkout.reference}/return?`)).toBe(true);
    expect(new URL(returnUrl).searchParams.get("session_id")).toBe(checkout.sessionId);

    // Paid at KOMOJU: "checking" until the webhook, then confirmed; never "not paid yet".
    const back = await checkout.shopper.get(returnUrl);
    expect(back.status).toBe(200);
    expect(back.html).not.toContain(TEXTS.en.notPaidTitle);
    await sandbox.whenDeliveriesSettled();
    const confirmed = await checkout.shopper.get(returnUrl);
    expect(confirmed.html).toContain(TEXTS.en.confirmedTitle);
    expect(await bookingOf(checkout.reference)).toMatchObject({ status: "confirmed" });
    const mail = await app.db
      .selectFrom("rc_outbox")
      .selectAll()
      .where("recipient", "=", "card@example.com")
      .execute();
    expect(mail).toEqual([expect.objectContaining({ kind: "booking_confirmed" })]);
  });

  it("confirms a booking paid with PayPay (offered because KOMOJU offers it)", async () => {
    const checkout = await bookToCheckout("paypay@example.com");
    const page = await new HttpShopper(sandbox.origin).get(checkout.hosted);
    expect(page.html).toContain(`${new URL(checkout.hosted).pathname}/paypay`);
    const wallet = await new HttpShopper(sandbox.origin).post(`${checkout.hosted}/paypay`, {});
    expect(wallet.status).toBe(303);
    const approved = await new HttpShopper(sandbox.origin).post(wallet.location ?? "", {
      outcome: "approve",
    });
    expect(approved.status).toBe(303);
    expect(approved.location?.startsWith(`${app.url}/bookings/${checkout.reference}/return?`)).toBe(
      true,
    );
    await sandbox.whenDeliveriesSettled();
    expect(await bookingOf(checkout.reference)).toMatchObject({ status: "confirmed" });
  });

  it("shows the konbini slip on the booking page and in the e-mail, and confirms once it is paid", async () => {
    const checkout = await bookToCheckout("konbini-paid@example.com");
    const issued = await new HttpShopper(sandbox.origin).post(`${checkout.hosted}/konbini`, {
      store: "lawson",
    });
    expect(issued.status).toBe(303);
    await sandbox.whenDeliveriesSettled();

    const slip = await pollUntil("the konbini slip e-mail", async () => {
      const found = await app.db
        .selectFrom("rc_outbox")
        .selectAll()
        .where("recipient", "=", "konbini-paid@example.com")
        .where("kind", "=", "konbini_slip")
        .executeTakeFirst();
      return found === undefined ? { done: false, seen: "no mail" } : { done: true, value: found };
    });
    const stored = await app.db
      .selectFrom("rc_konbini_slips")
      .selectAll()
      .executeTakeFirstOrThrow();
    const [store] = JSON.parse(stored.stores_json) as { chain: string; paymentCode?: string }[];
    expect(store?.chain).toBe("lawson");
    expect(store?.paymentCode).toEqual(expect.any(String));
    expect(slip.body).toContain(store?.paymentCode);
    const link = /https?:\/\/\S+\/bookings\/RC-\S+/.exec(slip.body)?.[0] ?? "";
    const page = await new HttpShopper(app.url).get(link.slice(app.url.length));
    expect(page.status).toBe(200);
    expect(page.html).toContain("ローソン");
    expect(page.html).toContain(store?.paymentCode);
    expect(page.html).toContain("までにコンビニでお支払いください");
    expect(await bookingOf(checkout.reference)).toMatchObject({ status: "awaiting_payment" });

    sandbox.komoju.markKonbiniPaid(checkout.sessionId);
    await sandbox.whenDeliveriesSettled();
    expect(await bookingOf(checkout.reference)).toMatchObject({ status: "confirmed" });
  });

  it("releases the car when the konbini slip expires unpaid", async () => {
    const checkout = await bookToCheckout("konbini-expired@example.com");
    await new HttpShopper(sandbox.origin).post(`${checkout.hosted}/konbini`, {
      store: "family-mart",
    });
    await sandbox.whenDeliveriesSettled();
    expect((await bookingOf(checkout.reference)).heldDays).toBeGreaterThan(0);

    sandbox.komoju.markKonbiniExpired(checkout.sessionId);
    await sandbox.whenDeliveriesSettled();
    expect(await bookingOf(checkout.reference)).toMatchObject({ status: "expired", heldDays: 0 });
  });

  it.each(["ja", "en"] as const)(
    "says 'not paid yet' to a shopper back without paying, and leads to the same session (%s)",
    async (lang) => {
      const checkout = await bookToCheckout(`unpaid-${lang}@example.com`, lang);
      // A declined card: KOMOJU keeps the session open for another try.
      const declined = await payWithCard(checkout, TEST_CARDS.genericDecline);
      expect(declined.location).toContain(checkout.hosted);
      const texts = TEXTS[lang];

      const back = await checkout.shopper.get(await leaveWithoutPaying(checkout));
      expect(back.status).toBe(200);
      expect(back.html).toContain(texts.notPaidTitle);
      expect(back.html).toContain(texts.backToPayment);
      expect(back.html).not.toContain(texts.confirmingTitle);
      expect(back.html).not.toContain('http-equiv="refresh"');

      const action = /<form method="post" action="([^"]+\/pay\?[^"]+)"/.exec(back.html)?.[1] ?? "";
      const again = await checkout.shopper.post(action, formFields(back.html, action));
      expect(again.status).toBe(303);
      expect(again.location).toBe(checkout.hosted);
      expect(await bookingOf(checkout.reference)).toMatchObject({ status: "awaiting_payment" });
    },
  );

  it("answers a foreign or unknown session_id like an unknown booking, and changes nothing", async () => {
    const mine = await bookToCheckout("session-mine@example.com");
    const theirs = await bookToCheckout("session-theirs@example.com");
    const returnUrl = new URL(await leaveWithoutPaying(mine));
    for (const sessionId of [theirs.sessionId, "sess_unknown0000", ""]) {
      returnUrl.searchParams.set("session_id", sessionId);
      const answer = await mine.shopper.get(returnUrl.href);
      expect(answer.status).toBe(404);
      expect(answer.html).not.toContain(mine.reference);
    }
    for (const checkout of [mine, theirs]) {
      expect(await bookingOf(checkout.reference)).toMatchObject({ status: "awaiting_payment" });
    }
  });

  it("refuses a webhook with a bad signature (400) and changes nothing", async () => {
    const checkout = await bookToCheckout("forged@example.com");
    const payload = JSON.stringify({
      id: "evt_forged0001",
      type: "payment.captured",
      resource: "event",
      data: {
        id: "pay_forged0001",
        resource: "payment",
        session: checkout.sessionId,
        status: "captured",
      },
      created_at: new Date().toISOString(),
      reason: null,
    });
    const headers = {
      "content-type": "application/json",
      "user-agent": "Komoju-Webhook",
      "x-komoju-id": "delivery-forged",
      "x-komoju-event": "payment.captured",
    };
    const signatures = [
      signKomojuWebhook({ payload, secret: "not-the-webhook-secret-token" }),
      "0".repeat(64),
      "",
    ];
    for (const signature of signatures) {
      const answer = await fetch(`${app.url}/webhooks/komoju`, {
        method: "POST",
        headers: { ...headers, ...(signature === "" ? {} : { "x-komoju-signature": signature }) },
        body: payload,
      });
      expect(answer.status).toBe(400);
    }
    expect(await bookingOf(checkout.reference)).toMatchObject({ status: "awaiting_payment" });
    const attempt = await app.payments.getStatus({ orderRef: checkout.reference });
    expect(attempt?.status).toBe("open");
  });
});
