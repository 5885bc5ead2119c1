import { describe, expect, it } from "@jest/globals";
import { createMemoryRateLimitStore, LinkpayError, type RateLimitStore } from "@linkpay/core";
import express from "express";
import { MemoryStore } from "express-rate-limit";
import request from "supertest";
import { errorHandler } from "../error-handler";
import { listen } from "../test-support/listen";
import { captureLogs } from "../test-support/log-capture";
import { checkoutRateLimit, rateLimit, returnRateLimit } from ".";

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

  describe("in a shared RateLimitStore (several instances)", () => {
    /** An app instance: its own limiters (as each process builds them) over the shared store. */
    function instance(store: RateLimitStore, at: () => Date) {
      const app = express();
      const ok = (_req: express.Request, res: express.Response) => void res.send("ok");
      app.post("/bookings", checkoutRateLimit({ store, limit: 3, now: at }), ok);
      app.post("/bookings/:ref/pay", checkoutRateLimit({ store, limit: 3, now: at }), ok);
      app.post("/my-booking", rateLimit("lookup", { windowMs: 60_000, limit: 3 }, { store }), ok);
      app.use(errorHandler());
      return app;
    }

    it("refuses the N+1th request whichever instance it reaches, until the store's window ends", async () => {
      const store = createMemoryRateLimitStore();
      let now = new Date("2026-12-05T09:00:00Z");
      const at = () => now;
      const [a, b] = [instance(store, at), instance(store, at)];
      const statuses: number[] = [];
      for (const app of [a, b, a]) statuses.push((await request(app).post("/bookings")).status);
      // Both checkout routes count against one budget: the limiter's name, not its route.
      const fourth = await request(b).post("/bookings/R1/pay");
      const fifth = await request(a).post("/bookings");
      expect([...statuses, fourth.status, fifth.status]).toEqual([200, 200, 200, 429, 429]);
      expect(fourth.headers.ratelimit).toMatch(/^"checkout"; r=0; t=\d+$/);
      // Another limiter counts apart.
      expect((await request(b).post("/my-booking")).status).toBe(200);
      // A new window once the store's window has ended, on every instance.
      now = new Date(now.getTime() + 600_000);
      expect((await request(b).post("/bookings")).status).toBe(200);
      expect((await request(a).post("/bookings")).status).toBe(200);
    });

    it("answers 503 STORE_UNAVAILABLE when the store cannot count, rather than letting requests through", async () => {
      const down: RateLimitStore = {
        hitRateLimit: () => Promise.reject(new LinkpayError("STORE_UNAVAILABLE", "database down")),
        undoRateLimitHit: async () => undefined,
        resetRateLimit: async () => undefined,
      };
      const app = instance(down, () => new Date());
      const answer = await request(app).post("/bookings").set("Accept", "application/json");
      expect(answer.status).toBe(503);
      expect(answer.body.error.code).toBe("STORE_UNAVAILABLE");
    });
  });
});
