/**
 * @module
 * The benchmark's database side: a throwaway PostgreSQL database, the seeding of bookings and
 * attempts (through the SqlStore API, or in bulk for the 100 000-delivery memory run), and the
 * exactly-once check at the end.
 */
import { randomBytes } from "node:crypto";
import { money } from "@linkpay/core";
import type { AppTables } from "@linkpay/example-rental-car/db/app-tables";
import { createSqlStore, type Kysely, type SqlStore, sql } from "@linkpay/store-sql";
import type { IngestItem } from "./ingest-items";

/** The provider id the app's Stripe provider uses. */
export const PROVIDER = "stripe";
const BATCH = 1_000;
const DAY_MS = 86_400_000;

/** A database of its own on the test server (`LINKPAY_TEST_DATABASE_URL`), dropped afterwards. */
export async function throwawayPostgres(): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
}> {
  const admin =
    process.env.LINKPAY_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `linkpay_bench_${randomBytes(6).toString("hex")}`;
  const store = createSqlStore({ url: admin, poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(store.db);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(store.db);
      await store.close();
    },
  };
}

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A held car per location and class (the first of each), as a booking awaiting payment has. */
async function carsByPlace(db: Kysely<AppTables>): Promise<Map<string, string>> {
  const cars = await db.selectFrom("rc_cars").select(["id", "location", "car_class"]).execute();
  const first = new Map<string, string>();
  for (const car of cars) {
    const key = `${car.location}/${car.car_class}`;
    if (!first.has(key)) first.set(key, car.id);
  }
  return first;
}

async function insertBookings(
  db: Kysely<AppTables>,
  items: readonly IngestItem[],
  cars: ReadonlyMap<string, string>,
): Promise<void> {
  await db
    .insertInto("rc_bookings")
    .values(
      items.map((item) => ({
        ...item.booking,
        car_id: cars.get(`${item.booking.pick_up_location}/${item.booking.car_class}`) ?? null,
      })),
    )
    .execute();
}

/**
 * Seeds through the SqlStore API: the bookings in multi-row inserts, then for each item
 * `store.createAttempt` and `store.attachSession` (as `payments.startCheckout` does), on
 * `lanes` concurrent connections. Returns the seconds it took.
 */
export async function seedThroughStore(
  store: SqlStore,
  items: readonly IngestItem[],
  lanes = 8,
): Promise<number> {
  const started = performance.now();
  const db = store.db.withTables<AppTables>();
  const cars = await carsByPlace(db);
  for (const batch of batches(items)) await insertBookings(db, batch, cars);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + DAY_MS);
  let next = 0;
  const lane = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) {
      await store.createAttempt({
        id: item.attemptId,
        orderRef: item.booking.reference,
        sequence: 1,
        provider: PROVIDER,
        amount: money(item.booking.total, "JPY"),
        expiresAt,
        now,
      });
      await store.attachSession({
        attemptId: item.attemptId,
        providerSessionId: item.sessionId,
        hostedUrl: `https://checkout.stripe.com/c/pay/${item.sessionId}`,
        expiresAt,
        now,
      });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return (performance.now() - started) / 1000;
}

/**
 * Seeds the same rows in bulk: per 1 000 items one transaction with one multi-row INSERT of
 * bookings and one of attempts (open, session attached, version 2: what createAttempt +
 * attachSession leave). Returns the seconds it took.
 */
export async function seedInBulk(store: SqlStore, items: readonly IngestItem[]): Promise<number> {
  const started = performance.now();
  const cars = await carsByPlace(store.db.withTables<AppTables>());
  const now = new Date();
  const expiresAt = new Date(now.getTime() + DAY_MS);
  const attempts = sql.id(store.tables.attempts);
  for (const batch of batches(items)) {
    await store.db.transaction().execute(async (trx) => {
      await insertBookings(trx.withTables<AppTables>(), batch, cars);
      const rows = batch.map(
        (item) =>
          sql`(${item.attemptId}, ${item.booking.reference}, 1, ${PROVIDER}, ${item.sessionId},
            ${`https://checkout.stripe.com/c/pay/${item.sessionId}`}, ${item.booking.total}, 'JPY',
            'open', 0, ${expiresAt}, null, ${now}, ${now}, 2)`,
      );
      await sql`insert into ${attempts} (id, order_ref, sequence, provider, provider_session_id,
          hosted_url, amount, currency, status, refunded_amount, expires_at, claimed_until,
          created_at, updated_at, version)
        values ${sql.join(rows)}`.execute(trx);
    });
  }
  return (performance.now() - started) / 1000;
}

/**
 * Throws unless a bulk-seeded attempt reads back like one seeded through the store API (same
 * status, version, provider, money, session and URL shape), so the memory run starts from the
 * same state as the others.
 */
export async function assertSameSeedShape(
  store: SqlStore,
  viaApi: IngestItem,
  inBulk: IngestItem,
): Promise<void> {
  const [a, b] = await Promise.all([
    store.findAttemptBySession({ provider: PROVIDER, providerSessionId: viaApi.sessionId }),
    store.findAttemptBySession({ provider: PROVIDER, providerSessionId: inBulk.sessionId }),
  ]);
  if (a === null || b === null) throw new Error("seeded attempt missing");
  const shape = (attempt: typeof a, item: IngestItem) =>
    JSON.stringify({
      status: attempt.status,
      version: attempt.version,
      sequence: attempt.sequence,
      provider: attempt.provider,
      currency: attempt.amount.currency,
      amountMatches: attempt.amount.amount === item.booking.total,
      refunded: attempt.refundedAmount.amount,
      sessionMatches: attempt.providerSessionId === item.sessionId,
      url: attempt.hostedUrl?.replace(item.sessionId, "…"),
      orderMatches: attempt.orderRef === item.booking.reference,
    });
  if (shape(a, viaApi) !== shape(b, inBulk)) {
    throw new Error(`bulk seed differs from the API's: ${shape(a, viaApi)} vs ${shape(b, inBulk)}`);
  }
}

/** What the exactly-once check found for a set of items. */
export interface OnceCheck {
  readonly items: number;
  readonly confirmed: number;
  readonly outboxRows: number;
  readonly bookingsWithOneOutboxRow: number;
  readonly paidAttempts: number;
  readonly paidAuditRows: number;
  readonly processedEvents: number;
}

/**
 * Counts, for `items`, confirmed bookings, outbox rows (and bookings with exactly one), paid
 * attempts, audit rows into `paid`, and processed events; all must equal the item count.
 */
export async function checkExactlyOnce(
  store: SqlStore,
  items: readonly IngestItem[],
): Promise<OnceCheck> {
  const bookingIds = items.map((item) => item.booking.id);
  const attemptIds = items.map((item) => item.attemptId);
  const t = store.tables;
  const { rows } = await sql<Record<string, string>>`
    select
      (select count(*) from rc_bookings where id = any(${bookingIds}) and status = 'confirmed') as confirmed,
      (select count(*) from rc_outbox where booking_id = any(${bookingIds})) as outbox_rows,
      (select count(*) from (select booking_id from rc_outbox where booking_id = any(${bookingIds})
        group by booking_id having count(*) = 1) once) as one_outbox,
      (select count(*) from ${sql.id(t.attempts)} where id = any(${attemptIds}) and status = 'paid') as paid,
      (select count(*) from ${sql.id(t.audit)} where attempt_id = any(${attemptIds}) and to_status = 'paid') as audit,
      (select count(*) from ${sql.id(t.events)} where attempt_id = any(${attemptIds}) and outcome = 'processed') as events
  `.execute(store.db);
  const row = rows[0] ?? {};
  return {
    items: items.length,
    confirmed: Number(row.confirmed),
    outboxRows: Number(row.outbox_rows),
    bookingsWithOneOutboxRow: Number(row.one_outbox),
    paidAttempts: Number(row.paid),
    paidAuditRows: Number(row.audit),
    processedEvents: Number(row.events),
  };
}

/** Throws (loudly) unless every count of `check` equals its item count. */
export function assertExactlyOnce(what: string, check: OnceCheck): void {
  const wrong = Object.entries(check).filter(([, value]) => value !== check.items);
  if (wrong.length > 0) {
    throw new Error(
      `EXACTLY-ONCE CHECK FAILED for ${what}: ${JSON.stringify(check)} (every count must be ${check.items})`,
    );
  }
}

/** The items whose booking is not confirmed yet. */
export async function unconfirmed(
  store: SqlStore,
  items: readonly IngestItem[],
): Promise<IngestItem[]> {
  const ids = items.map((item) => item.booking.id);
  const { rows } = await sql<{ id: string }>`
    select id from rc_bookings where id = any(${ids}) and status <> 'confirmed'`.execute(store.db);
  const open = new Set(rows.map((row) => row.id));
  return items.filter((item) => open.has(item.booking.id));
}

/** Events recorded as ignored among `eventIds`. */
export async function ignoredEvents(store: SqlStore, eventIds: readonly string[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from ${sql.id(store.tables.events)}
    where provider = ${PROVIDER} and event_id = any(${eventIds}) and outcome = 'ignored'`.execute(
    store.db,
  );
  return Number(rows[0]?.n ?? 0);
}
