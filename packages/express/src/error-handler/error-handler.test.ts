import { describe, expect, it } from "@jest/globals";
import { type ErrorCode, LinkpayError } from "@linkpay/core";
import express from "express";
import request from "supertest";
import { captureLogs } from "../test-support/log-capture";
import { errorHandler, notFoundHandler } from ".";

function appThrowing(error: unknown, options: Parameters<typeof errorHandler>[0] = {}) {
  const logs = captureLogs();
  const app = express();
  app.use(express.json({ limit: "1kb" }));
  app.all("/fail", () => {
    throw error;
  });
  app.use(notFoundHandler());
  app.use(errorHandler({ logger: logs.logger, ...options }));
  return { app, logs };
}

const json = (app: express.Express, path = "/fail") =>
  request(app).get(path).set("Accept", "application/json");

describe("errorHandler", () => {
  it("maps linkpay codes to their status and a fixed message, never the error's own", async () => {
    const cases: [ErrorCode, number][] = [
      ["CARD_DATA_DETECTED", 400],
      ["WEBHOOK_SIGNATURE_INVALID", 400],
      ["CHECKOUT_ALREADY_PAID", 409],
      ["REDIRECT_NOT_ALLOWED", 502],
      ["STORE_UNAVAILABLE", 503],
      ["CONFIG_INVALID", 500],
      ["UNKNOWN_PROVIDER", 404],
    ];
    for (const [code, status] of cases) {
      const secret = "internal detail: postgres://admin:hunter2@db";
      const { app } = appThrowing(new LinkpayError(code, secret, { details: { table: "x" } }));
      const response = await json(app);
      expect([code, response.status, response.body.error.code]).toEqual([code, status, code]);
      expect(JSON.stringify(response.body)).not.toMatch(/hunter2|postgres|table|stack/);
      expect(response.headers["cache-control"]).toBe("no-store");
    }
  });

  it("answers 500 INTERNAL_ERROR with a request id for unknown errors; the log has the rest", async () => {
    const { app, logs } = appThrowing(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    const response = await json(app);
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("INTERNAL_ERROR");
    expect(response.text).not.toMatch(/TypeError|reading|at .*\.ts/);
    const line = logs.lines().find((entry) => entry.code === "INTERNAL_ERROR");
    expect(line?.requestId).toBe(response.body.error.requestId);
    expect(JSON.stringify(line?.err)).toContain("TypeError");
  });

  it("maps body parser errors to 400 INVALID_BODY and 413 PAYLOAD_TOO_LARGE", async () => {
    const { app } = appThrowing(new Error("unused"));
    const bad = await request(app)
      .post("/fail")
      .set("Accept", "application/json")
      .type("json")
      .send("{oops");
    expect([bad.status, bad.body.error.code]).toEqual([400, "INVALID_BODY"]);
    expect(bad.text).not.toContain("oops");
    const big = await request(app)
      .post("/fail")
      .set("Accept", "application/json")
      .send({ pad: "x".repeat(4096) });
    expect([big.status, big.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("answers plain text to browsers, or the app's page when it renders one", async () => {
    const error = new LinkpayError("CHECKOUT_CHANGED", "changed");
    const text = await request(appThrowing(error).app).get("/fail").set("Accept", "text/html");
    expect(text.status).toBe(409);
    expect(text.headers["content-type"]).toMatch(/^text\/plain/);
    expect(text.text).toMatch(
      /^This order changed since its payment started; please start again\. \(CHECKOUT_CHANGED, request [0-9a-f-]{36}\)/,
    );
    const { app } = appThrowing(error, {
      renderHtml: (problem, _req, res) => {
        res.type("html").send(`<h1>${problem.code}</h1>`);
      },
    });
    const html = await request(app).get("/fail").set("Accept", "text/html");
    expect([html.status, html.text]).toEqual([409, "<h1>CHECKOUT_CHANGED</h1>"]);
  });

  it("classifies errors first: a store that is down answers 503 with Retry-After, a bug stays 500", async () => {
    /** What a driver throws when the database refuses connections, and how an app sorts it. */
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    const classify = (error: unknown): unknown =>
      error === refused
        ? new LinkpayError("STORE_UNAVAILABLE", "The database is down; try again later", {
            cause: error,
            details: { operation: "app query" },
          })
        : error;

    const down = appThrowing(refused, { classify });
    const unavailable = await json(down.app);
    expect([unavailable.status, unavailable.body.error.code]).toEqual([503, "STORE_UNAVAILABLE"]);
    expect(unavailable.headers["retry-after"]).toBe("5");
    expect(unavailable.text).not.toContain("ECONNREFUSED");
    const line = down.logs.lines().find((entry) => entry.code === "STORE_UNAVAILABLE");
    expect(line).toMatchObject({
      level: 40,
      msg: "service unavailable",
      status: 503,
      details: { operation: "app query" },
      cause: "connect ECONNREFUSED 127.0.0.1:5432",
    });
    expect(line?.err).toBeUndefined();

    const bug = await json(appThrowing(new TypeError("x is undefined"), { classify }).app);
    expect([bug.status, bug.body.error.code]).toEqual([500, "INTERNAL_ERROR"]);
    expect(bug.headers["retry-after"]).toBeUndefined();
    const unclassified = await json(appThrowing(refused).app);
    expect([unclassified.status, unclassified.body.error.code]).toEqual([500, "INTERNAL_ERROR"]);
  });

  it("logs a failing merchant hook (retryable, but a bug) as an error with its stack", async () => {
    const hookBug = new TypeError("booking.car is undefined");
    const failed = appThrowing(
      new LinkpayError("HOOK_FAILED", "The onPaid hook threw", { cause: hookBug }),
    );
    const answer = await json(failed.app);
    expect(answer.headers["retry-after"]).toBe("5");
    const line = failed.logs.lines().find((entry) => entry.code === "HOOK_FAILED");
    expect(line).toMatchObject({ level: 50, msg: "request failed" });
    expect(JSON.stringify(line?.err)).toContain("booking.car is undefined");
  });

  it("answers 404 NOT_FOUND for unknown paths, data files included, and never redirects", async () => {
    const { app } = appThrowing(new Error("unused"));
    for (const path of ["/.env", "/backup.sql", "/nothing?next=https://evil.example/"]) {
      const response = await json(app, path);
      expect([path, response.status, response.body.error.code]).toEqual([path, 404, "NOT_FOUND"]);
      expect(response.headers.location).toBeUndefined();
    }
  });
});
