import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPayments, isLinkpayError, type Payments } from "@linkpay/core";
import { createFakeProvider, rejectionOf } from "@linkpay/core/testing";
import Database from "better-sqlite3";
import { createSqlStore, type SqlStore } from "../store/sql-store";
import { sqliteUrl, tempDir } from "../test/temp-dir";

const BUSY_TIMEOUT_MS = 400;

describe("SQLite file locked by another writer", () => {
  const dir = tempDir("lock");
  const url = sqliteUrl(dir.path);
  const fake = createFakeProvider();
  let store: SqlStore;
  let payments: Payments;
  let blocker: Database.Database;

  beforeAll(async () => {
    store = createSqlStore({ url, busyTimeoutMs: BUSY_TIMEOUT_MS });
    await store.migrate();
    payments = createPayments({
      providers: [fake],
      store,
      urls: { success: "https://shop.example/ok", cancel: "https://shop.example/cancel" },
    });
    blocker = new Database(url.slice("sqlite:".length));
  });
  afterAll(async () => {
    if (blocker.inTransaction) blocker.exec("ROLLBACK");
    blocker.close();
    await store.close();
    dir.remove();
  });

  async function checkout(orderRef: string) {
    const { attempt } = await payments.startCheckout({
      orderRef,
      currency: "JPY",
      total: 3_300,
      lineItems: [{ name: "Snow tyres", unitAmount: 3_300, quantity: 1 }],
    });
    const delivery = fake.deliver({
      type: "payment.succeeded",
      sessionId: attempt.providerSessionId ?? "",
    });
    return { attempt, apply: () => payments.handleWebhook({ provider: fake.id, ...delivery }) };
  }

  it("waits up to the busy timeout without blocking the event loop, then fails retryably", async () => {
    const { attempt, apply } = await checkout("LOCK-1");
    blocker.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const error = await rejectionOf(apply());
    const waited = Date.now() - started;
    clearInterval(ticker);
    expect(isLinkpayError(error, "STORE_UNAVAILABLE") && error.retryable).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 20);
    expect(waited).toBeLessThan(BUSY_TIMEOUT_MS * 5);
    expect(ticks).toBeGreaterThanOrEqual(5);
    // Readers are not blocked by the writer (WAL).
    expect((await store.findLatestAttempt({ orderRef: "LOCK-1" }))?.status).toBe("open");
    blocker.exec("ROLLBACK");

    expect(await apply()).toMatchObject({ outcome: "processed", attemptId: attempt.id });
    expect((await store.findLatestAttempt({ orderRef: "LOCK-1" }))?.status).toBe("paid");
  });

  it("gets the lock when the other writer lets go within the busy timeout", async () => {
    const patient = createSqlStore({ url, busyTimeoutMs: 10_000 });
    try {
      const { apply } = await checkout("LOCK-2");
      const delivery = fake.deliver({
        type: "payment.succeeded",
        sessionId: (await store.findLatestAttempt({ orderRef: "LOCK-2" }))?.providerSessionId ?? "",
      });
      const viaPatient = createPayments({
        providers: [fake],
        store: patient,
        urls: { success: "https://shop.example/ok", cancel: "https://shop.example/cancel" },
      });
      blocker.exec("BEGIN IMMEDIATE");
      setTimeout(() => blocker.exec("COMMIT"), 150);
      const started = Date.now();
      const result = await viaPatient.handleWebhook({ provider: fake.id, ...delivery });
      expect(result).toMatchObject({ outcome: "processed", changed: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(await apply()).toMatchObject({ outcome: "processed", changed: false });
    } finally {
      await patient.close();
    }
  });

  it("leaves the file intact", async () => {
    expect(blocker.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    expect(blocker.pragma("journal_mode")).toEqual([{ journal_mode: "wal" }]);
    const paid = ["LOCK-1", "LOCK-2"].map((orderRef) => store.findLatestAttempt({ orderRef }));
    expect((await Promise.all(paid)).map((a) => a?.status)).toEqual(["paid", "paid"]);
  });
});
