import { describe, expect, it } from "@jest/globals";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { captureLogs } from "../test-support/log-capture";
import { cspReportRoute } from ".";

const PAN = "4111111111111111";

function appWith(perMinute?: number) {
  const logs = captureLogs();
  const app = express();
  app.use(cspReportRoute({ logger: logs.logger, perMinute }));
  app.use(errorHandler());
  return { app, logs };
}

describe("cspReportRoute", () => {
  it("logs a report-uri report (application/csp-report), redacted", async () => {
    const { app, logs } = appWith();
    const response = await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/csp-report")
      .send(
        JSON.stringify({
          "csp-report": {
            "document-uri": `https://shop.example/checkout?card=${PAN}`,
            "blocked-uri": "https://skimmer.example/x.js",
            "violated-directive": "script-src-elem",
            "source-file": "https://shop.example/app.js",
            "line-number": 12,
          },
        }),
      );
    expect(response.status).toBe(204);
    const line = logs.lines().find((entry) => entry.cspViolation !== undefined);
    expect(line?.level).toBe(40);
    expect(line?.cspViolation).toMatchObject({
      blockedUrl: "https://skimmer.example/x.js",
      directive: "script-src-elem",
      line: 12,
    });
    expect(logs.text()).not.toContain(PAN);
  });

  it("logs report-to reports (application/reports+json) and skips other report types", async () => {
    const { app, logs } = appWith();
    const response = await request(app)
      .post("/csp-reports")
      .set("Content-Type", "application/reports+json")
      .send(
        JSON.stringify([
          {
            type: "csp-violation",
            body: { blockedURL: "inline", effectiveDirective: "script-src-elem" },
          },
          { type: "deprecation", body: { id: "x" } },
        ]),
      );
    expect(response.status).toBe(204);
    const violations = logs.lines().filter((entry) => entry.cspViolation !== undefined);
    expect(violations.map((entry) => entry.cspViolation)).toEqual([
      { blockedUrl: "inline", directive: "script-src-elem" },
    ]);
  });

  it("is rate-limited", async () => {
    const { app } = appWith(2);
    const send = () =>
      request(app).post("/csp-reports").set("Content-Type", "application/reports+json").send("[]");
    expect([(await send()).status, (await send()).status, (await send()).status]).toEqual([
      204, 204, 429,
    ]);
  });

  it("refuses large or malformed bodies without logging them", async () => {
    const { app, logs } = appWith();
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
    expect(logs.lines().some((entry) => entry.cspViolation !== undefined)).toBe(false);
  });
});
