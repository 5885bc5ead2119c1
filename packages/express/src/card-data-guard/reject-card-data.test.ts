import { describe, expect, it } from "@jest/globals";
import { findCardNumbers } from "@linkpay/core";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { requestLogging } from "../logging";
import { captureLogs } from "../test-support/log-capture";
import { rejectCardData } from ".";

/** Public test card numbers (Visa, Mastercard, Amex, JCB). */
const PANS = ["4242424242424242", "5555555555554444", "378282246310005", "3530111333300000"];

function appWith() {
  const logs = captureLogs();
  const app = express();
  app.use(requestLogging({ logger: logs.logger }));
  app.use(rejectCardData());
  app.all(/.*/, (req, res) => {
    res.json({ ok: true, body: req.body ?? null });
  });
  app.use(errorHandler());
  return { app, logs };
}

/** Nothing of a PAN in the logs: not the number, not its first twelve digits, in no spelling. */
function expectNoPanIn(text: string): void {
  for (const pan of PANS) {
    const spaced = pan.replace(/(\d{4})(?=\d)/g, "$1 ");
    const dashed = pan.replace(/(\d{4})(?=\d)/g, "$1-");
    for (const form of [pan, spaced, dashed, pan.slice(0, 12), pan.slice(0, 8)]) {
      expect(text).not.toContain(form);
    }
  }
}

async function expectRefused(test: request.Test): Promise<void> {
  const response = await test.set("Accept", "application/json");
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe("CARD_DATA_DETECTED");
  expectNoPanIn(JSON.stringify(response.body));
}

describe("rejectCardData", () => {
  it("refuses card numbers with spaces or dashes in query strings and the path", async () => {
    const { app, logs } = appWith();
    await expectRefused(request(app).get("/search?q=4242%204242%204242%204242"));
    await expectRefused(request(app).get("/search?q=5555-5555-5555-4444"));
    await expectRefused(request(app).get("/search?q=3782+822463+10005"));
    await expectRefused(request(app).get("/orders/3530111333300000"));
    await expectRefused(request(app).get("/search?4242424242424242=1"));
    expectNoPanIn(logs.text());
    expect(logs.lines().filter((line) => line.sources !== undefined)).toHaveLength(5);
  });

  it("refuses them in url-encoded fields, values and names", async () => {
    const { app, logs } = appWith();
    await expectRefused(request(app).post("/book").type("form").send("notes=4242 4242 4242 4242"));
    await expectRefused(request(app).post("/book").type("form").send("card[5555555555554444]=x"));
    expectNoPanIn(logs.text());
  });

  it("refuses them in nested JSON, as strings or numbers, values or keys", async () => {
    const { app, logs } = appWith();
    const bodies = [
      { customer: { notes: ["hi", { c: "3530 1113 3330 0000" }] } },
      { payment: { number: 4242424242424242 } },
      { extras: { "378282246310005": true } },
    ];
    for (const body of bodies) await expectRefused(request(app).post("/book").send(body));
    expectNoPanIn(logs.text());
  });

  it("refuses them in multipart field values and names, and in other bodies", async () => {
    const { app, logs } = appWith();
    await expectRefused(
      request(app).post("/book").field("name", "Hanako").field("card", "4242-4242-4242-4242"),
    );
    await expectRefused(request(app).post("/book").field("5555555555554444", "x"));
    await expectRefused(
      request(app).post("/book").type("text/plain").send("card 3782 822463 10005"),
    );
    await expectRefused(
      request(app).post("/book").type("application/xml").send("<c>4242424242424242</c>"),
    );
    expectNoPanIn(logs.text());
  });

  it("refuses them in headers", async () => {
    const { app, logs } = appWith();
    await expectRefused(request(app).get("/").set("X-Note", "4242 4242 4242 4242"));
    await expectRefused(
      request(app).get("/").set("Referer", "https://shop.example/?c=5555555555554444"),
    );
    expectNoPanIn(logs.text());
  });

  it("refuses numbers written with other separators, invisible characters or letters glued on", async () => {
    const { app, logs } = appWith();
    const zwsp = "%E2%80%8B";
    const fullwidth = encodeURIComponent("４２４２－４２４２－４２４２－４２４２");
    for (const value of [
      `4242${zwsp}4242${zwsp}4242${zwsp}4242`,
      "4242.4242.4242.4242",
      "4242+-+4242+-+4242+-+4242",
      "4242%094242%094242%094242",
      "4242%C2%AD4242%E3%80%804242%E2%81%A04242",
      fullwidth,
      "card4242424242424242",
      "5555555555554444JPY",
    ]) {
      await expectRefused(request(app).post("/book").type("form").send(`notes=${value}`));
      await expectRefused(request(app).get(`/search?q=${value}`));
      await expectRefused(request(app).get(`/orders/${value}`));
      await expectRefused(request(app).get("/").set("Referer", `https://shop.example/?c=${value}`));
    }
    expectNoPanIn(logs.text());
  });

  it("refuses them in headers sent as raw UTF-8 bytes, and in unparsed bodies, raw or escaped", async () => {
    const { app, logs } = appWith();
    const utf8AsSent = (text: string) => Buffer.from(text).toString("latin1");
    await expectRefused(
      request(app).get("/").set("X-Note", utf8AsSent("4242\u200b4242\u200b4242\u200b4242")),
    );
    await expectRefused(
      request(app).get("/").set("X-Note", utf8AsSent("４２４２　４２４２　４２４２　４２４２")),
    );
    await expectRefused(
      request(app)
        .post("/book")
        .field("name", "Hanako")
        .field("card", "4242\u200b4242\u3000ー4242_4242"),
    );
    await expectRefused(
      request(app)
        .post("/book")
        .type("application/octet-stream")
        .send("c=4242%E2%80%8B4242%204242-4242"),
    );
    expectNoPanIn(logs.text());
  });

  it("lets phone numbers, booking references and long non-card digit runs through", async () => {
    const { app } = appWith();
    const values = [
      "090-1234-5678",
      "+81 3-1234-5678",
      "03 1234 5678",
      "RC-20261125-0001",
      "BK-4111-2026-1125",
      "4242424242424241",
      "12345678901234567890123",
      "00000000000000000000",
      "〒100-0001",
      "2026-12-31 10:00",
      "+81 90-1234-5678",
      "¥1,234,567",
      "4901234567894",
      "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
      "cs_test_a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ",
      "02e00415050a58646b99dd12fa6d964b1be22439223b4d6e5039088051307063",
    ];
    for (const value of values) expect(findCardNumbers(value)).toEqual([]);
    for (const value of values) {
      const query = await request(app).get(`/search?q=${encodeURIComponent(value)}`);
      const form = await request(app)
        .post("/book")
        .type("form")
        .send(`ref=${encodeURIComponent(value)}`);
      const json = await request(app)
        .post("/book")
        .send({ booking: { ref: value, phone: value } });
      const multipart = await request(app).post("/book").field("ref", value);
      expect([value, query.status, form.status, json.status, multipart.status]).toEqual([
        value,
        200,
        200,
        200,
        200,
      ]);
    }
  });

  it("leaves the parsed url-encoded or JSON body for the route", async () => {
    const { app } = appWith();
    const form = await request(app).post("/book").type("form").send("car=compact&days=2");
    expect(form.body.body).toEqual({ car: "compact", days: "2" });
    const json = await request(app).post("/book").send({ car: "compact" });
    expect(json.body.body).toEqual({ car: "compact" });
  });

  it("does not scan machine-made tokens (csrf field and header, cookies)", async () => {
    const { app } = appWith();
    const hex = `aa${"4242424242424242"}bb.${"5555555555554444"}`;
    const response = await request(app)
      .post("/book")
      .set("Cookie", `session=${hex}`)
      .set("X-CSRF-Token", hex)
      .type("form")
      .send(`_csrf=${hex}&car=compact`);
    expect(response.status).toBe(200);
  });

  it("answers 413 for a body beyond its limit", async () => {
    const { app } = appWith();
    const response = await request(app)
      .post("/book")
      .set("Accept", "application/json")
      .field("big", "x".repeat(200 * 1024));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
