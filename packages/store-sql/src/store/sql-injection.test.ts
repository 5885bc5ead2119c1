import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { money } from "@linkpay/core";
import { sql } from "kysely";
import { describeEachEngine } from "../test/engines";
import { createSqlStore, type SqlStore } from "./sql-store";

/** Strings that break string-built SQL; each must be stored and read back as it is. */
const HOSTILE = [
  "'; DROP TABLE linkpay_attempts; --",
  '"; DROP TABLE "linkpay_events"; --',
  "Robert'); DELETE FROM linkpay_audit WHERE ('1'='1",
  "\\'; SELECT pg_sleep(5); --",
  `$1 ? ?1 :name @p0 %s \${x} $$ $tag$`,
  "注文・ü・🚗 ‮RTL",
  "line\nbreak\ttab\rreturn",
  "x".repeat(5_000),
];

describeEachEngine("hostile strings", (engine) => {
  let store: SqlStore;
  beforeAll(async () => {
    store = createSqlStore({ url: engine.url() });
    await store.migrate();
  });
  afterAll(() => store.close());

  it.each(HOSTILE.map((text, index) => [index, text] as const))(
    "stores and reads back hostile string #%i verbatim",
    async (index, text) => {
      const now = new Date();
      const orderRef = `${text}#${index}`;
      const session = `${text}-session`;
      const eventId = `${text}-event`;
      const created = await store.createAttempt({
        id: `${text}-id`,
        orderRef,
        sequence: 1,
        provider: `${text}-provider`,
        amount: money(100, "JPY"),
        expiresAt: now,
        now,
      });
      await store.attachSession({
        attemptId: created.id,
        providerSessionId: session,
        hostedUrl: `https://pay.example/${encodeURIComponent(text)}`,
        expiresAt: now,
        now,
      });
      const payload = { text, [text]: [text, { nested: text }], nul: `a\u0000b${text}` };
      const event = {
        provider: created.provider,
        eventId,
        kind: "payment.succeeded" as const,
        attemptId: created.id,
        receivedAt: now,
        outcome: "rejected" as const,
        reason: text,
        payloadDigest: "0".repeat(64),
        payload,
      };
      await store.transaction(async (tx) => {
        expect(await tx.insertEvent(event)).toBe(true);
        expect(await tx.insertEvent(event)).toBe(false);
        await tx.appendAudit({
          attemptId: created.id,
          from: "open",
          to: "paid",
          cause: text,
          at: now,
        });
      });

      expect((await store.findLatestAttempt({ orderRef }))?.id).toBe(created.id);
      const bySession = await store.findAttemptBySession({
        provider: created.provider,
        providerSessionId: session,
      });
      expect(bySession).toMatchObject({ orderRef, providerSessionId: session });
      expect(await store.findEvent({ provider: created.provider, eventId })).toEqual(event);
      expect((await store.listAudit({ attemptId: created.id }))[0]?.cause).toBe(text);
      const count = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
        store.tables.attempts,
      )}`.execute(store.db);
      expect(Number(count.rows[0]?.n)).toBe(index + 1);
    },
  );
});
