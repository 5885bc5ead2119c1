import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createPayments, isLinkpayError, money, type Payments } from "@linkpay/core";
import { createFakeProvider, rejectionOf } from "@linkpay/core/testing";
import { sql } from "kysely";
import { describeEachEngine } from "../test/engines";
import { createHookTable, hookCalls, recordingHooks } from "../test/hook-table";
import { createSqlStore, type SqlStore } from "./sql-store";

const URLS = { success: "https://shop.example/ok/{ORDER_REF}", cancel: "https://shop.example/c" };
let serial = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`;

describeEachEngine("SQL store behaviour", (engine) => {
  let store: SqlStore;
  let payments: Payments;
  const fake = createFakeProvider();
  let failNextPaidHook = false;

  beforeAll(async () => {
    store = createSqlStore({ url: engine.url() });
    await store.migrate();
    await createHookTable(store.db);
    const hooks = recordingHooks({
      afterWrite: async () => {
        if (failNextPaidHook) {
          failNextPaidHook = false;
          throw new Error("the booking service said no");
        }
      },
    });
    payments = createPayments({ providers: [fake], store, urls: URLS, hooks });
  });
  afterAll(() => store.close());

  async function newAttempt(orderRef = unique("ORD"), amount = 5_000) {
    const now = new Date();
    return store.createAttempt({
      id: unique("att"),
      orderRef,
      sequence: 1,
      provider: "fake",
      amount: money(amount, "JPY"),
      expiresAt: new Date(now.getTime() + 1_800_000),
      now,
    });
  }

  it("round-trips timestamps to the millisecond and money up to Number.MAX_SAFE_INTEGER", async () => {
    const now = new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999));
    const expiresAt = new Date(Date.UTC(2030, 0, 1, 2, 3, 4, 567));
    const created = await store.createAttempt({
      id: unique("att"),
      orderRef: unique("BIG"),
      sequence: 1,
      provider: "fake",
      amount: money(Number.MAX_SAFE_INTEGER, "USD"),
      expiresAt,
      now,
    });
    const read = await store.findLatestAttempt({ orderRef: created.orderRef });
    expect(read).toEqual(created);
    expect(read?.expiresAt.getTime()).toBe(expiresAt.getTime());
    expect(read?.createdAt.getTime()).toBe(now.getTime());
    expect(read?.amount).toEqual(money(Number.MAX_SAFE_INTEGER, "USD"));
  });

  it("commits the merchant's own write with the payment, and rolls both back when a hook fails", async () => {
    const { attempt } = await payments.startCheckout({
      orderRef: unique("HOOK"),
      currency: "JPY",
      total: 7_700,
      lineItems: [{ name: "Van, 1 day", unitAmount: 7_700, quantity: 1 }],
    });
    const delivery = fake.deliver({
      type: "payment.succeeded",
      sessionId: attempt.providerSessionId ?? "",
      eventId: unique("evt"),
    });
    const mine = async () =>
      (await hookCalls(store.db)).filter((c) => c.order_ref === attempt.orderRef);

    failNextPaidHook = true;
    const error = await rejectionOf(payments.handleWebhook({ provider: "fake", ...delivery }));
    expect(isLinkpayError(error, "HOOK_FAILED")).toBe(true);
    expect(await mine()).toEqual([]);
    expect((await payments.getStatus({ orderRef: attempt.orderRef }))?.status).toBe("open");

    expect(await payments.handleWebhook({ provider: "fake", ...delivery })).toMatchObject({
      outcome: "processed",
      changed: true,
    });
    expect((await mine()).map((c) => c.effect)).toEqual(["paid"]);
  });

  it("refuses to bind a session another attempt already has", async () => {
    const first = await newAttempt();
    const second = await newAttempt();
    const session = unique("sess");
    const bind = (attemptId: string) =>
      store.attachSession({
        attemptId,
        providerSessionId: session,
        hostedUrl: "https://pay.fake.test/pay/x",
        expiresAt: first.expiresAt,
        now: new Date(),
      });
    await bind(first.id);
    const error = await rejectionOf(bind(second.id));
    expect(isLinkpayError(error, "ATTEMPT_CONFLICT")).toBe(true);
    expect((await store.findLatestAttempt({ orderRef: second.orderRef }))?.providerSessionId).toBe(
      null,
    );
  });

  it("keeps the audit trail append-only", async () => {
    const { attempt } = await payments.startCheckout({
      orderRef: unique("AUDIT"),
      currency: "JPY",
      total: 1_000,
      lineItems: [{ name: "Child seat", unitAmount: 1_000, quantity: 1 }],
    });
    await payments.handleWebhook({
      provider: "fake",
      ...fake.deliver({ type: "payment.succeeded", sessionId: attempt.providerSessionId ?? "" }),
    });
    const before = await store.listAudit({ attemptId: attempt.id });
    expect(before).toHaveLength(1);
    const audit = sql.table(store.tables.audit);
    const update = await rejectionOf(sql`update ${audit} set cause = 'forged'`.execute(store.db));
    const remove = await rejectionOf(sql`delete from ${audit}`.execute(store.db));
    expect(String(update)).toMatch(/append-only/);
    expect(String(remove)).toMatch(/append-only/);
    expect(await store.listAudit({ attemptId: attempt.id })).toEqual(before);
  });

  it("purges raw payloads past the retention, keeping the event's digest and outcome", async () => {
    const attempt = await newAttempt();
    const day = 86_400_000;
    const record = (eventId: string, ageDays: number) => ({
      provider: "fake",
      eventId,
      kind: "payment.pending" as const,
      attemptId: attempt.id,
      receivedAt: new Date(Date.now() - ageDays * day),
      outcome: "processed" as const,
      reason: null,
      payloadDigest: "ab".repeat(32),
      payload: { id: eventId, secretish: "customer@example.com" },
    });
    const old = record(unique("old"), 100);
    const fresh = record(unique("fresh"), 1);
    await store.transaction(async (tx) => {
      await tx.insertEvent(old);
      await tx.insertEvent(fresh);
    });
    expect(await store.purgeRawPayloads()).toBeGreaterThanOrEqual(1);
    const purged = await store.findEvent({ provider: "fake", eventId: old.eventId });
    expect(purged).toMatchObject({
      payload: null,
      payloadDigest: old.payloadDigest,
      outcome: "processed",
    });
    expect((await store.findEvent({ provider: "fake", eventId: fresh.eventId }))?.payload).toEqual(
      fresh.payload,
    );
    expect(await store.purgeRawPayloads({ olderThan: new Date(Date.now() - 50 * day) })).toBe(0);
  });

  it("answers CONFIG_INVALID when the tables were never migrated", async () => {
    const bare = createSqlStore({ url: engine.url(), tablePrefix: "never_migrated_" });
    try {
      const error = await rejectionOf(bare.findLatestAttempt({ orderRef: "X" }));
      expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(true);
      expect(String(error)).toMatch(/linkpay-migrate up/);
    } finally {
      await bare.close();
    }
  });
});
