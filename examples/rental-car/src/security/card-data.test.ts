/**
 * @module
 * Card data never enters the app: a card number in any form field, JSON body, query parameter,
 * path segment or header is refused with 400 CARD_DATA_DETECTED, never echoed, and never reaches
 * the database, the logs or the payment sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type HttpAnswer, HttpShopper } from "@linkpay/rental-car-http-client";
import { sql } from "@linkpay/store-sql";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { TEXTS } from "../web/i18n";
import {
  BOOKING_FIELDS,
  type BookingFixture,
  bookingCount,
  bookingForm,
  bookTargets,
  CARDS,
  CUSTOMER,
  getTargets,
  HTML,
  JSON_ACCEPT,
  sandboxOf,
  tableNames,
} from "./attack-fixtures";
import { pageProblems } from "./html-checks";

/** Every row of every table, as JSON text (to search for what must never be stored). */
async function databaseText(app: TestApp): Promise<string> {
  const parts: string[] = [];
  for (const name of await tableNames(app)) {
    const { rows } = await sql`select * from ${sql.table(name)}`.execute(app.store.db);
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

/** `text` with the separators people type inside card numbers (and their URL forms) removed. */
function compactDigits(text: string): string {
  return text.replace(/%20|%2d|\+|[\s-]/gi, "");
}

/** Test card numbers written the ways that used to pass the guard. */
const DISGUISED_CARDS = [
  "4242.4242.4242.4242",
  "4242  4242 4242 4242",
  "4242/4242/4242/4242",
  "4242_4242_4242_4242",
  "4242 - 4242 - 4242 - 4242",
  "4242\t4242\t4242\t4242",
  "5555\u00a05555\u30005555ー4444",
  "5555－5555―5555・4444",
  "４２４２４２４２４２４２４２４２",
  "4242\u200b4242\u200c4242\u200d4242",
  "4\u20602\u00ad4\ufeff2\u200e4242\u202e4242\u20664242\u2069",
  "3782\u0301822463\u180e10005",
  "x4242424242424242",
  "4242424242424242a",
  "card5555555555554444",
  "378282246310005JPY",
];

/**
 * `text` with URL escapes, `\u` escapes as JSON writes them, separators and invisible characters
 * removed, and fullwidth digits read as ASCII: a card number that got through, however written,
 * shows up as a plain run of digits.
 */
function bareDigits(text: string): string {
  return text
    .replace(/%[0-9a-f]{2}|\\u[0-9a-f]{4}|\\t/gi, "")
    .normalize("NFKC")
    .replace(/[\s\p{Pd}\p{Cf}\p{M}._/・ー]/gu, "");
}

describe("card numbers", () => {
  let app: TestApp;
  let a: BookingFixture;

  beforeAll(async () => {
    app = await startTestApp();
    ({ a } = await bookTargets(app));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Posts or gets, and checks the refusal; returns what went wrong. */
  async function refusalProblems(
    what: string,
    send: (headers: Record<string, string>) => Promise<HttpAnswer>,
  ): Promise<string[]> {
    const problems: string[] = [];
    const json = await send(JSON_ACCEPT);
    if (json.status !== 400) problems.push(`${what}: status ${json.status}`);
    let code: unknown;
    try {
      code = JSON.parse(json.html)?.error?.code;
    } catch {
      code = json.html.slice(0, 80);
    }
    if (code !== "CARD_DATA_DETECTED") problems.push(`${what}: code ${String(code)}`);
    const page = await send(HTML);
    if (page.status !== 400) problems.push(`${what} (html): status ${page.status}`);
    problems.push(...pageProblems(page, undefined).map((problem) => `${what} (html): ${problem}`));
    const shown = compactDigits(
      page.html.replaceAll(TEXTS.ja.sandboxNotice, "").replaceAll(TEXTS.en.sandboxNotice, ""),
    );
    for (const card of CARDS) {
      if (shown.includes(card.replace(/\D/g, ""))) problems.push(`${what}: page echoes ${card}`);
    }
    return problems;
  }

  it("refuses a card number in any field, query parameter, path or header with 400 CARD_DATA_DETECTED, and keeps none of it", async () => {
    const shopper = new HttpShopper(app.url);
    const sandbox = sandboxOf(app);
    const bookingsBefore = await bookingCount(app);
    const sessionsBefore = sandbox.sessions().length;
    const logsBefore = app.logs.length;
    const failures: string[] = [];

    for (const card of CARDS) {
      for (const field of [...BOOKING_FIELDS, "cardNumber"]) {
        const form = await bookingForm(shopper);
        failures.push(
          ...(await refusalProblems(`POST /book/confirm ${field}=${card}`, (headers) =>
            shopper.post("/book/confirm", { ...form, [field]: card }, headers),
          )),
        );
      }
      for (const field of ["reference", "email"]) {
        failures.push(
          ...(await refusalProblems(`POST /my-booking ${field}=${card}`, (headers) =>
            shopper.post(
              "/my-booking",
              { reference: a.reference, email: a.email, [field]: card },
              headers,
            ),
          )),
        );
      }
      failures.push(
        ...(await refusalProblems(`POST pay ${card}`, (headers) =>
          shopper.post(`/bookings/${a.reference}/pay?t=${a.token}`, { note: card }, headers),
        )),
        ...(await refusalProblems(`POST pay query ${card}`, (headers) =>
          shopper.post(
            `/bookings/${a.reference}/pay?t=${a.token}&n=${encodeURIComponent(card)}`,
            {},
            headers,
          ),
        )),
        ...(await refusalProblems(`JSON body ${card}`, (headers) =>
          fetch(new URL("/bookings", app.url), {
            method: "POST",
            headers: {
              ...headers,
              "content-type": "application/json",
              "sec-fetch-site": "same-origin",
            },
            body: JSON.stringify({ ...CUSTOMER, note: { card } }),
            redirect: "manual",
          }).then(async (response) => ({
            status: response.status,
            location: response.headers.get("location"),
            headers: response.headers,
            html: await response.text(),
          })),
        )),
      );
      for (const { path, params } of getTargets(a)) {
        for (const name of [...Object.keys(params), "extra"]) {
          const url = `${path}?${new URLSearchParams({ ...params, [name]: card })}`;
          failures.push(
            ...(await refusalProblems(`GET ${url}`, (headers) => shopper.get(url, headers))),
          );
        }
      }
      const segment = encodeURIComponent(card);
      for (const url of [`/bookings/${segment}`, `/bookings/${segment}/return`, `/${segment}`]) {
        failures.push(
          ...(await refusalProblems(`GET ${url}`, (headers) => shopper.get(url, headers))),
        );
      }
      failures.push(
        ...(await refusalProblems(`header ${card}`, (headers) =>
          shopper.get("/", { ...headers, "x-note": card }),
        )),
        ...(await refusalProblems(`referer ${card}`, (headers) =>
          shopper.get("/", {
            ...headers,
            referer: `${app.url}/?card=${card.replaceAll(" ", "-")}`,
          }),
        )),
      );
    }
    expect(failures).toEqual([]);

    expect(await bookingCount(app)).toBe(bookingsBefore);
    expect(sandbox.sessions()).toHaveLength(sessionsBefore);

    const newLogs = app.logs.slice(logsBefore);
    expect(newLogs.filter((line) => line.includes("CARD_DATA_DETECTED")).length).toBeGreaterThan(
      CARDS.length * 40,
    );
    const stored = compactDigits(await databaseText(app));
    for (const card of CARDS) {
      const digits = card.replace(/\D/g, "");
      expect(app.logs.filter((line) => compactDigits(line).includes(digits))).toEqual([]);
      expect(stored.includes(digits)).toBe(false);
    }
  }, 60_000);

  it("refuses card numbers written to slip past a guard (other separators, invisible characters, letters glued on) in the booking form and the lookup, and keeps none of them", async () => {
    const shopper = new HttpShopper(app.url);
    const sandbox = sandboxOf(app);
    const bookingsBefore = await bookingCount(app);
    const sessionsBefore = sandbox.sessions().length;
    const logsBefore = app.logs.length;
    const failures: string[] = [];
    for (const card of DISGUISED_CARDS) {
      // The guard runs before routing, so the form's old and new targets are both covered.
      for (const target of ["/bookings", "/book/confirm"]) {
        for (const field of ["name", "phone", "email"]) {
          const form = await bookingForm(shopper);
          failures.push(
            ...(await refusalProblems(
              `POST ${target} ${field}=${JSON.stringify(card)}`,
              (headers) => shopper.post(target, { ...form, [field]: card }, headers),
            )),
          );
        }
      }
      for (const field of ["reference", "email"]) {
        failures.push(
          ...(await refusalProblems(
            `POST /my-booking ${field}=${JSON.stringify(card)}`,
            (headers) =>
              shopper.post(
                "/my-booking",
                { reference: a.reference, email: a.email, [field]: card },
                headers,
              ),
          )),
        );
      }
    }
    expect(failures).toEqual([]);
    expect(await bookingCount(app)).toBe(bookingsBefore);
    expect(sandbox.sessions()).toHaveLength(sessionsBefore);
    const newLogs = app.logs.slice(logsBefore);
    expect(newLogs.filter((line) => line.includes("CARD_DATA_DETECTED")).length).toBeGreaterThan(
      DISGUISED_CARDS.length * 8,
    );
    const stored = bareDigits(await databaseText(app));
    const logged = newLogs.map(bareDigits);
    for (const digits of ["4242424242424242", "5555555555554444", "378282246310005"]) {
      expect(logged.filter((line) => line.includes(digits))).toEqual([]);
      expect(stored.includes(digits)).toBe(false);
    }
  }, 120_000);

  it("the disguised-number checks would see one that got through", () => {
    for (const card of DISGUISED_CARDS) {
      const digits = bareDigits(card).replace(/[^0-9]/g, "");
      expect(
        bareDigits(
          `{"msg":"x","url":"/?q=${encodeURIComponent(card)}","v":${JSON.stringify(card)}}`,
        ),
      ).toContain(digits);
    }
  });

  it("the log and database checks would see a number that got through", () => {
    expect(compactDigits('{"url":"/?q=4242%204242%204242%204242"}')).toContain("4242424242424242");
    expect(compactDigits("4242-4242-4242-4242")).toBe("4242424242424242");
  });
});
