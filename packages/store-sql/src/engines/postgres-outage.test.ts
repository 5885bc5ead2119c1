import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createPayments, isLinkpayError, money, type Payments } from "@linkpay/core";
import { createFakeProvider, rejectionOf } from "@linkpay/core/testing";
import { createSqlStore, type SqlStore } from "../store/sql-store";
import { createHookTable, hookCalls, recordingHooks } from "../test/hook-table";
import { startTcpProxy, type TcpProxy } from "../test/tcp-proxy";
import { adminUrl, describePostgres } from "../testing/postgres";

function expectRetryable(error: unknown): void {
  expect(isLinkpayError(error, "STORE_UNAVAILABLE") && error.retryable && error.status).toBe(503);
}

describePostgres("PostgreSQL unreachable or restarted mid-run", (database) => {
  const fake = createFakeProvider();
  let proxy: TcpProxy;
  let direct: SqlStore;
  let store: SqlStore;
  let payments: Payments;
  let pauseHook: Promise<void> | null = null;
  let hookEntered: () => void = () => undefined;

  beforeAll(async () => {
    const server = new URL(adminUrl());
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    direct = createSqlStore({ url: database.url });
    await direct.migrate();
    await createHookTable(direct.db);
    store = createSqlStore({
      url: database.urlVia(proxy.host, proxy.port),
      poolSize: 3,
      connectTimeoutMs: 2_000,
    });
    const hooks = recordingHooks({
      afterWrite: async () => {
        hookEntered();
        if (pauseHook) await pauseHook;
      },
    });
    payments = createPayments({
      providers: [fake],
      store,
      urls: { success: "https://shop.example/ok", cancel: "https://shop.example/c" },
      hooks,
    });
  });
  afterAll(async () => {
    await store.close();
    await direct.close();
    await proxy.close();
  });

  async function checkout(orderRef: string) {
    const { attempt } = await payments.startCheckout({
      orderRef,
      currency: "JPY",
      total: 2_200,
      lineItems: [{ name: "GPS", unitAmount: 2_200, quantity: 1 }],
    });
    const delivery = fake.deliver({
      type: "payment.succeeded",
      sessionId: attempt.providerSessionId ?? "",
    });
    return { attempt, apply: () => payments.handleWebhook({ provider: fake.id, ...delivery }) };
  }

  it("fails retryably while the server refuses connections, and recovers by itself", async () => {
    const { apply } = await checkout("DOWN-1");
    await proxy.refuse();
    expectRetryable(await rejectionOf(apply()));
    expectRetryable(await rejectionOf(store.findLatestAttempt({ orderRef: "DOWN-1" })));
    const now = new Date();
    const create = store.createAttempt({
      id: "down-att",
      orderRef: "DOWN-2",
      sequence: 1,
      provider: "fake",
      amount: money(1, "JPY"),
      expiresAt: now,
      now,
    });
    expectRetryable(await rejectionOf(create));
    expect((await direct.findLatestAttempt({ orderRef: "DOWN-1" }))?.status).toBe("open");

    await proxy.restore();
    expect(await apply()).toMatchObject({ outcome: "processed", changed: true });
    expect((await store.findLatestAttempt({ orderRef: "DOWN-1" }))?.status).toBe("paid");
  });

  it("recovers after every connection is dropped (a server restart)", async () => {
    const { apply } = await checkout("RESTART-1");
    const acceptedBefore = proxy.accepted;
    proxy.cut();
    await proxy.refuse();
    const during = await Promise.all([rejectionOf(apply()), rejectionOf(apply())]);
    for (const error of during) expectRetryable(error);
    await proxy.restore();
    const results = await Promise.all([apply(), apply()]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["duplicate", "processed"]);
    expect(proxy.accepted).toBeGreaterThan(acceptedBefore);
  });

  it("rolls back a transaction whose connection dies inside it; the redelivery applies once", async () => {
    const { attempt, apply } = await checkout("CUT-1");
    let resume: () => void = () => undefined;
    pauseHook = new Promise((resolve) => {
      resume = resolve;
    });
    const entered = new Promise<void>((resolve) => {
      hookEntered = resolve;
    });
    const pending = rejectionOf(apply());
    await entered;
    proxy.cut();
    resume();
    pauseHook = null;
    expectRetryable(await pending);
    expect(await direct.findEvent({ provider: "fake", eventId: "evt-CUT-1" })).toBeNull();
    expect((await direct.findLatestAttempt({ orderRef: "CUT-1" }))?.status).toBe("open");
    expect((await hookCalls(direct.db)).filter((c) => c.order_ref === "CUT-1")).toEqual([]);

    expect(await apply()).toMatchObject({ outcome: "processed", attemptId: attempt.id });
    expect((await hookCalls(direct.db)).filter((c) => c.order_ref === "CUT-1")).toHaveLength(1);
  });
});
