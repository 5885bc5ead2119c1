/**
 * @module
 * The SQLite baseline: the same writes as the store's apply path, hand-written on a raw
 * better-sqlite3 connection with prepared statements (same file, same pragmas): lock the attempt
 * row's transaction, insert the event id, update the attempt, insert the audit row and the hook's
 * row, commit. It computes the payload digest too, as the store must.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { BenchItem } from "./bench-workload";

interface AttemptRow {
  id: string;
  order_ref: string;
  amount: number;
  currency: string;
  status: string;
  version: number;
}

/** The SQLite baseline. */
export interface SqliteBaseline {
  /** Applies one item's event; throws unless it changed the attempt. */
  apply(item: BenchItem): void;
  close(): void;
}

/** A prepared baseline over the file at `filename`. */
export function sqliteBaseline(filename: string, synchronous: "full" | "normal"): SqliteBaseline {
  const db = new Database(filename, { timeout: 5_000 });
  db.pragma("journal_mode = WAL");
  db.pragma(synchronous === "full" ? "synchronous = FULL" : "synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  const begin = db.prepare("begin immediate");
  const commit = db.prepare("commit");
  const rollback = db.prepare("rollback");
  const find = db.prepare<[string, string], AttemptRow>(
    "select id, order_ref, amount, currency, status, version from linkpay_attempts where provider = ? and provider_session_id = ?",
  );
  const insertEvent = db.prepare(
    "insert into linkpay_events (provider, event_id, kind, attempt_id, received_at, outcome, reason, payload_digest, payload) values (?, ?, ?, ?, ?, 'processed', null, ?, ?) on conflict (provider, event_id) do nothing",
  );
  const update = db.prepare(
    "update linkpay_attempts set status = 'paid', updated_at = ?, version = ? where id = ? and version = ?",
  );
  const audit = db.prepare(
    "insert into linkpay_audit (attempt_id, from_status, to_status, cause, at) values (?, ?, 'paid', ?, ?)",
  );
  const hook = db.prepare("insert into bench_hook_calls (order_ref, event_id) values (?, ?)");

  return {
    /** Applies one item's event; throws unless it changed the attempt. */
    apply(item: BenchItem): void {
      const { event } = item;
      const now = Date.now();
      const payload = JSON.stringify(event.raw);
      const digest = createHash("sha256").update(payload).digest("hex");
      begin.run();
      try {
        const row = find.get(event.provider, event.providerSessionId);
        if (!row || row.order_ref !== event.orderRef || row.amount !== event.amount.amount) {
          throw new Error("attempt missing or mismatched");
        }
        const fresh = insertEvent.run(
          event.provider,
          event.eventId,
          event.kind,
          row.id,
          now,
          digest,
          payload,
        );
        if (fresh.changes !== 1 || row.status !== "open") throw new Error("duplicate");
        if (update.run(now, row.version + 1, row.id, row.version).changes !== 1) {
          throw new Error("version conflict");
        }
        audit.run(row.id, row.status, `${event.provider}:${event.eventId}`, now);
        hook.run(event.orderRef, event.eventId);
        commit.run();
      } catch (error) {
        rollback.run();
        throw error;
      }
    },
    close: () => {
      db.close();
    },
  };
}
