/**
 * @module
 * The plans of the checkout's queries, as the app builds them, on SQLite (EXPLAIN QUERY PLAN) and
 * PostgreSQL (EXPLAIN with sequential scans disabled, so a plan that still scans a table has no
 * index to use): the first free car and the availability count read the cars through their index
 * on shop, class and id and each car's days through the calendar's key, never a whole table, and
 * the first free car needs no sort; deleting expired drafts reads them through their expiry index.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSqlStore, type Kysely, type SqlStore, sql } from "@linkpay/store-sql";
import { describePostgres } from "@linkpay/store-sql/testing";
import { expiredDrafts } from "../bookings/booking-drafts";
import { migrateApp } from "../db/app-migrations";
import type { AppTables } from "../db/app-tables";
import { availabilityQuery, firstFreeCarQuery, syncFleet } from "./inventory";

const DAYS = ["2028-04-10", "2028-04-11", "2028-04-12"];

/** The queries whose plans matter, compiled as the app runs them. */
function checkoutQueries(db: Kysely<AppTables>) {
  return {
    firstFreeCar: firstFreeCarQuery(db, { location: "HND", carClass: "C", days: DAYS }).compile(),
    availability: availabilityQuery(db, "HND", DAYS).compile(),
    expiredDrafts: expiredDrafts(db, "2028-04-10T00:00:00.000Z").compile(),
  };
}

async function openApp(store: SqlStore): Promise<Kysely<AppTables>> {
  await store.migrate();
  await migrateApp(store.db, store.dialect);
  const db = store.db.withTables<AppTables>();
  await syncFleet(db);
  return db;
}

describe("the checkout's query plans (SQLite)", () => {
  const directory = mkdtempSync(join(tmpdir(), "rental-car-plans-"));
  let store: SqlStore;
  let db: Kysely<AppTables>;

  beforeAll(async () => {
    store = createSqlStore({ url: `sqlite:${join(directory, "plans.db")}` });
    db = await openApp(store);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The plan's lines (`SEARCH …`, `SCAN …`, `USE TEMP B-TREE …`). */
  async function plan(
    query: ReturnType<typeof checkoutQueries>[keyof ReturnType<typeof checkoutQueries>],
  ) {
    const result = await db.executeQuery<{ detail: string }>({
      ...query,
      sql: `explain query plan ${query.sql}`,
    });
    return result.rows.map((row) => row.detail);
  }

  it("finds the first free car from the index on shop, class and id, and the calendar's key", async () => {
    const lines = await plan(checkoutQueries(db).firstFreeCar);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^SEARCH rc_cars USING COVERING INDEX rc_cars_location_class_id \(location=\? AND car_class=\?\)/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^SEARCH rc_car_days USING COVERING INDEX sqlite_autoindex_rc_car_days_1 \(car_id=\? AND day=\?\)/,
      ),
    );
    expect(lines.filter((line) => /^SCAN|TEMP B-TREE/.test(line))).toEqual([]);
  });

  it("counts free cars per class without reading a whole table", async () => {
    const lines = await plan(checkoutQueries(db).availability);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^SEARCH rc_cars USING COVERING INDEX rc_cars_location_class_id \(location=\?\)/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^SEARCH rc_car_days USING COVERING INDEX sqlite_autoindex_rc_car_days_1/,
      ),
    );
    expect(lines.filter((line) => line.startsWith("SCAN"))).toEqual([]);
  });

  it("deletes expired drafts through their expiry index", async () => {
    expect(await plan(checkoutQueries(db).expiredDrafts)).toEqual([
      expect.stringMatching(
        /^SEARCH rc_booking_drafts USING INDEX rc_booking_drafts_expiry \(expires_at<\?\)/,
      ),
    ]);
  });
});

/** A PostgreSQL plan node (EXPLAIN's JSON format), as far as these checks read it. */
interface PlanNode {
  readonly "Node Type": string;
  readonly "Relation Name"?: string;
  readonly "Index Name"?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

describePostgres("the checkout's query plans (PostgreSQL)", (database) => {
  let store: SqlStore;
  let db: Kysely<AppTables>;

  beforeAll(async () => {
    store = createSqlStore({ url: database.url });
    db = await openApp(store);
  });
  afterAll(async () => {
    await store?.close();
  });

  /** Every node of the plan, with sequential scans disabled (the tables are small). */
  function plan(
    query: ReturnType<typeof checkoutQueries>[keyof ReturnType<typeof checkoutQueries>],
  ) {
    return db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const result = await trx.executeQuery<{ "QUERY PLAN": { Plan: PlanNode }[] }>({
        ...query,
        sql: `explain (format json) ${query.sql}`,
      });
      const [explained] = result.rows[0]?.["QUERY PLAN"] ?? [];
      if (explained === undefined) throw new Error("EXPLAIN returned no plan");
      return nodesOf(explained.Plan);
    });
  }

  const scans = (nodes: PlanNode[]) =>
    nodes.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"]);
  const indexes = (nodes: PlanNode[]) => nodes.flatMap((node) => node["Index Name"] ?? []);

  it("finds the first free car and counts free cars through the indexes", async () => {
    for (const query of [checkoutQueries(db).firstFreeCar, checkoutQueries(db).availability]) {
      const nodes = await plan(query);
      expect(scans(nodes)).toEqual([]);
      expect(indexes(nodes)).toEqual(
        expect.arrayContaining(["rc_cars_location_class_id", "rc_car_days_pk"]),
      );
    }
  });

  it("deletes expired drafts through their expiry index", async () => {
    const nodes = await plan(checkoutQueries(db).expiredDrafts);
    expect(scans(nodes)).toEqual([]);
    expect(indexes(nodes)).toContain("rc_booking_drafts_expiry");
  });
});
