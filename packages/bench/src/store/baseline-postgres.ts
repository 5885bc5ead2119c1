/**
 * @module
 * The PostgreSQL baseline: the same writes as the store's apply path, hand-written with a raw
 * `pg` pool: BEGIN, SELECT … FOR UPDATE, INSERT … ON CONFLICT DO NOTHING, UPDATE with a version
 * check, the audit and hook INSERTs, COMMIT. It computes the payload digest too, as the store must.
 * Its four linkpay statements are named prepared statements, as the store sends them on PostgreSQL
 * (parsed and planned once per connection), so the ratio compares layers, not protocols.
 */
import { createHash } from "node:crypto";
import { Pool } from "pg";
import type { BenchItem } from "./bench-workload";

interface AttemptRow {
  id: string;
  order_ref: string;
  amount: string;
  status: string;
  version: number;
}

/** A baseline over a pool of `size` connections. */
export function postgresBaseline(connectionString: string, size: number) {
  const pool = new Pool({ connectionString, max: size });
  pool.on("error", () => undefined);
  return {
    /** Applies one item's event; throws unless it changed the attempt. */
    async apply(item: BenchItem): Promise<void> {
      const { event } = item;
      const now = new Date();
      const payload = JSON.stringify(event.raw);
      const digest = createHash("sha256").update(payload).digest("hex");
      const client = await pool.connect();
      try {
        await client.query("begin");
        const found = await client.query<AttemptRow>({
          name: "bench_lock",
          text: "select id, order_ref, amount, status, version from linkpay_attempts where provider = $1 and provider_session_id = $2 for update",
          values: [event.provider, event.providerSessionId],
        });
        const row = found.rows[0];
        if (
          !row ||
          row.order_ref !== event.orderRef ||
          Number(row.amount) !== event.amount.amount
        ) {
          throw new Error("attempt missing or mismatched");
        }
        const fresh = await client.query({
          name: "bench_event",
          text: "insert into linkpay_events (provider, event_id, kind, attempt_id, received_at, outcome, reason, payload_digest, payload) values ($1, $2, $3, $4, $5, 'processed', null, $6, $7) on conflict (provider, event_id) do nothing",
          values: [event.provider, event.eventId, event.kind, row.id, now, digest, payload],
        });
        if (fresh.rowCount !== 1 || row.status !== "open") throw new Error("duplicate");
        const updated = await client.query({
          name: "bench_update",
          text: "update linkpay_attempts set status = 'paid', updated_at = $1, version = $2 where id = $3 and version = $4",
          values: [now, row.version + 1, row.id, row.version],
        });
        if (updated.rowCount !== 1) throw new Error("version conflict");
        await client.query({
          name: "bench_audit",
          text: "insert into linkpay_audit (attempt_id, from_status, to_status, cause, at) values ($1, $2, 'paid', $3, $4)",
          values: [row.id, row.status, `${event.provider}:${event.eventId}`, now],
        });
        await client.query("insert into bench_hook_calls (order_ref, event_id) values ($1, $2)", [
          event.orderRef,
          event.eventId,
        ]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        client.release();
      }
    },
    /** Opens a connection (call `size` times at once to fill the pool). */
    async warm(): Promise<void> {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}
