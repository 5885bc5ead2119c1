import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createPayments, type Payments } from "@linkpay/core";
import { createFakeProvider } from "@linkpay/core/testing";
import { sql } from "kysely";
import { createHookTable, hookCalls, recordingHooks } from "../test/hook-table";
import { describePostgres } from "../testing/postgres";
import { createSqlStore, type SqlStore } from "./sql-store";
import type { SqlTransactionHandle } from "./sql-transaction-handle";

const URLS = { success: "https://shop.example/ok", cancel: "https://shop.example/cancel" };

describePostgres("PostgreSQL across connections", (database) => {
  const fake = createFakeProvider();
  const stores: SqlStore[] = [];
  let admin: SqlStore;
  let instances: Payments[];
  const open = () => {
    const store = createSqlStore({ url: database.url, poolSize: 2 });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    admin = open();
    await admin.migrate();
    await createHookTable(admin.db);
    instances = Array.from({ length: 10 }, () =>
      createPayments({ providers: [fake], store: open(), urls: URLS, hooks: recordingHooks() }),
    );
  });
  afterAll(() => Promise.all(stores.map((store) => store.close())));

  async function startOn(payments: Payments, orderRef: string) {
    const { attempt } = await payments.startCheckout({
      orderRef,
      currency: "JPY",
      total: 4_400,
      lineItems: [{ name: "Bike, 1 day", unitAmount: 4_400, quantity: 1 }],
    });
    return attempt;
  }

  it("fulfils once when 10 app instances receive the same event at once", async () => {
    const [first] = instances;
    if (!first) throw new Error("no instances");
    const attempt = await startOn(first, "PG-10X");
    const delivery = fake.deliver({
      type: "payment.succeeded",
      sessionId: attempt.providerSessionId ?? "",
      eventId: "evt-pg-10x",
    });
    const results = await Promise.all(
      instances.map((payments) => payments.handleWebhook({ provider: fake.id, ...delivery })),
    );
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toEqual(["duplicate", ...Array(8).fill("duplicate"), "processed"].sort());
    const calls = (await hookCalls(admin.db)).filter((c) => c.order_ref === "PG-10X");
    expect(calls.map((c) => c.effect)).toEqual(["paid"]);
    expect(await admin.listAudit({ attemptId: attempt.id })).toHaveLength(1);
  });

  it("never hands one stale attempt to two instances claiming at once", async () => {
    const [first] = instances;
    if (!first) throw new Error("no instances");
    for (let i = 0; i < 30; i++) await startOn(first, `PG-CLAIM-${i}`);
    const now = new Date(Date.now() + 7_200_000);
    const claim = (store: SqlStore) =>
      store.claimStaleAttempts({ updatedBefore: now, now, limit: 12, leaseSeconds: 600 });
    const rounds = await Promise.all(stores.slice(1, 6).map(claim));
    const ids = rounds.flat().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = await claim(admin);
    const claimedOrders = [...rounds.flat(), ...again]
      .map((a) => a.orderRef)
      .filter((ref) => ref.startsWith("PG-CLAIM-"));
    expect(claimedOrders.sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `PG-CLAIM-${i}`).sort(),
    );
    expect(new Set([...ids, ...again.map((a) => a.id)]).size).toBe(ids.length + again.length);
  });

  it("retries a transaction PostgreSQL aborts to break a deadlock, so callers never see it", async () => {
    await sql`create table inventory (id text primary key, n integer not null)`.execute(admin.db);
    await sql`insert into inventory (id, n) values ('x', 0), ('y', 0)`.execute(admin.db);
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothInside = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const bump = (id: string, tx: SqlTransactionHandle) =>
      sql`update inventory set n = n + 1 where id = ${id}`.execute(tx.db);
    const lockingHook = (firstId: string, secondId: string) =>
      createPayments({
        providers: [fake],
        store: open(),
        urls: URLS,
        hooks: {
          onPaid: async ({ tx }) => {
            runs++;
            await bump(firstId, tx);
            if (++arrived === 2) release();
            await bothInside;
            await bump(secondId, tx);
          },
        },
      });
    const a = lockingHook("x", "y");
    const b = lockingHook("y", "x");
    const [first] = instances;
    if (!first) throw new Error("no instances");
    const deliveries = await Promise.all(
      ["PG-DEADLOCK-A", "PG-DEADLOCK-B"].map(async (ref) => {
        const attempt = await startOn(first, ref);
        return fake.deliver({
          type: "payment.succeeded",
          sessionId: attempt.providerSessionId ?? "",
        });
      }),
    );
    const [da, db] = deliveries;
    if (!da || !db) throw new Error("no deliveries");
    const results = await Promise.all([
      a.handleWebhook({ provider: fake.id, ...da }),
      b.handleWebhook({ provider: fake.id, ...db }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["processed", "processed"]);
    expect(runs).toBe(3);
    const counts = await sql<{ n: number }>`select n from inventory order by id`.execute(admin.db);
    expect(counts.rows).toEqual([{ n: 2 }, { n: 2 }]);
  }, 15_000);
});
