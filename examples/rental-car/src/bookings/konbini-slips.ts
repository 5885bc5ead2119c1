/**
 * @module
 * Konbini slips: stored once per booking from the provider's pending payment, read back for the
 * booking page and the slip e-mail.
 */
import type { KonbiniStore, PendingPayment } from "@linkpay/core";
import type { Transaction } from "@linkpay/store-sql";
import * as z from "zod";
import type { AppTables } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";

/** A booking's konbini slip. */
export interface KonbiniSlip {
  readonly expiresAt: Date;
  readonly instructionsUrl: string | undefined;
  readonly stores: readonly KonbiniStore[];
}

const storedStores = z.array(
  z.object({
    chain: z.string(),
    paymentCode: z.string().optional(),
    confirmationNumber: z.string().optional(),
  }),
);

/** Stores the slip of `bookingId` (a second report of the same payment changes nothing). */
export async function saveKonbiniSlip(
  trx: Transaction<AppTables>,
  input: { readonly bookingId: string; readonly pending: PendingPayment; readonly now: Date },
): Promise<KonbiniSlip> {
  const { pending } = input;
  await trx
    .insertInto("rc_konbini_slips")
    .values({
      booking_id: input.bookingId,
      expires_at: pending.expiresAt.toISOString(),
      instructions_url: pending.instructionsUrl ?? null,
      stores_json: JSON.stringify(pending.stores),
      created_at: input.now.toISOString(),
    })
    .onConflict((conflict) => conflict.column("booking_id").doNothing())
    .execute();
  return {
    expiresAt: pending.expiresAt,
    instructionsUrl: pending.instructionsUrl,
    stores: pending.stores,
  };
}

/** The slip of `bookingId`, or undefined when it has none. */
export async function findKonbiniSlip(
  db: AppDb,
  bookingId: string,
): Promise<KonbiniSlip | undefined> {
  const row = await db
    .selectFrom("rc_konbini_slips")
    .selectAll()
    .where("booking_id", "=", bookingId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    expiresAt: new Date(row.expires_at),
    instructionsUrl: row.instructions_url ?? undefined,
    stores: storedStores.parse(JSON.parse(row.stores_json)),
  };
}
