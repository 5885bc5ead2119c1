/**
 * @module
 * The audit log of staff actions: who, what, on what, when, from where, before and after, and
 * refused attempts too. Rows are only ever inserted; triggers refuse UPDATE and DELETE on the
 * table whoever asks, the app's own database role included.
 */
import { randomUUID } from "node:crypto";
import type { StaffAuditTable } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";

/** One action to record. */
export interface StaffAction {
  readonly staffId: string | null;
  readonly staffEmail: string;
  readonly action: string;
  readonly target?: string | undefined;
  readonly outcome?: "ok" | "refused" | undefined;
  readonly ip: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: Date;
}

/** Appends one row. */
export async function recordStaffAction(db: AppDb, action: StaffAction): Promise<void> {
  await db
    .insertInto("rc_staff_audit")
    .values({
      id: randomUUID(),
      at: action.at.toISOString(),
      staff_id: action.staffId,
      staff_email: action.staffEmail.slice(0, 254),
      action: action.action,
      target: (action.target ?? "-").slice(0, 254),
      outcome: action.outcome ?? "ok",
      ip: action.ip,
      before_json: action.before === undefined ? null : JSON.stringify(action.before),
      after_json: action.after === undefined ? null : JSON.stringify(action.after),
    })
    .execute();
}

/** The newest rows first, optionally for one target. */
export function listStaffActions(
  db: AppDb,
  options: {
    readonly target?: string | undefined;
    readonly limit: number;
    readonly offset?: number | undefined;
  },
): Promise<StaffAuditTable[]> {
  let query = db.selectFrom("rc_staff_audit").selectAll();
  if (options.target !== undefined) query = query.where("target", "=", options.target);
  return query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
}
