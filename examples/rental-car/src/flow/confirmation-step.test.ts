/**
 * @module
 * The confirmation step (確認画面) and idempotent booking over HTTP, against the real app and its
 * sandbox: options count without any re-pricing button; a refused form comes back with everything
 * typed and a message per field; the confirmation page shows what will be charged and is never
 * cached; a draft is made into one booking and one checkout session whatever the shopper does
 * (Back, retry, double submit), is refused in another browser, needs the terms accepted, and
 * expires after an hour.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { formFields, type HttpAnswer, HttpShopper } from "@linkpay/rental-car-http-client";
import type { Sandbox } from "@linkpay/sandbox";
import { TEST_CARDS } from "@linkpay/sandbox";
import { findDraft, rentalChoiceOf } from "../bookings/booking-drafts";
import { choiceOf } from "../bookings/booking-form";
import { bookAndCheckout, DraftAlreadyBookedError } from "../bookings/bookings";
import { checkoutFor } from "../bookings/checkout-for-booking";
import { quote } from "../pricing/quote";
import { addDays } from "../pricing/rental-period";
import { offPeakDate } from "../test-support/off-peak-dates";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { formatYen } from "../web/format";
import { TEXTS } from "../web/i18n";

const EN = TEXTS.en;
const JA = TEXTS.ja;
let nextDaysAhead = 20;

/** A fresh two-day search at Haneda, off-peak, after the previous one. */
function freshSearch(): Record<string, string> {
  const pickUpDate = offPeakDate(new Date(), nextDaysAhead);
  nextDaysAhead += 3;
  return {
    pickUpLocation: "HND",
    returnLocation: "HND",
    pickUpDate,
    pickUpTime: "10:00",
    returnDate: addDays(pickUpDate, 2),
    returnTime: "10:00",
  };
}

const CUSTOMER = { name: "Hanako Suzuki", email: "hanako@example.com", phone: "090-1234-5678" };

describe("the confirmation step and idempotent booking (SQLite)", () => {
  let app: TestApp;
  const clock = { offsetMs: 0 };

  beforeAll(async () => {
    app = await startTestApp({ now: () => new Date(Date.now() + clock.offsetMs) });
  });
  afterAll(async () => {
    await app?.close();
  });

  function sandbox(): Sandbox {
    if (app.sandbox === undefined) throw new Error("the test app runs with its sandbox");
    return app.sandbox;
  }

  /** The booking form of a fresh search, in `lang`: the page and its form's hidden fields. */
  async function bookingForm(shopper: HttpShopper, lang: "ja" | "en" = "en") {
    const search = freshSearch();
    const page = await shopper.get(
      `/book?${new URLSearchParams({ ...search, carClass: "C", lang })}`,
    );
    expect(page.status).toBe(200);
    return { search, page, fields: formFields(page.html, "/book/confirm") };
  }

  /** Posts the form with `extra`; expects the 303 to the confirmation page and opens it. */
  async function review(shopper: HttpShopper, fields: Record<string, string>) {
    const submitted = await shopper.post("/book/confirm", fields);
    expect({ status: submitted.status, location: submitted.location }).toEqual({
      status: 303,
      location: expect.stringMatching(/\/book\/confirm\/[\w-]{24}$/),
    });
    const confirmUrl = submitted.location ?? "";
    const page = await shopper.get(confirmUrl);
    expect(page.status).toBe(200);
    return { confirmUrl, page, payFields: formFields(page.html, "/bookings") };
  }

  async function bookingsFor(email: string) {
    return app.db
      .selectFrom("rc_bookings")
      .selectAll()
      .where("customer_email", "=", email)
      .execute();
  }

  function sessionsOf(reference: string) {
    return sandbox()
      .sessions()
      .filter((session) => session.clientReferenceId === reference);
  }

  async function draftCount(): Promise<number> {
    const row = await app.db
      .selectFrom("rc_booking_drafts")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("applies options chosen on the form with no re-pricing step, shows every line and the terms, and charges exactly that", async () => {
    const shopper = new HttpShopper(app.url);
    const { search, page, fields } = await bookingForm(shopper);
    // One form, to the confirmation step; no separate re-pricing form.
    expect(page.html).not.toContain('action="/book"');
    expect(page.html).toContain("3-3-2 Haneda Airport, Ota-ku, Tokyo");
    const email = "options@example.com";
    const { page: confirm, payFields } = await review(shopper, {
      ...fields,
      "option_child-seat": "2",
      option_cdw: "1",
      ...CUSTOMER,
      email,
    });

    const expected = quote({
      ...choiceOf({
        pickUpLocation: "HND",
        returnLocation: "HND",
        pickUpDate: search.pickUpDate ?? "",
        pickUpTime: "10:00",
        returnDate: search.returnDate ?? "",
        returnTime: "10:00",
      }),
      carClass: "C",
      options: [
        { code: "child-seat", quantity: 2 },
        { code: "cdw", quantity: 1 },
      ],
    });
    expect(expected.lines).toHaveLength(3);
    expect(confirm.headers.get("cache-control")).toBe("no-store");
    for (const line of expected.lines) {
      expect(confirm.html).toContain(line.name.en);
      expect(confirm.html).toContain(formatYen(line.unitAmount * line.quantity, "en"));
    }
    expect(confirm.html).toContain(
      `<td class="amount total">${formatYen(expected.total, "en")}</td>`,
    );
    for (const text of [
      "3-3-2 Haneda Airport, Ota-ku, Tokyo",
      "7:00–22:00",
      EN.policyTitle,
      EN.waiverTitle,
      "non-operation charge (NOC)",
      EN.waiverChosen,
      EN.acceptTerms,
    ]) {
      expect(confirm.html).toContain(text);
    }
    // The pay form carries the draft and the CSRF token, nothing to price from.
    expect(Object.keys(payFields).sort()).toEqual(["_csrf", "draft"]);

    const booked = await shopper.post("/bookings", { ...payFields, accept: "yes" });
    expect(booked.status).toBe(303);
    const [booking] = await bookingsFor(email);
    expect(booking).toMatchObject({ total: expected.total });
    expect(JSON.parse(booking?.lines_json ?? "[]")).toEqual(expected.lines);
    const [session] = sessionsOf(booking?.reference ?? "");
    expect(session).toMatchObject({ amountTotal: expected.total, url: booked.location });
  });

  it("shows a refused form again with everything typed and a message per field; edits keep it all", async () => {
    const shopper = new HttpShopper(app.url);
    const { fields } = await bookingForm(shopper, "ja");
    const drafts = await draftCount();
    const typed = {
      ...fields,
      "option_child-seat": "2",
      name: "鈴木 花子",
      kana: "すずき はなこ",
      email: "hanako@",
      phone: "abc",
    };
    const refused = await shopper.post("/book/confirm", typed);
    expect(refused.status).toBe(400);
    for (const value of ["鈴木 花子", "すずき はなこ", "hanako@", "abc"]) {
      expect(refused.html).toContain(`value="${value}"`);
    }
    expect(refused.html).toMatch(/<option value="2" selected/);
    expect(refused.html).toContain(JA.fieldProblem.email);
    expect(refused.html).toContain(JA.fieldProblem.phone);
    expect(refused.html).not.toContain(JA.fieldProblem.name);
    expect(refused.html).not.toContain(JA.fieldProblem.kana);
    expect(await draftCount()).toBe(drafts);

    const noKana = await shopper.post("/book/confirm", { ...typed, kana: "", ...CUSTOMER });
    expect(noKana.status).toBe(400);
    expect(noKana.html).toContain(JA.fieldProblem.kana);

    const { confirmUrl, page } = await review(shopper, {
      ...typed,
      email: "hanako@example.jp",
      phone: "０９０-１２３４-５６７８",
    });
    // Hiragana becomes katakana; full-width digits become ASCII.
    expect(page.html).toContain("スズキ ハナコ");
    expect(page.html).toContain("090-1234-5678");

    const edit = await shopper.get(`/book?draft=${confirmUrl.split("/").at(-1)}`);
    expect(edit.status).toBe(200);
    for (const value of ["鈴木 花子", "スズキ ハナコ", "hanako@example.jp", "090-1234-5678"]) {
      expect(edit.html).toContain(`value="${value}"`);
    }
    expect(edit.html).toMatch(/<option value="2" selected/);
    const changed = await review(shopper, {
      ...formFields(edit.html, "/book/confirm"),
      "option_child-seat": "0",
      option_cdw: "1",
      name: "鈴木 花子",
      kana: "スズキ ハナコ",
      email: "hanako@example.jp",
      phone: "090-1234-5678",
    });
    expect(changed.page.html).toContain(JA.waiverChosen);
    expect(changed.page.html).not.toContain("チャイルドシート");
  });

  it("the English form takes no katakana name", async () => {
    const shopper = new HttpShopper(app.url);
    const { fields } = await bookingForm(shopper, "en");
    const { page } = await review(shopper, { ...fields, ...CUSTOMER, kana: "" });
    expect(page.html).not.toContain(EN.kana);
  });

  it("returns a resubmitted draft (Back, retry) to the same booking and session; once paid, to its booking page", async () => {
    const shopper = new HttpShopper(app.url);
    const email = "resubmit@example.com";
    const { fields } = await bookingForm(shopper);
    const { payFields } = await review(shopper, { ...fields, ...CUSTOMER, email });
    const first = await shopper.post("/bookings", { ...payFields, accept: "yes" });
    const again = await shopper.post("/bookings", { ...payFields, accept: "yes" });
    expect(first.status).toBe(303);
    expect(again).toMatchObject({ status: 303, location: first.location });
    const [booking, ...more] = await bookingsFor(email);
    expect(more).toEqual([]);
    const reference = booking?.reference ?? "";
    expect(sessionsOf(reference)).toHaveLength(1);

    const paid = await new HttpShopper(sandbox().origin).post(`${first.location}/card`, {
      number: TEST_CARDS.success,
      exp: "12 / 34",
      cvc: "123",
      name: "Hanako Suzuki",
    });
    expect(paid.status).toBe(303);
    await sandbox().whenDeliveriesSettled();
    const afterPaying = await shopper.post("/bookings", { ...payFields, accept: "yes" });
    expect(afterPaying.status).toBe(303);
    expect(new URL(afterPaying.location ?? "").pathname).toBe(`/bookings/${reference}`);
    expect(await bookingsFor(email)).toHaveLength(1);
    expect(sessionsOf(reference)).toHaveLength(1);
  });

  it("makes one booking and one session of two concurrent submissions", async () => {
    const shopper = new HttpShopper(app.url);
    const email = "double@example.com";
    const { fields } = await bookingForm(shopper);
    const { payFields } = await review(shopper, { ...fields, ...CUSTOMER, email });
    const answers: HttpAnswer[] = await Promise.all(
      [0, 1, 2].map(() => shopper.post("/bookings", { ...payFields, accept: "yes" })),
    );
    const [first] = answers;
    for (const answer of answers) {
      expect({ status: answer.status, location: answer.location }).toEqual({
        status: 303,
        location: first?.location,
      });
    }
    expect(new URL(first?.location ?? "").origin).toBe(sandbox().origin);
    const bookings = await bookingsFor(email);
    expect(bookings).toHaveLength(1);
    expect(sessionsOf(bookings[0]?.reference ?? "")).toHaveLength(1);
  });

  it("lets the database decide: a second booking of one draft is refused and names the first", async () => {
    const shopper = new HttpShopper(app.url);
    const email = "constraint@example.com";
    const { fields } = await bookingForm(shopper);
    const { confirmUrl } = await review(shopper, { ...fields, ...CUSTOMER, email });
    const draft = await findDraft(app.db, confirmUrl.split("/").at(-1) ?? "");
    if (draft === undefined) throw new Error("the draft was not stored");
    const choice = rentalChoiceOf(draft.choice);
    const input = {
      choice,
      quote: quote(choice),
      customer: draft.customer,
      locale: draft.locale,
      now: new Date(),
      draftId: draft.id,
    };
    const [provider] = app.payments.providers;
    if (provider === undefined) throw new Error("the app has a provider");
    const start: Parameters<typeof bookAndCheckout>[2] = async (booking, newOrder) => {
      await app.payments.startCheckout({ ...checkoutFor(booking, new Date(), provider), newOrder });
    };
    // Past the route's own look-up, as a request racing another would be.
    const made = await bookAndCheckout(app.db, input, start);
    const second = await bookAndCheckout(app.db, input, start).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DraftAlreadyBookedError);
    expect((second as DraftAlreadyBookedError).booking.id).toBe(made.id);
    expect(await bookingsFor(email)).toHaveLength(1);
    expect(sessionsOf(made.reference)).toHaveLength(1);
  });

  it("refuses a draft in another browser", async () => {
    const shopper = new HttpShopper(app.url);
    const email = "other-browser@example.com";
    const { fields } = await bookingForm(shopper);
    const { confirmUrl, payFields } = await review(shopper, { ...fields, ...CUSTOMER, email });
    const draftId = confirmUrl.split("/").at(-1) ?? "";

    const other = new HttpShopper(app.url);
    const { fields: otherFields } = await bookingForm(other);
    const answers = [
      await other.get(confirmUrl),
      await other.get(`/book?draft=${draftId}`),
      await other.post("/bookings", {
        _csrf: otherFields._csrf ?? "",
        draft: draftId,
        accept: "yes",
      }),
    ];
    for (const answer of answers) {
      expect({
        status: answer.status,
        refused: answer.html.includes(EN.draftOtherBrowser),
      }).toEqual({
        status: 403,
        refused: true,
      });
      expect(answer.html).not.toContain(email);
    }
    expect(await bookingsFor(email)).toEqual([]);
    // The browser that made it still can.
    expect((await shopper.post("/bookings", { ...payFields, accept: "yes" })).status).toBe(303);
  });

  it("requires the terms to be accepted", async () => {
    const shopper = new HttpShopper(app.url);
    const email = "accept@example.com";
    const { fields } = await bookingForm(shopper);
    const { payFields } = await review(shopper, { ...fields, ...CUSTOMER, email });
    const sessions = sandbox().sessions().length;
    for (const accept of [undefined, "no"]) {
      const refused = await shopper.post(
        "/bookings",
        accept === undefined ? payFields : { ...payFields, accept },
      );
      expect(refused.status).toBe(400);
      expect(refused.html).toContain(EN.acceptProblem);
    }
    expect(await bookingsFor(email)).toEqual([]);
    expect(sandbox().sessions()).toHaveLength(sessions);
  });

  it("sends an expired draft back to the form, filled in, to review again", async () => {
    const shopper = new HttpShopper(app.url);
    const email = "expired@example.com";
    const { fields } = await bookingForm(shopper);
    const { confirmUrl, payFields } = await review(shopper, { ...fields, ...CUSTOMER, email });
    const editUrl = `/book?draft=${confirmUrl.split("/").at(-1)}`;
    clock.offsetMs = 61 * 60_000;
    try {
      const opened = await shopper.get(confirmUrl);
      const paid = await shopper.post("/bookings", { ...payFields, accept: "yes" });
      for (const answer of [opened, paid]) {
        expect({ status: answer.status, location: answer.location }).toEqual({
          status: 303,
          location: new URL(editUrl, app.url).href,
        });
      }
      const form = await shopper.get(editUrl);
      expect(form.html).toContain(EN.draftExpired);
      expect(form.html).toContain(`value="${email}"`);
      expect(await bookingsFor(email)).toEqual([]);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it("deletes drafts past their hour (they hold personal data) when new ones are made", async () => {
    const shopper = new HttpShopper(app.url);
    const first = await bookingForm(shopper);
    const old = await review(shopper, { ...first.fields, ...CUSTOMER });
    const oldId = old.confirmUrl.split("/").at(-1) ?? "";
    clock.offsetMs = 61 * 60_000;
    try {
      const second = await bookingForm(shopper);
      const fresh = await review(shopper, { ...second.fields, ...CUSTOMER });
      expect(await findDraft(app.db, oldId)).toBeUndefined();
      expect(await findDraft(app.db, fresh.confirmUrl.split("/").at(-1) ?? "")).toBeDefined();
    } finally {
      clock.offsetMs = 0;
    }
  });
});

describe("the confirmation step's rate limit", () => {
  it("refuses a client's confirmations beyond the limit with 429, storing no draft", async () => {
    const limited = await startTestApp({ rateLimits: { confirm: { limit: 2 } } });
    try {
      const shopper = new HttpShopper(limited.url);
      const search = freshSearch();
      const page = await shopper.get(
        `/book?${new URLSearchParams({ ...search, carClass: "C", lang: "en" })}`,
      );
      const fields = { ...formFields(page.html, "/book/confirm"), ...CUSTOMER };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await shopper.post("/book/confirm", fields)).status);
      expect(statuses).toEqual([303, 303, 429]);
      const drafts = await limited.db.selectFrom("rc_booking_drafts").select("id").execute();
      expect(drafts).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });
});
