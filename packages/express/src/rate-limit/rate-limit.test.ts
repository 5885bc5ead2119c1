import { describe, expect, it } from "@jest/globals";
import express from "express";
import { MemoryStore } from "express-rate-limit";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { listen } from "../test-support/listen";
import { captureLogs } from "../test-support/log-capture";
import { checkoutRateLimit, returnRateLimit } from ".";

/** A memory store that counts what it is asked to count (a Redis store plugs in the same way). */
class CountingStore extends MemoryStore {
  increments = 0;
  override async increment(key: string) {
    this.increments++;
    return super.increment(key);
  }
}

describe("rate limits", () => {
  it("answers 429 RATE_LIMITED past the limit, with standard RateLimit headers", async () => {
    const logs = captureLogs();
    const app = express();
    app.post("/checkout", checkoutRateLimit({ limit: 2, logger: logs.logger }), (_req, res) => {
      res.status(303).location("https://pay.fake.test/").end();
    });
    app.use(errorHandler());
    const { server, close } = await listen(app);
    try {
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 3; i++) {
        last = await request(server).post("/checkout").set("Accept", "application/json");
        statuses.push(last.status);
      }
      expect(statuses).toEqual([303, 303, 429]);
      expect(last?.body.error.code).toBe("RATE_LIMITED");
      expect(last?.headers["ratelimit-policy"]).toMatch(/^"checkout"; q=2; w=600/);
      expect(last?.headers.ratelimit).toMatch(/^"checkout"; r=0; t=\d+/);
      expect(logs.lines().some((line) => line.limiter === "checkout")).toBe(true);
    } finally {
      await close();
    }
  });

  it("uses the store it is given and the return-page defaults", async () => {
    const store = new CountingStore();
    const app = express();
    app.get("/checkout/return", returnRateLimit({ store, limit: 1 }), (_req, res) => {
      res.send("ok");
    });
    app.use(errorHandler());
    expect((await request(app).get("/checkout/return")).status).toBe(200);
    expect((await request(app).get("/checkout/return")).status).toBe(429);
    expect(store.increments).toBe(2);
  });

  it("counts clients apart by the key it is given", async () => {
    const app = express();
    app.get(
      "/r",
      returnRateLimit({ limit: 1, keyGenerator: (req) => String(req.headers["x-client"]) }),
      (_req, res) => {
        res.send("ok");
      },
    );
    app.use(errorHandler());
    expect((await request(app).get("/r").set("X-Client", "a")).status).toBe(200);
    expect((await request(app).get("/r").set("X-Client", "b")).status).toBe(200);
    expect((await request(app).get("/r").set("X-Client", "a")).status).toBe(429);
  });
});
