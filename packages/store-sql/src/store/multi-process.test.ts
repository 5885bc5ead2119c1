import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createHookTable } from "../test/hook-table";
import {
  buildScenario,
  type ScenarioOrder,
  scenarioDeliveries,
  scenarioProblems,
  seedAttempts,
} from "../test/order-scenario";
import { tempDir } from "../test/temp-dir";
import { startWorker, writeDeliveries } from "../test/worker-process";
import { describePostgres } from "../testing/postgres";
import { createSqlStore, type SqlStore } from "./sql-store";

const ORDERS = 300;

describePostgres("several app processes on one PostgreSQL database", (database) => {
  const dir = tempDir("processes");
  let store: SqlStore;
  let orders: ScenarioOrder[];

  beforeAll(async () => {
    store = createSqlStore({ url: database.url });
    await store.migrate();
    await createHookTable(store.db);
    orders = buildScenario("MP", ORDERS);
    await seedAttempts(store, orders);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it("ends every order right with each hook run once, whatever the interleaving", async () => {
    const files = [1, 2].map((n) =>
      writeDeliveries(dir.path, `worker-${n}`, scenarioDeliveries(orders, 2)),
    );
    const workers = files.map((file) => startWorker(database.url, file, 4));
    const results = await Promise.all(workers.map((worker) => worker.done));
    for (const result of results) {
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.summary?.errors).toEqual({});
    }
    const distinct = orders.reduce((sum, order) => sum + order.events.length, 0);
    const fresh = results.reduce(
      (sum, r) => sum + (r.summary?.outcomes.processed ?? 0) + (r.summary?.outcomes.ignored ?? 0),
      0,
    );
    expect(fresh).toBe(distinct);
    const duplicates = results.reduce((sum, r) => sum + (r.summary?.outcomes.duplicate ?? 0), 0);
    expect(duplicates).toBe(distinct * 4 - distinct);
    expect(await scenarioProblems(store, orders)).toEqual([]);
  }, 90_000);
});
