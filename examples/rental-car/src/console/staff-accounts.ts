/**
 * @module
 * Staff accounts and their one-time enrolment links. There is no default account: the first
 * manager comes from a command, everyone after from a manager's invitation. An enrolment link
 * holds 32 random bytes, is kept only as its SHA-256, lasts 24 hours and works once.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "@linkpay/store-sql";
import type { AppTables, StaffRole, StaffTable } from "../db/app-tables";
import { isUniqueViolation } from "../db/unique-violation";
import type { AppDb } from "../inventory/inventory";

/** A staff account as read. */
export type Staff = StaffTable;

export const ENROLMENT_HOURS = 24;

/** SHA-256 (hex) of a token: what the database keeps of links and session cookies. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random token for a link or a cookie (256 bits, base64url). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A refused account change. */
export class StaffError extends Error {
  override readonly name = "StaffError";
  constructor(
    readonly code: "EMAIL_TAKEN" | "INVALID_EMAIL" | "INVALID_NAME",
    message: string,
  ) {
    super(message);
  }
}

/** Lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates an invited account and its enrolment token (shown once; only its hash is stored).
 * Throws StaffError("EMAIL_TAKEN") when the address already has an account.
 */
export async function inviteStaff(
  db: Kysely<AppTables>,
  input: {
    readonly email: string;
    readonly name: string;
    readonly role: StaffRole;
    readonly now: Date;
  },
): Promise<{ readonly staff: Staff; readonly enrolmentToken: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new StaffError("INVALID_EMAIL", "The e-mail address is not valid");
  }
  const name = input.name.trim();
  if (name === "" || name.length > 100) {
    throw new StaffError("INVALID_NAME", "The name must be 1 to 100 characters");
  }
  const at = input.now.toISOString();
  const staff: Staff = {
    id: randomUUID(),
    email,
    name,
    role: input.role,
    status: "invited",
    password_hash: null,
    totp_secret: null,
    totp_last_step: 0,
    created_at: at,
    updated_at: at,
  };
  const enrolmentToken = newToken();
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("rc_staff").values(staff).execute();
      await insertEnrolment(trx, staff.id, enrolmentToken, input.now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StaffError("EMAIL_TAKEN", "An account with this e-mail address already exists");
    }
    throw error;
  }
  return { staff, enrolmentToken };
}

/** A fresh enrolment link for an account not yet enrolled (earlier links stop working). */
export async function renewEnrolment(
  db: Kysely<AppTables>,
  staffId: string,
  now: Date,
): Promise<string> {
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("rc_staff_enrolments")
      .set({ used_at: now.toISOString() })
      .where("staff_id", "=", staffId)
      .where("used_at", "is", null)
      .execute();
    await insertEnrolment(trx, staffId, token, now);
  });
  return token;
}

async function insertEnrolment(db: AppDb, staffId: string, token: string, now: Date) {
  await db
    .insertInto("rc_staff_enrolments")
    .values({
      token_hash: tokenHash(token),
      staff_id: staffId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ENROLMENT_HOURS * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
}

/**
 * Uses up an enrolment token: the invited account it belongs to, or undefined when the token is
 * unknown, used, expired, or its account is no longer invited. Only one caller can win a token.
 */
export async function redeemEnrolment(
  db: Kysely<AppTables>,
  token: string,
  now: Date,
): Promise<Staff | undefined> {
  const at = now.toISOString();
  const redeemed = await db
    .updateTable("rc_staff_enrolments")
    .set({ used_at: at })
    .where("token_hash", "=", tokenHash(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .returning("staff_id")
    .executeTakeFirst();
  if (redeemed === undefined) return undefined;
  const staff = await findStaffById(db, redeemed.staff_id);
  return staff?.status === "invited" ? staff : undefined;
}

/** The account with this e-mail address. */
export function findStaffByEmail(db: AppDb, email: string): Promise<Staff | undefined> {
  return db
    .selectFrom("rc_staff")
    .selectAll()
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
}

/** The account with this id. */
export function findStaffById(db: AppDb, id: string): Promise<Staff | undefined> {
  return db.selectFrom("rc_staff").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every account, managers first, then by e-mail. */
export function listStaff(db: AppDb): Promise<Staff[]> {
  return db.selectFrom("rc_staff").selectAll().orderBy("role").orderBy("email").execute();
}

/** Stores the TOTP secret being set up (shown as a QR code) for an invited account. */
export async function setPendingTotpSecret(
  db: AppDb,
  staffId: string,
  secret: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("rc_staff")
    .set({ totp_secret: secret, updated_at: now.toISOString() })
    .where("id", "=", staffId)
    .where("status", "=", "invited")
    .execute();
}

/** Finishes enrolment: password and confirmed TOTP step stored, account active. */
export async function activateStaff(
  db: AppDb,
  input: {
    readonly staffId: string;
    readonly passwordHash: string;
    readonly totpStep: number;
    readonly now: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("rc_staff")
    .set({
      password_hash: input.passwordHash,
      totp_last_step: input.totpStep,
      status: "active",
      updated_at: input.now.toISOString(),
    })
    .where("id", "=", input.staffId)
    .where("status", "=", "invited")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Records that a TOTP step was used; false when it (or a later one) already was: the same code
 * cannot be used twice, even by two requests at once.
 */
export async function consumeTotpStep(db: AppDb, staffId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("rc_staff")
    .set({ totp_last_step: step })
    .where("id", "=", staffId)
    .where("totp_last_step", "<", step)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Puts an account back to `invited` for a lost authenticator or password: both factors and every
 * passkey are dropped, and a new set-up link (returned) is the only way back in.
 */
export async function resetStaff(
  db: Kysely<AppTables>,
  staffId: string,
  now: Date,
): Promise<string> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("rc_staff")
      .set({
        status: "invited",
        password_hash: null,
        totp_secret: null,
        totp_last_step: 0,
        updated_at: now.toISOString(),
      })
      .where("id", "=", staffId)
      .execute();
    await trx.deleteFrom("rc_passkeys").where("staff_id", "=", staffId).execute();
  });
  return renewEnrolment(db, staffId, now);
}

/** Disables or re-enables an account. */
export async function setStaffStatus(
  db: AppDb,
  staffId: string,
  status: "active" | "disabled",
  now: Date,
): Promise<void> {
  await db
    .updateTable("rc_staff")
    .set({ status, updated_at: now.toISOString() })
    .where("id", "=", staffId)
    .where("status", "!=", "invited")
    .execute();
}
