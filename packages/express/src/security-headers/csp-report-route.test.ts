import { describe, expect, it } from "@jest/globals";
import { type CspReportStore, createMemoryCspReportStore } from "@linkpay/core";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { captureLogs } from "../test-support/log-capture";
import { cspReportRoute } from ".";

const PAN = "4111111111111111";
const AT = new Date("2026-12-05T10:00:00.000Z");

function appWith(options: { perMinute?: number; store?: CspReportStore } = {}) {
  const logs = captureLogs();
  const app = express();
  const route = cspReportRoute({ logger: logs.logger, now: () => AT, ...options });
  app.use(route);
  app.use(errorHandler());
  return { app, logs, store: route.store };
}

/** What Chromium 156 sends for report-uri (captured from a real run, URLs changed). */
const legacyBody = {
  "csp-report": {
    "document-uri": `https://shop.example/bookings/new?token=secret-token&card=${PAN}`,
    referrer: "",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'self'; script-src 'self'; report-uri /csp-reports",
    disposition: "enforce",
    "blocked-uri": `https://skimmer.example/collect.js?c=${PAN}#x`,
    "status-code": 200,
    "script-sample": "",
  },
};

/** What Chromium 156 sends through the Reporting API (captured, URLs changed). */
const reportingBody = [
  {
    age: 0,
    body: {
      blockedURL: "inline",
      columnNumber: 92,
      disposition: "enforce",
      documentURL: "https://shop.example/bookings/new",
      effectiveDirective: "script-src-elem",
      lineNumber: 1,
      originalPolicy: "default-src 'self'; script-src 'self'; report-to csp-endpoint",
      referrer: "",
      sample: "",
      sourceFile: "https://shop.example/bookings/new",
      statusCode: 200,
    },
    type: "csp-violation",
    url: "https://shop.example/bookings/new",
    user_agent: "Mozilla/5.0",
  },
  { age: 0, type: "deprecation", body: { id: "x" }, url: "https://shop.example/" },
];

const violationLines = (logs: ReturnType<typeof captureLogs>) =>
  logs.lines().filter((entry) => entry.cspViolation !== undefined);

describe("cspReportRoute", () => {
  it("keeps a report-uri report without query strings or card numbers, and logs it at warn", async () => {
    const { app, logs, store } = appWith();
    const response = await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send(JSON.stringify(legacyBody));
    expect(response.status).toBe(204);
    const kept = await store.listCspViolations();
    expect(kept).toEqual([
      {
        documentUrl: "https://shop.example/bookings/new",
        blockedUrl: "https://skimmer.example/collect.js",
        directive: "script-src-elem",
        disposition: "enforce",
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        count: 1,
        firstSeenAt: AT,
        lastSeenAt: AT,
      },
    ]);
    const [line] = violationLines(logs);
    expect(line?.level).toBe(40);
    expect(line?.cspViolation).toMatchObject({ blockedUrl: "https://skimmer.example/collect.js" });
    expect(logs.text()).not.toContain(PAN);
    expect(logs.text()).not.toContain("secret-token");
  });

  it("keeps a Reporting API batch (application/reports+json), skipping other report types", async () => {
    const { app, store } = appWith();
    await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/reports+json")
      .send(JSON.stringify(reportingBody))
      .expect(204);
    expect(await store.listCspViolations()).toEqual([
      expect.objectContaining({
        documentUrl: "https://shop.example/bookings/new",
        blockedUrl: "inline",
        directive: "script-src-elem",
        sourceFile: "https://shop.example/bookings/new",
        line: 1,
        column: 92,
      }),
    ]);
  });

  it("reads a single Reporting API report, whatever the label (as Safari sends them)", async () => {
    const { app, store } = appWith();
    await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send(JSON.stringify(reportingBody[0]))
      .expect(204);
    expect(await store.listCspViolations()).toEqual([
      expect.objectContaining({ blockedUrl: "inline", directive: "script-src-elem" }),
    ]);
  });

  it("counts a violation reported again and logs it only the first time", async () => {
    const { app, logs, store } = appWith();
    for (let i = 0; i < 3; i++) {
      await request(app)
        .post("/csp-reports")
        .set("Content-Type", "application/csp-report")
        .send(JSON.stringify(legacyBody))
        .expect(204);
    }
    expect((await store.listCspViolations()).map((entry) => entry.count)).toEqual([3]);
    expect(violationLines(logs)).toHaveLength(1);
  });

  it("keeps at most the store's bound of distinct violations", async () => {
    const { app, store } = appWith({ store: createMemoryCspReportStore({ maxEntries: 2 }) });
    for (const name of ["a", "b", "c"]) {
      const body = {
        "csp-report": {
          ...legacyBody["csp-report"],
          "blocked-uri": `https://x.example/${name}.js`,
        },
      };
      await request(app)
        .post("/csp-reports")
        .set("Content-Type", "application/csp-report")
        .send(JSON.stringify(body))
        .expect(204);
    }
    expect((await store.listCspViolations()).map((entry) => entry.blockedUrl)).toEqual([
      "https://x.example/c.js",
      "https://x.example/b.js",
    ]);
  });

  it("drops reports that name no page or no directive", async () => {
    const { app, store } = appWith();
    await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send(JSON.stringify({ "csp-report": { "blocked-uri": "https://x.example/a.js" } }))
      .expect(204);
    expect(await store.listCspViolations()).toEqual([]);
  });

  it("answers 204 and logs the reports when the store fails", async () => {
    const failing: CspReportStore = {
      recordCspViolations: () => Promise.reject(new Error("database is down")),
      listCspViolations: () => Promise.resolve([]),
    };
    const { app, logs } = appWith({ store: failing });
    await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send(JSON.stringify(legacyBody))
      .expect(204);
    const line = logs
      .lines()
      .find((entry) => entry.msg === "Content-Security-Policy violations could not be stored");
    expect(line?.level).toBe(50);
    expect(line?.cspViolations).toEqual([
      expect.objectContaining({ blockedUrl: "https://skimmer.example/collect.js" }),
    ]);
    expect(logs.text()).not.toContain(PAN);
  });

  it("is rate-limited", async () => {
    const { app } = appWith({ perMinute: 2 });
    const send = () =>
      request(app).post("/csp-reports").set("Content-Type", "application/reports+json").send("[]");
    expect([(await send()).status, (await send()).status, (await send()).status]).toEqual([
      204, 204, 429,
    ]);
  });

  it("refuses large or malformed bodies without keeping or logging them", async () => {
    const { app, logs, store } = appWith();
    const large = await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send(JSON.stringify({ "csp-report": { "document-uri": "x".repeat(20_000) } }));
    expect(large.status).toBe(413);
    const garbage = await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send("{not json");
    expect(garbage.status).toBe(400);
    expect(violationLines(logs)).toEqual([]);
    expect(await store.listCspViolations()).toEqual([]);
  });
});
