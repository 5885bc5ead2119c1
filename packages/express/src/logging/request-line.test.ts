import { once } from "node:events";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "@jest/globals";
import express from "express";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { captureLogs } from "../test-support/log-capture";
import { redactUrl, requestLogging } from ".";

const TOKEN = "Zq9vX2mK7pL4nR8sT1uW3yA6bC0dE5fG";
const SESSION = "cs_test_a1B2c3D4e5F6g7H8i9J0";

function appWith(loggedQueryKeys?: readonly string[]) {
  const logs = captureLogs();
  const app = express();
  app.use(requestLogging({ logger: logs.logger, loggedQueryKeys }));
  app.get(/.*/, (_req, res) => {
    res.send("ok");
  });
  app.use(errorHandler());
  return { app, logs };
}

describe("the request line", () => {
  it("is one info line per request: method, path, query, status, duration, request id", async () => {
    const { app, logs } = appWith();
    const response = await request(app)
      .get(`/bookings/RC-7K2Q?t=${TOKEN}&lang=ja`)
      .set("Cookie", "sid=abc; __Host-linkpay.csrf=def")
      .set("User-Agent", "probe/1.0")
      .set("X-Note", "hello");
    const lines = logs.lines();
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      reqId: response.headers["x-request-id"],
      method: "GET",
      path: "/bookings/RC-7K2Q",
      query: "t=[redacted]&lang=ja",
      status: 200,
      durationMs: expect.any(Number),
      msg: "request completed",
    });
    expect(logs.text()).not.toMatch(/probe\/1\.0|hello|sid=|linkpay\.csrf|headers|remoteAddress/);
  });

  it("never writes a token from the query or the path, nor a provider's session id", async () => {
    const { app, logs } = appWith();
    await request(app).get(`/bookings/RC-1?t=${TOKEN}`);
    await request(app).get(
      `/bookings/RC-1/return?session_id=${SESSION}&t=${encodeURIComponent(TOKEN)}`,
    );
    await request(app).get(`/r/${TOKEN}/receipt`);
    await request(app).get(`/s/${SESSION}`);
    await request(app).get(`/?${TOKEN}`);
    const text = logs.text();
    for (const secret of [TOKEN, SESSION, "a1B2c3D4e5F6"]) expect(text).not.toContain(secret);
    expect(logs.lines().map((line) => [line.path, line.query])).toEqual([
      ["/bookings/RC-1", "t=[redacted]"],
      ["/bookings/RC-1/return", "session_id=[redacted]&t=[redacted]"],
      ["/r/[redacted]/receipt", undefined],
      ["/s/[redacted]", undefined],
      ["/", "[redacted]"],
    ]);
  });

  it("logs the values of allowlisted keys only, card numbers still masked", async () => {
    const { app, logs } = appWith(["lang", "page"]);
    await request(app).get("/search?page=2&lang=4242+4242+4242+4242&email=a%40b.example");
    expect(logs.lines()[0]?.query).toBe("page=2&lang=[card ****4242]&email=[redacted]");
  });

  it("warns for 4xx and errs for 5xx, still one line", async () => {
    const logs = captureLogs();
    const app = express();
    app.use(requestLogging({ logger: logs.logger }));
    app.get("/gone", (_req, res) => {
      res.status(410).send("gone");
    });
    app.get("/broken", (_req, res) => {
      res.status(503).send("later");
    });
    await request(app).get("/gone?t=x");
    await request(app).get("/broken");
    expect(logs.lines().map((line) => [line.level, line.status, line.query])).toEqual([
      [40, 410, "t=[redacted]"],
      [50, 503, undefined],
    ]);
  });
  it("marks a request whose client left before the answer was complete as aborted", async () => {
    const logs = captureLogs();
    const app = express();
    app.use(requestLogging({ logger: logs.logger }));
    let arrived: () => void = () => undefined;
    const received = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    app.get("/slow", (_req, res) => {
      arrived();
      res.once("close", () => undefined); // never answered: the client hangs up first
    });
    const server: Server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      const client = httpRequest({ host: "127.0.0.1", port, path: "/slow?t=x" });
      client.on("error", () => undefined);
      client.end();
      await received;
      client.destroy();
      for (let i = 0; i < 100 && logs.lines().length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      server.close();
    }
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: 30,
        method: "GET",
        path: "/slow",
        query: "t=[redacted]",
        aborted: true,
        msg: "request completed",
      }),
    ]);
  });

  it("carries no error of its own on a 5xx line: the error handler's line has the error", async () => {
    const logs = captureLogs();
    const app = express();
    app.use(requestLogging({ logger: logs.logger }));
    app.get("/boom", () => {
      throw new Error("the database went away");
    });
    app.use(errorHandler());
    await request(app).get("/boom");
    const lines = logs.lines();
    expect(lines.map((line) => line.msg)).toEqual(["request failed", "request completed"]);
    expect(lines[1]).not.toHaveProperty("err");
    expect(lines[1]).toMatchObject({ level: 50, status: 500 });
    expect(lines[0]?.err).toMatchObject({ message: "the database went away" });
  });
});

describe("redactUrl", () => {
  it("keeps readable paths and masks token-like segments", () => {
    expect(redactUrl("/bookings/RC-2026-0001/cancel")).toEqual({
      path: "/bookings/RC-2026-0001/cancel",
    });
    expect(redactUrl("/api/orders/123456/items")).toEqual({ path: "/api/orders/123456/items" });
    expect(redactUrl("/x/9f2c8e1a-5b7d-4c3e-8a9f-0e1d2c3b4a59").path).toBe("/x/[redacted]");
    expect(redactUrl("/keys/sk_live_short").path).toBe("/keys/[redacted]");
    expect(redactUrl("/a?")).toEqual({ path: "/a" });
  });
});
