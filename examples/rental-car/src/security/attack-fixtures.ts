/**
 * @module
 * What the attack tests share: the payload lists, the requests a shopper (or an attacker) sends,
 * the two bookings the attacks aim at, the GET pages and form fields every payload is tried in,
 * and the database reads that prove an attack changed nothing. Typed on `RentalCar`, not the test
 * app, because the app's build compiles this file and cannot see `test-support/`.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { expect } from "@jest/globals";
import { formFields, HttpShopper, submitBooking } from "@linkpay/rental-car-http-client";
import type { Sandbox } from "@linkpay/sandbox";
import { sql } from "@linkpay/store-sql";
import { addDays, HORIZON_DAYS, tokyoDate } from "../pricing/rental-period";
import type { RentalCar } from "../server/start-rental-car";
import { offPeakDate } from "../test-support/off-peak-dates";

/** Script injection, as markup, attribute break-outs and script URLs. */
export const XSS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "</title><script>alert(1)</script>",
  `'"--></style></script><svg onload=alert(1)>`,
  '<a href="javascript:alert(1)">x</a>',
  "' autofocus onfocus='alert(1)",
];

/** SQL injection against the app's own tables. */
export const SQLI = [
  "' OR '1'='1",
  "'; DROP TABLE rc_bookings; --",
  "1 UNION SELECT reference, customer_email, customer_name FROM rc_bookings --",
  "RC-22222222' OR 1=1 --",
  '" OR ""="',
  "1; DELETE FROM rc_car_days; --",
  "%' OR 1=1 --",
];

/** Test card numbers (all pass the Luhn check), plain and as people type them. */
export const CARDS = [
  "4242424242424242",
  "4242 4242 4242 4242",
  "4242-4242-4242-4242",
  "5555555555554444",
  "378282246310005",
  "4000 0027 6000 3184",
];

/** What a browser sends when it navigates: HTML first. */
export const HTML = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
export const JSON_ACCEPT = { accept: "application/json" };

export const CUSTOMER = {
  name: "Taro Yamada",
  kana: "ヤマダ タロウ",
  email: "taro@example.com",
  phone: "090-1111-2222",
};
const DAY_MS = 86_400_000;
let nextDaysAhead = 7;

/**
 * A fresh two-day search at Haneda, off-peak, each after the previous one (no class sells out).
 * Relative to the clock, as the booking rules refuse past dates and dates beyond the horizon:
 * near the horizon it starts again a week ahead, where each class still has cars (three per day).
 */
export function nextSearch(): Record<string, string> {
  const now = new Date();
  if (nextDaysAhead > HORIZON_DAYS - 20) nextDaysAhead = 7;
  const pickUpDate = offPeakDate(now, nextDaysAhead);
  nextDaysAhead = (Date.parse(pickUpDate) - Date.parse(tokyoDate(now))) / DAY_MS + 3;
  return {
    pickUpLocation: "HND",
    returnLocation: "HND",
    pickUpDate,
    pickUpTime: "10:00",
    returnDate: addDays(pickUpDate, 2),
    returnTime: "10:00",
  };
}

/** An answer to {@link raw}: the headers as Node parsed them. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A request with exactly these headers (fetch adds its own; `node:http` adds only Host). */
export function raw(
  app: RentalCar,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: app.port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The app's in-process sandbox (the test app always runs one). */
export function sandboxOf(app: RentalCar): Sandbox {
  if (app.sandbox === undefined) throw new Error("the test app runs with its sandbox");
  return app.sandbox;
}

/** The session id at the end of a hosted-page URL. */
export function sessionIdOf(hostedUrl: string | null): string {
  return new URL(hostedUrl ?? "http://invalid/").pathname.split("/").at(-1) ?? "";
}

/** The names of every table of the database, sorted. */
export async function tableNames(app: RentalCar): Promise<string[]> {
  const tables = await app.store.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

/** Rows per table, for every table of the database (linkpay's and the app's). */
export async function tableCounts(app: RentalCar): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(app)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      name,
    )}`.execute(app.store.db);
    counts[name] = Number(rows[0]?.n);
  }
  return counts;
}

/** A booking an attack aims at, with the shopper who made it. */
export interface BookingFixture {
  readonly reference: string;
  readonly token: string;
  readonly sessionId: string;
  readonly name: string;
  readonly email: string;
  readonly search: Record<string, string>;
  readonly shopper: HttpShopper;
}

/**
 * A booking made through the site (for `search`, default a fresh one), its hosted session, and
 * its tokenized link (via lookup).
 */
export async function makeBooking(
  app: RentalCar,
  customer: { name: string; email: string } = CUSTOMER,
  search: Record<string, string> = nextSearch(),
): Promise<BookingFixture> {
  const shopper = new HttpShopper(app.url);
  const form = await shopper.get(
    `/book?${new URLSearchParams({ ...search, carClass: "C", lang: "en" })}`,
    HTML,
  );
  expect(form.status).toBe(200);
  const booked = await submitBooking(
    shopper,
    { ...formFields(form.html, "/book/confirm"), ...customer, phone: CUSTOMER.phone },
    HTML,
  );
  expect(booked.status).toBe(303);
  const sessionId = sessionIdOf(booked.location);
  const session = sandboxOf(app)
    .sessions()
    .find((candidate) => candidate.id === sessionId);
  const reference = session?.clientReferenceId ?? "";
  expect(reference).toMatch(/^RC-/);
  const found = await shopper.post("/my-booking", { reference, email: customer.email }, HTML);
  expect(found.status).toBe(303);
  const token = new URL(found.location ?? "http://invalid/").searchParams.get("t") ?? "";
  expect(token).not.toBe("");
  return { reference, token, sessionId, ...customer, search, shopper };
}

/** The stored row of booking `reference` (undefined: no such booking). */
export async function storedBooking(app: RentalCar, reference: string) {
  return app.db
    .selectFrom("rc_bookings")
    .selectAll()
    .where("reference", "=", reference)
    .executeTakeFirst();
}

/** How many bookings are stored. */
export async function bookingCount(app: RentalCar): Promise<number> {
  const row = await app.db
    .selectFrom("rc_bookings")
    .select(({ fn }) => fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The two bookings the attacks aim at: Aiko's (`a`) and Bunta's (`b`). */
export interface AttackTargets {
  readonly a: BookingFixture;
  readonly b: BookingFixture;
}

/** Books `a` and `b` through the site of a freshly started app. */
export async function bookTargets(app: RentalCar): Promise<AttackTargets> {
  const a = await makeBooking(app, { name: "Aiko Tanaka", email: "aiko@example.com" });
  const b = await makeBooking(app, { name: "Bunta Sato", email: "bunta@example.com" });
  return { a, b };
}

/** Every GET page with valid values for each of its parameters (one is replaced per attack). */
export function getTargets(a: BookingFixture): { path: string; params: Record<string, string> }[] {
  return [
    { path: "/", params: { lang: "en", q: "" } },
    { path: "/search", params: { ...nextSearch(), lang: "en" } },
    {
      path: "/book",
      params: {
        ...nextSearch(),
        carClass: "C",
        "option_child-seat": "1",
        option_cdw: "1",
        "option_etc-card": "1",
        lang: "en",
      },
    },
    { path: `/bookings/${a.reference}`, params: { t: a.token, canceled: "1", lang: "en" } },
    {
      path: `/bookings/${a.reference}/return`,
      params: { t: a.token, session_id: a.sessionId, lang: "en" },
    },
    { path: "/my-booking", params: { lang: "en" } },
  ];
}

/** Every GET URL with `payload` in one parameter (plus an unknown one), or in a path segment. */
export function attackUrls(a: BookingFixture, payload: string): string[] {
  const urls: string[] = [];
  for (const { path, params } of getTargets(a)) {
    for (const name of [...Object.keys(params), "extra"]) {
      urls.push(`${path}?${new URLSearchParams({ ...params, [name]: payload })}`);
    }
  }
  const segment = encodeURIComponent(payload);
  urls.push(
    `/bookings/${segment}?t=${a.token}`,
    `/bookings/${segment}/return?t=${a.token}`,
    `/${segment}`,
    `/assets/${segment}`,
  );
  return urls;
}

/** The fields of the booking form (POST /book/confirm): the choice, the options, the shopper. */
export const BOOKING_FIELDS = [
  "name",
  "kana",
  "email",
  "phone",
  "carClass",
  "pickUpLocation",
  "returnLocation",
  "pickUpDate",
  "pickUpTime",
  "returnDate",
  "returnTime",
  "option_child-seat",
  "option_cdw",
  "option_etc-card",
  "extra",
];

/** A complete, valid booking form for fresh dates (its CSRF token taken from the page). */
export async function bookingForm(shopper: HttpShopper): Promise<Record<string, string>> {
  const search = nextSearch();
  const page = await shopper.get(
    `/book?${new URLSearchParams({ ...search, carClass: "C", lang: "en" })}`,
    HTML,
  );
  return {
    ...formFields(page.html, "/book/confirm"),
    "option_child-seat": "1",
    ...CUSTOMER,
  };
}
