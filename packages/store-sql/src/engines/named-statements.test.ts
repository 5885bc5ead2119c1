import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createPayments, type Payments } from "@linkpay/core";
import { createFakeProvider } from "@linkpay/core/testing";
import { sql } from "kysely";
import { createSqlStore, type SqlStore } from "../store/sql-store";
import { describePostgres } from "../testing/postgres";
import { statementName } from "./named-statements";

describe("statement names", () => {
  it("gives each SQL text one name of its own, the same on every call", () => {
    const names = new Map<string, string>();
    const lock = statementName(names, "select 1 for update");
    const insert = statementName(names, "insert into t values ($1)");
    expect(lock).not.toBe(insert);
    expect(statementName(names, "select 1 for update")).toBe(lock);
    expect([...names.values()]).toEqual([lock, insert]);
  });
});

for (const named of [true, false]) {
  describePostgres(
    `webhook statements on PostgreSQL, postgresNamedStatements: ${named}`,
    (database) => {
      const fake = createFakeProvider();
      let store: SqlStore;
      let payments: Payments;
      /** What the transaction's own connection had prepared when the hook ran. */
      const seenByHook: { name: string; statement: string }[][] = [];

      beforeAll(async () => {
        store = createSqlStore({ url: database.url, poolSize: 4, postgresNamedStatements: named });
        await store.migrate();
        payments = createPayments({
          providers: [fake],
          store,
          urls: { success: "https://shop.example/ok", cancel: "https://shop.example/c" },
          hooks: {
            onPaid: async ({ tx }) => {
              const prepared = await sql<{ name: string; statement: string }>`
            select name, statement from pg_prepared_statements order by name`.execute(tx.db);
              seenByHook.push(prepared.rows);
            },
          },
        });
      });
      afterAll(() => store.close());

      it(
        named ? "runs them by name on the transaction's own connection" : "prepares none by name",
        async () => {
          const { attempt } = await payments.startCheckout({
            orderRef: "NAMED-1",
            currency: "JPY",
            total: 1_100,
            lineItems: [{ name: "Child seat", unitAmount: 1_100, quantity: 1 }],
          });
          const delivery = fake.deliver({
            type: "payment.succeeded",
            sessionId: attempt.providerSessionId ?? "",
          });
          const result = await payments.handleWebhook({ provider: fake.id, ...delivery });
          expect(result).toMatchObject({ outcome: "processed", changed: true });

          const [prepared = []] = seenByHook;
          if (!named) {
            expect(prepared).toEqual([]);
            return;
          }
          const statements = prepared.map((row) => row.statement.replace(/\s+/g, " "));
          // Lock, event, attempt update, audit: every one prepared once under a linkpay name.
          expect(prepared.every((row) => /^linkpay_\d+$/.test(row.name))).toBe(true);
          expect(statements).toEqual(
            expect.arrayContaining([
              expect.stringMatching(/^select .* from "linkpay_attempts" .* for update$/),
              expect.stringMatching(/^insert into "linkpay_events" /),
              expect.stringMatching(/^update "linkpay_attempts" set /),
              expect.stringMatching(/^insert into "linkpay_audit" /),
            ]),
          );
          // The merchant's own queries stay unnamed.
          expect(statements.some((text) => text.includes("pg_prepared_statements"))).toBe(false);
        },
      );
    },
  );
}
