/**
 * @module
 * What the return and booking pages say about the payment, in both languages: a shopper who has
 * just paid reads "checking your payment", never "awaiting payment"; the confirmation e-mail is
 * promised for when the booking is confirmed; a confirmed booking says so; a konbini slip does not
 * read like a card being checked; a shopper back without paying reads "not paid yet" with the way
 * back to the payment page, not a spinner. Rendered from the views with a booking row as stored.
 */
import { describe, expect, it } from "@jest/globals";
import type { ReturnStatus } from "@linkpay/express";
import { h } from "preact";
import type { Booking } from "../../bookings/bookings";
import type { Lang } from "../format";
import { TEXTS } from "../i18n";
import { BookingPage } from "./booking-page";
import { renderPage } from "./layout";
import { ReturnPage } from "./return-page";

const BOOKING: Booking = {
  id: "b-1",
  reference: "RC-7KQ2M9XA",
  status: "awaiting_payment",
  locale: "ja",
  pick_up_location: "CTS",
  return_location: "SPK",
  pick_up_at: "2027-01-10T01:00:00.000Z",
  return_at: "2027-01-12T01:00:00.000Z",
  car_class: "K",
  car_id: null,
  options_json: "[]",
  lines_json: "[]",
  total: 14_300,
  currency: "JPY",
  customer_name: "鈴木 花子",
  customer_email: "hanako@example.com",
  customer_phone: "090-1234-5678",
  customer_kana: "スズキ ハナコ",
  draft_id: null,
  created_at: "2027-01-01T00:00:00.000Z",
  updated_at: "2027-01-01T00:00:00.000Z",
};

function context(lang: Lang) {
  return { lang, otherLanguageHref: "/", sandbox: true };
}

const UNPAID = { payAction: "/bookings/RC-7KQ2M9XA/pay?t=token", csrfToken: "csrf-token" };

function returnPage(
  lang: Lang,
  status: ReturnStatus,
  booking: Partial<Booking> = {},
  konbini = false,
  unpaid: typeof UNPAID | undefined = undefined,
): string {
  return renderPage(
    h(ReturnPage, {
      context: context(lang),
      booking: { ...BOOKING, ...booking },
      status,
      konbini,
      bookingHref: "/bookings/RC-7KQ2M9XA?t=token",
      unpaid,
    }),
  );
}

/** The text of the first element matching `pattern`'s capture group, tags removed. */
function textOf(html: string, pattern: RegExp): string | undefined {
  return pattern.exec(html)?.[1]?.replace(/<[^>]*>/g, "");
}

const h1 = /<h1>(.*?)<\/h1>/;
const status = /<dd class="status [^"]*">(.*?)<\/dd>/;

describe.each(["ja", "en"] as const)("payment wording (%s)", (lang) => {
  const texts = TEXTS[lang];

  it.each(["processing", "pending", "paid"] as const)(
    "says 'checking your payment' right after a card payment (return status %s)",
    (returnStatus) => {
      const html = returnPage(lang, returnStatus);
      expect(textOf(html, h1)).toBe(texts.confirmingTitle);
      expect(textOf(html, status)).toBe(texts.checkingPayment);
      expect(html).not.toContain(texts.statusText.awaiting_payment);
      expect(html).toContain(texts.mailOnConfirm);
      expect(html).not.toContain(texts.confirmedText);
      expect(html).toContain('http-equiv="refresh"');
    },
  );

  it("says the booking is confirmed once it is, and that the e-mail follows", () => {
    const html = returnPage(lang, "paid", { status: "confirmed" });
    expect(textOf(html, h1)).toBe(texts.confirmedTitle);
    expect(textOf(html, status)).toBe(texts.statusText.confirmed);
    expect(html).toContain(texts.confirmedText);
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it("does not make a konbini slip read like a card being checked", () => {
    const html = returnPage(lang, "processing", {}, true);
    expect(textOf(html, h1)).toBe(texts.awaitingKonbini);
    expect(textOf(html, status)).toBe(texts.awaitingKonbini);
    expect(html).not.toContain(texts.checkingPayment);
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it("says 'not paid yet' with the way back to the payment page when the provider says unpaid", () => {
    const html = returnPage(lang, "pending", {}, false, UNPAID);
    expect(textOf(html, h1)).toBe(texts.notPaidTitle);
    expect(html).toContain(texts.notPaidText);
    expect(html).toContain(`<form method="post" action="${UNPAID.payAction}">`);
    expect(html).toContain('<input type="hidden" name="_csrf" value="csrf-token"/>');
    expect(html).toContain(`<button type="submit">${texts.backToPayment}</button>`);
    expect(textOf(html, status)).toBe(texts.statusText.awaiting_payment);
    expect(html).not.toContain(texts.checkingPayment);
    expect(html).not.toContain(texts.mailOnConfirm);
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it("never offers the payment page again once the booking is confirmed or closed", () => {
    for (const booking of [{ status: "confirmed" }, { status: "expired" }] as const) {
      const html = returnPage(lang, "pending", booking, false, UNPAID);
      expect(html).not.toContain(texts.notPaidTitle);
      expect(html).not.toContain(UNPAID.payAction);
    }
    // A payment being checked is not "unpaid", whatever the route passed.
    expect(returnPage(lang, "processing", {}, false, UNPAID)).not.toContain(texts.notPaidTitle);
  });

  it("links to the booking as 「予約内容を見る」 / 'View your booking'", () => {
    expect(returnPage(lang, "paid")).toContain(
      `<a class="button secondary" href="/bookings/RC-7KQ2M9XA?t=token">${texts.viewBooking}</a>`,
    );
  });

  it("says 'checking' on the booking page while a paid booking awaits its webhook", () => {
    const render = (payment: "paid" | "open") =>
      renderPage(
        h(BookingPage, {
          context: context(lang),
          booking: BOOKING,
          payment,
          canceled: false,
        }),
      );
    expect(textOf(render("paid"), status)).toBe(texts.checkingPayment);
    // Not paid yet (the shopper left the provider's page): awaiting payment is the truth.
    expect(textOf(render("open"), status)).toBe(texts.statusText.awaiting_payment);
  });
});

describe("Japanese wording", () => {
  it("never uses the English middle dot", () => {
    const html = returnPage("ja", "paid", { status: "confirmed" });
    expect(html).toContain("新千歳空港");
    expect(html).not.toContain("·");
  });
});
