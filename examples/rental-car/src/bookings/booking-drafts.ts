/**
 * @module
 * Booking drafts: what the shopper submitted on the booking form, kept between the form and the
 * confirmation step (確認画面) for {@link DRAFT_LIFETIME_MS}. A draft belongs to the browser it
 * was made in (only the SHA-256 of that browser's id is stored) and becomes at most one booking:
 * `rc_bookings.draft_id` is unique, so a resubmitted confirmation finds the booking it made.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import type { BookingDraftsTable } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";
import type { RentalChoice } from "../pricing/quote";
import { type ChoiceForm, type CustomerInput, choiceOf, type SearchInput } from "./booking-form";
import type { Booking } from "./bookings";

/** How long a draft can be confirmed after it was made. */
export const DRAFT_LIFETIME_MS = 3_600_000;

/** 18 random bytes (144 bits) in base64url. */
const DRAFT_ID = /^[A-Za-z0-9_-]{24}$/;

/** The search, class and options a draft was made for. */
export interface DraftChoice {
  readonly search: SearchInput;
  readonly carClass: string;
  readonly options: readonly { readonly code: string; readonly quantity: number }[];
}

/** A stored draft. */
export interface BookingDraft {
  readonly id: string;
  readonly locale: "ja" | "en";
  readonly choice: DraftChoice;
  readonly customer: CustomerInput;
  /** The total the confirmation step showed. */
  readonly total: number;
  readonly expiresAt: Date;
  readonly browserHash: string;
}

const storedChoice = z.object({
  search: z.object({
    pickUpLocation: z.string(),
    returnLocation: z.string(),
    pickUpDate: z.string(),
    pickUpTime: z.string(),
    returnDate: z.string(),
    returnTime: z.string(),
  }),
  carClass: z.string(),
  options: z.array(z.object({ code: z.string(), quantity: z.number().int() })),
});

const storedCustomer = z.object({
  name: z.string(),
  kana: z.string(),
  email: z.string(),
  phone: z.string(),
});

function browserHashOf(browserId: string): string {
  return createHash("sha256").update(browserId).digest("base64url");
}

/** The draft choice of a parsed booking form. */
export function draftChoiceOf(search: SearchInput, form: ChoiceForm): DraftChoice {
  const { carClass, options } = choiceOf(search, form);
  return { search, carClass, options };
}

/** The rental a draft describes (throws PricingError on impossible dates). */
export function rentalChoiceOf(choice: DraftChoice): RentalChoice {
  return { ...choiceOf(choice.search), carClass: choice.carClass, options: choice.options };
}

/** The drafts past their hour at `now` (its plan is checked in query-plans.test.ts). */
export function expiredDrafts(db: AppDb, now: string) {
  return db.deleteFrom("rc_booking_drafts").where("expires_at", "<", now);
}

/** Stores a draft made in browser `browserId`; its id. */
export async function saveDraft(
  db: AppDb,
  input: {
    readonly browserId: string;
    readonly locale: "ja" | "en";
    readonly choice: DraftChoice;
    readonly customer: CustomerInput;
    readonly total: number;
    readonly now: Date;
  },
): Promise<string> {
  const row: BookingDraftsTable = {
    id: randomBytes(18).toString("base64url"),
    browser_hash: browserHashOf(input.browserId),
    locale: input.locale,
    choice_json: JSON.stringify(input.choice),
    customer_json: JSON.stringify(input.customer),
    total: input.total,
    created_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + DRAFT_LIFETIME_MS).toISOString(),
  };
  // Drafts hold personal data: those past their hour are deleted as new ones arrive.
  await expiredDrafts(db, row.created_at).execute();
  await db.insertInto("rc_booking_drafts").values(row).execute();
  return row.id;
}

/** The draft `id` (any string: ill-formed ids are simply not found), or undefined. */
export async function findDraft(db: AppDb, id: string): Promise<BookingDraft | undefined> {
  if (!DRAFT_ID.test(id)) return undefined;
  const row = await db
    .selectFrom("rc_booking_drafts")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    id: row.id,
    locale: row.locale,
    choice: storedChoice.parse(JSON.parse(row.choice_json)),
    customer: storedCustomer.parse(JSON.parse(row.customer_json)),
    total: row.total,
    expiresAt: new Date(row.expires_at),
    browserHash: row.browser_hash,
  };
}

/** Whether `draft` was made in browser `browserId` (compared in constant time). */
export function draftBelongsTo(draft: BookingDraft, browserId: string): boolean {
  const expected = Buffer.from(draft.browserHash);
  const presented = Buffer.from(browserHashOf(browserId));
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

/** The booking `draft` became, or undefined. */
export function bookingOfDraft(db: AppDb, draftId: string): Promise<Booking | undefined> {
  return db
    .selectFrom("rc_bookings")
    .selectAll()
    .where("draft_id", "=", draftId)
    .executeTakeFirst();
}

/** Records the total the confirmation step now shows (the price changed since the draft). */
export async function updateDraftTotal(db: AppDb, draftId: string, total: number): Promise<void> {
  await db.updateTable("rc_booking_drafts").set({ total }).where("id", "=", draftId).execute();
}
