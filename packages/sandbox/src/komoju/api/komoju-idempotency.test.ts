import { describe, expect, it } from "@jest/globals";
import { silentLogger } from "@linkpay/core";
import express from "express";
import request from "supertest";
import { IdempotencyStore } from "../../api/idempotency";
import { requestIds } from "../../api/request-id";
import { komojuAuthenticate } from "./komoju-authenticate";
import { komojuErrorHandler } from "./komoju-error-handler";
import { KOMOJU_IDEMPOTENCY } from "./komoju-idempotency";

const auth = `Basic ${Buffer.from("sk_test_idempotency:").toString("base64")}`;

/** An app whose one route waits for `release` before answering, so a request stays in flight. */
function slowApp() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  const store = new IdempotencyStore(() => new Date(), KOMOJU_IDEMPOTENCY);
  const app = express();
  app.use(requestIds());
  app.use(komojuAuthenticate(undefined));
  app.use(express.json());
  app.post(
    "/things",
    store.handle(async () => {
      calls += 1;
      await gate;
      return { id: `thing-${calls}` };
    }),
  );
  app.use(komojuErrorHandler(silentLogger));
  return { app, release, calls: () => calls };
}

describe("X-KOMOJU-IDEMPOTENCY", () => {
  it("answers 409 idempotency_conflict while the first request runs, then replays it", async () => {
    const { app, release, calls } = slowApp();
    const server = app.listen(0, "127.0.0.1");
    try {
      const post = () =>
        request(server)
          .post("/things")
          .set({ Authorization: auth, "X-KOMOJU-IDEMPOTENCY": "key-1" })
          .send({ a: 1 });
      const first = post().then((response) => response);
      const deadline = Date.now() + 2_000;
      while (calls() === 0) {
        if (Date.now() > deadline) throw new Error("the first request never started");
        await new Promise((resolve) => setImmediate(resolve));
      }
      const conflict = await post();
      expect(conflict.status).toBe(409);
      expect(conflict.body).toEqual({
        error: { code: "idempotency_conflict", message: expect.any(String), param: null },
      });
      release();
      expect((await first).body).toEqual({ id: "thing-1" });
      expect((await post()).body).toEqual({ id: "thing-1" });
      expect(calls()).toBe(1);
    } finally {
      server.close();
    }
  });
});
