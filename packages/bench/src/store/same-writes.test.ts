import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSqlStore, type RawBuilder, type SqlStore, sql } from "@linkpay/store-sql";
import { describePostgres } from "@linkpay/store-sql/testing";
import { postgresBaseline } from "./baseline-postgres";
import { sqliteBaseline } from "./baseline-sqlite";
import { type BenchItem, benchItems, seedBench } from "./bench-workload";
import { applyThroughStore } from "./store-path";

type Row = Record<string, unknown>;

const ITEMS = 3;

/** A column's value with the run label and the clock taken out (times keep their type). */
function comparable(column: string, value: unknown, label: string, digest: string): unknown {
  if (/(^|_)at$/.test(column)) return value instanceof Date ? "Date" : typeof value;
  if (column === "payload_digest") return value === digest ? "sha256" : value;
  return typeof value === "string" ? value.replaceAll(label, "<label>") : value;
}

/** The rows one item's payment left, comparable across the two runs. */
async function rowsOf(store: SqlStore, item: BenchItem, label: string) {
  const digest = createHash("sha256").update(JSON.stringify(item.event.raw)).digest("hex");
  const normalize = (rows: readonly Row[]) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          comparable(column, value, label, digest),
        ]),
      ),
    );
  const rows = async (query: RawBuilder<Row>) => normalize((await query.execute(store.db)).rows);
  return {
    attempt: await rows(sql<Row>`select * from linkpay_attempts where id = ${item.attemptId}`),
    events: await rows(sql<Row>`select * from linkpay_events where attempt_id = ${item.attemptId}`),
    audit: await rows(
      sql<Row>`select attempt_id, from_status, to_status, cause, at
        from linkpay_audit where attempt_id = ${item.attemptId}`,
    ),
    hook: await rows(sql<Row>`select * from bench_hook_calls where order_ref = ${item.orderRef}`),
  };
}

/** A raw-driver baseline, opened once the tables exist. */
interface Baseline {
  apply(item: BenchItem): Promise<void> | void;
  close(): Promise<void> | void;
}

/** Seeds two disjoint runs, pays one through the store path and one through the baseline. */
async function expectSameWrites(store: SqlStore, openBaseline: () => Baseline): Promise<void> {
  const viaStore = benchItems("viastore", ITEMS);
  const viaBaseline = benchItems("viabaseline", ITEMS);
  await store.migrate();
  await seedBench(store, [...viaStore, ...viaBaseline]);
  for (const item of viaStore) await applyThroughStore(store, item);
  const baseline = openBaseline();
  try {
    for (const item of viaBaseline) await baseline.apply(item);
  } finally {
    await baseline.close();
  }

  for (let i = 0; i < ITEMS; i++) {
    const [storeItem, baselineItem] = [viaStore[i], viaBaseline[i]];
    if (storeItem === undefined || baselineItem === undefined) throw new Error("items missing");
    const written = await rowsOf(store, storeItem, "viastore");
    expect(written.attempt).toEqual([expect.objectContaining({ status: "paid", version: 3 })]);
    expect(written.events).toEqual([
      expect.objectContaining({ outcome: "processed", payload_digest: "sha256" }),
    ]);
    expect(written.hook).toHaveLength(1);
    expect(await rowsOf(store, baselineItem, "viabaseline")).toEqual(written);
  }
  // A second delivery changes nothing: the store path refuses to count it as applied.
  const first = viaStore[0];
  if (first === undefined) throw new Error("items missing");
  await expect(applyThroughStore(store, first)).rejects.toThrow(/unexpected outcome/);
}

describe("the store benchmark's baseline on SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "linkpay-bench-test-"));
  const file = join(dir, "bench.db");
  const store = createSqlStore({ url: `sqlite:${file}` });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the same rows as payments.handleWebhook on the store", async () => {
    await expectSameWrites(store, () => sqliteBaseline(file, "full"));
  });
});

describePostgres("the store benchmark's baseline on PostgreSQL", (database) => {
  let store: SqlStore;
  beforeAll(() => {
    store = createSqlStore({ url: database.url });
  });
  afterAll(() => store.close());

  it("writes the same rows as payments.handleWebhook on the store", async () => {
    await expectSameWrites(store, () => postgresBaseline(database.url, 2));
  });
});
