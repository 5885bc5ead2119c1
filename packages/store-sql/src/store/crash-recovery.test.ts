import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { describeEachEngine } from "../test/engines";
import { createHookTable, hookCalls } from "../test/hook-table";
import {
  buildScenario,
  type ScenarioOrder,
  scenarioDeliveries,
  scenarioProblems,
  seedAttempts,
} from "../test/order-scenario";
import { tempDir } from "../test/temp-dir";
import { startWorker, writeDeliveries } from "../test/worker-process";
import { createSqlStore, type SqlStore } from "./sql-store";

const KILL_AT_HOOK = 5;

describeEachEngine("a process killed while applying events", (engine) => {
  const dir = tempDir("crash");
  let store: SqlStore;
  let orders: ScenarioOrder[];

  beforeAll(async () => {
    store = createSqlStore({ url: engine.url() });
    await store.migrate();
    await createHookTable(store.db);
    orders = buildScenario("CRASH", 40);
    await seedAttempts(store, orders);
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it("loses nothing and applies nothing twice after a restart and redelivery", async () => {
    const file = writeDeliveries(dir.path, "all", scenarioDeliveries(orders, 1));
    const doomed = startWorker(engine.url(), file, 2, 200);
    // The KILL_AT_HOOK-th hook has written its row and is waiting inside its open transaction.
    await doomed.hooksSeen(KILL_AT_HOOK);
    doomed.child.kill("SIGKILL");
    const killed = await doomed.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.summary).toBeNull();
    const committed = (await hookCalls(store.db)).length;
    expect(committed).toBeLessThan(killed.hooks);

    const restarted = await startWorker(engine.url(), file, 2).done;
    expect(restarted).toMatchObject({ code: 0, stderr: "" });
    expect(restarted.summary?.errors).toEqual({});
    expect(await scenarioProblems(store, orders)).toEqual([]);
    if (engine.dialect === "sqlite") {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
        store.db,
      );
      expect(check.rows).toEqual([{ integrity_check: "ok" }]);
    }
  }, 60_000);
});
