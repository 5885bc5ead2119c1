/**
 * @module
 * The raw-driver baseline: the statements the app's webhook transaction runs, hand-written on a
 * `pg` pool, as `packages/bench/src/store/baseline-postgres.ts` does for linkpay's part —
 * BEGIN; SELECT the attempt FOR UPDATE; INSERT the event (ON CONFLICT DO NOTHING) with its
 * payload and SHA-256 digest; UPDATE the attempt with a version check; INSERT the audit row —
 * plus the booking hook's, in the same two statements as `bookingHooks().onPaid`: UPDATE the booking
 * awaiting payment to confirmed RETURNING it, INSERT the outbox e-mail (rendered by the app's own
 * `confirmationMail`, so the rows are the same); COMMIT. linkpay's four statements are named
 * prepared statements, as the store sends them; the hook's two are unnamed on both sides.
 * No HTTP, no signature check, no Express, no Kysely, no event mapping.
 */
import { createHash, randomUUID } from "node:crypto";
import type { ReturnLinks } from "@linkpay/core";
import type { Booking } from "@linkpay/example-rental-car/bookings/bookings";
import { confirmationMail } from "@linkpay/example-rental-car/mail/confirmation-mail";
import { bookingHref } from "@linkpay/example-rental-car/web/app-deps";
import { Pool } from "pg";
import { PROVIDER } from "./ingest-database";
import type { IngestItem } from "./ingest-items";

interface AttemptRow {
  id: string;
  order_ref: string;
  provider: string;
  provider_session_id: string | null;
  amount: string;
  currency: string;
  status: string;
  version: number;
}

/** What the baseline needs per event: the item and its event as already-parsed JSON. */
export interface BaselineEvent {
  readonly item: IngestItem;
  readonly raw: unknown;
}

/** A baseline over a pool of `size` connections; `links` as the app's (for the e-mail link). */
export function rawDriverBaseline(
  connectionString: string,
  size: number,
  links: { readonly returnLinks: ReturnLinks; readonly publicBaseUrl: string },
) {
  const pool = new Pool({ connectionString, max: size, idleTimeoutMillis: 600_000 });
  pool.on("error", () => undefined);

  async function apply({ item, raw }: BaselineEvent): Promise<void> {
    const now = new Date();
    const payload = JSON.stringify(raw);
    const digest = createHash("sha256").update(payload).digest("hex");
    const eventId = item.paidEventId;
    const client = await pool.connect();
    try {
      await client.query("begin");
      const found = await client.query<AttemptRow>({
        name: "ingest_lock",
        text: "select id, order_ref, sequence, provider, provider_session_id, hosted_url, amount, currency, status, refunded_amount, expires_at, created_at, updated_at, version from linkpay_attempts where provider = $1 and provider_session_id = $2 for update",
        values: [PROVIDER, item.sessionId],
      });
      const attempt = found.rows[0];
      if (
        attempt === undefined ||
        attempt.order_ref !== item.booking.reference ||
        attempt.currency !== "JPY" ||
        Number(attempt.amount) !== item.booking.total
      ) {
        throw new Error("attempt missing or mismatched");
      }
      const fresh = await client.query({
        name: "ingest_event",
        text: "insert into linkpay_events (provider, event_id, kind, attempt_id, received_at, outcome, reason, payload_digest, payload) values ($1, $2, $3, $4, $5, 'processed', null, $6, $7) on conflict (provider, event_id) do nothing",
        values: [PROVIDER, eventId, "payment.succeeded", attempt.id, now, digest, payload],
      });
      if (fresh.rowCount !== 1 || attempt.status !== "open") throw new Error("duplicate");
      const updated = await client.query({
        name: "ingest_update",
        text: "update linkpay_attempts set status = 'paid', updated_at = $1, version = $2 where id = $3 and version = $4",
        values: [now, attempt.version + 1, attempt.id, attempt.version],
      });
      if (updated.rowCount !== 1) throw new Error("version conflict");
      await client.query({
        name: "ingest_audit",
        text: "insert into linkpay_audit (attempt_id, from_status, to_status, cause, at) values ($1, $2, 'paid', $3, $4)",
        values: [attempt.id, attempt.status, `${PROVIDER}:${eventId}`, now],
      });
      // The booking hook's part, as `bookingHooks().onPaid` does it.
      const stamp = now.toISOString();
      const booking = (
        await client.query<Booking>(
          "update rc_bookings set status = $1, updated_at = $2 where reference = $3 and status = $4 returning *",
          ["confirmed", stamp, attempt.order_ref, "awaiting_payment"],
        )
      ).rows[0];
      if (booking === undefined) throw new Error("booking missing or not awaiting payment");
      const message = confirmationMail(
        booking,
        bookingHref(links, booking.reference, { absolute: true }),
      );
      await client.query(
        "insert into rc_outbox (id, booking_id, kind, recipient, subject, body, created_at, sent_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
        [
          randomUUID(),
          booking.id,
          "booking_confirmed",
          booking.customer_email,
          message.subject,
          message.body,
          stamp,
          null,
        ],
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    apply,
    /** Opens all `size` connections before the clock starts. */
    async warm(): Promise<void> {
      const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
      for (const client of clients) client.release();
    },
    close: () => pool.end(),
  };
}

/** Runs `work` over `items` on `lanes` concurrent lanes; returns the seconds it took. */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return (performance.now() - started) / 1000;
}
