import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { money } from "@linkpay/core";
import { createSqlStore, type SqlStore } from "../store/sql-store";
import { builtScript, runNode } from "../test/built-script";
import { describeEachEngine } from "../test/engines";
import { MIGRATIONS } from "./all-migrations";

const NAMES = MIGRATIONS.map((m) => m.name);

describeEachEngine("migrations", (engine) => {
  const opened: SqlStore[] = [];
  const open = (tablePrefix: string) => {
    const store = createSqlStore({ url: engine.url(), tablePrefix });
    opened.push(store);
    return store;
  };
  let cli: string;
  beforeAll(() => {
    cli = builtScript("cli.js");
  });
  afterAll(() => Promise.all(opened.map((store) => store.close())));

  it("applies once, then is a no-op, and lists what ran", async () => {
    const store = open("m_once_");
    expect((await store.migrationStatus()).map((s) => s.appliedAt)).toEqual(NAMES.map(() => null));
    const before = Date.now();
    expect(await store.migrate()).toEqual({ applied: NAMES });
    expect(await store.migrate()).toEqual({ applied: [] });
    const status = await store.migrationStatus();
    expect(status.map((s) => [s.name, s.known])).toEqual(NAMES.map((name) => [name, true]));
    for (const state of status) {
      expect(state.appliedAt?.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    }
  });

  it("applies once when several connections migrate at the same moment", async () => {
    const stores = Array.from({ length: 5 }, () => open("m_race_"));
    const reports = await Promise.all(stores.map((store) => store.migrate()));
    expect(reports.filter((r) => r.applied.length > 0)).toEqual([{ applied: NAMES }]);
    const rows = await stores[0]?.migrationStatus();
    expect(rows?.filter((s) => s.appliedAt !== null)).toHaveLength(NAMES.length);
  });

  it("applies once when several processes run `linkpay-migrate up` at once", async () => {
    const url = engine.url();
    const runs = await Promise.all(
      [1, 2, 3].map(() => runNode(cli, ["up", "--url", url, "--prefix", "m_cli_"])),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = runs.flatMap((run) => run.stdout.trim().split("\n").slice(1));
    expect(lines.sort()).toEqual(
      [...NAMES.map((n) => `applied ${n}`), "already up to date", "already up to date"].sort(),
    );
    const status = await runNode(cli, ["status", "--url", url, "--prefix", "m_cli_"]);
    expect(status.code).toBe(0);
    for (const name of NAMES) expect(status.stdout).toMatch(new RegExp(`applied .* ${name}`));
  }, 30_000);

  it("keeps two table prefixes apart in one database", async () => {
    const a = open("shop_a_");
    const b = open("shop_b_");
    await a.migrate();
    expect((await b.migrationStatus()).every((s) => s.appliedAt === null)).toBe(true);
    await b.migrate();
    const tables = (await a.db.introspection.getTables()).map((t) => t.name);
    for (const table of [...Object.values(a.tables), ...Object.values(b.tables)]) {
      expect(tables).toContain(table);
    }
    const now = new Date();
    await a.createAttempt({
      id: "same-id",
      orderRef: "ORDER-1",
      sequence: 1,
      provider: "fake",
      amount: money(1_000, "JPY"),
      expiresAt: now,
      now,
    });
    expect(await b.findLatestAttempt({ orderRef: "ORDER-1" })).toBeNull();
    expect((await a.findLatestAttempt({ orderRef: "ORDER-1" }))?.id).toBe("same-id");
  });
});
