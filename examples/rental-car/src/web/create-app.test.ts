/**
 * @module
 * The app while its database is unreachable (a PostgreSQL restart): a page whose query fails
 * answers 503 with `Retry-After`, its error page asks the shopper to try again shortly in the
 * page's language, and the log says the store was unavailable, not that a bug failed a request.
 */
import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPayments } from "@linkpay/core";
import { createFakeProvider } from "@linkpay/core/testing";
import { createLogger } from "@linkpay/express";
import { createSqlStore, type SqlStore } from "@linkpay/store-sql";
import request from "supertest";
import { bookingLinks } from "../bookings/booking-reference";
import type { AppTables } from "../db/app-tables";
import { createApp } from "./create-app";
import { TEXTS } from "./i18n";
import { defaultSearch, searchFields } from "./routes/search-routes";

const ORIGIN = "http://localhost:3000";
const SECRET = "test-session-secret-0123456789-abcdefghijkl";

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

/** Text as the page writes it (preact escapes these). */
function escaped(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("'", "&#39;");
}

describe("the app while its database is unreachable", () => {
  let store: SqlStore;
  let app: ReturnType<typeof createApp>;
  const logs: Record<string, unknown>[] = [];
  const now = () => new Date();

  beforeAll(async () => {
    store = createSqlStore({
      url: `postgres://rental@127.0.0.1:${await closedPort()}/rental`,
      connectTimeoutMs: 2_000,
    });
    const logger = createLogger({
      name: "rental-car-test",
      destination: { write: (line: string) => logs.push(JSON.parse(line)) },
    });
    const returnLinks = bookingLinks(SECRET);
    app = createApp({
      db: store.db.withTables<AppTables>(),
      payments: createPayments({
        providers: [createFakeProvider()],
        store,
        urls: { success: `${ORIGIN}/return`, cancel: `${ORIGIN}/` },
      }),
      cspReports: store,
      logger,
      publicBaseUrl: ORIGIN,
      secret: SECRET,
      returnLinks,
      sandbox: false,
      production: false,
      now,
    });
  });
  afterAll(async () => {
    await store?.close();
  });

  it.each(["ja", "en"] as const)(
    "answers a search with 503 and 'try again shortly' (%s)",
    async (lang) => {
      const query = new URLSearchParams({ ...searchFields(defaultSearch(now())), lang });
      const response = await request(app).get(`/search?${query}`).set("Accept", "text/html");
      expect(response.status).toBe(503);
      expect(response.headers["retry-after"]).toBe("5");
      expect(response.text).toContain(escaped(TEXTS[lang].errorMessages.UNAVAILABLE ?? "?"));
      expect(response.text).not.toMatch(/ECONNREFUSED|postgres/);
      const requestId = String(response.headers["x-request-id"]);
      const line = logs.find((entry) => entry.requestId === requestId && entry.status === 503);
      expect(line).toMatchObject({
        code: "STORE_UNAVAILABLE",
        msg: "service unavailable",
        details: { operation: "app query", failure: "unavailable" },
      });
      expect(String(line?.cause)).toContain("ECONNREFUSED");
    },
  );
});
