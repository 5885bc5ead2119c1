/**
 * @module
 * Console sessions, kept on the server: the cookie holds 256 random bits, the database their
 * SHA-256. A session starts in a stage (`second_factor` after the password, `enrolling` during
 * set-up) and is replaced by a new one, with a new cookie, once signed in, so no cookie that
 * existed before sign-in is worth anything after (session fixation). Idle and absolute time-outs
 * end it; sign-out, disabling the account or a manager end it on the server.
 */
import type { Request, Response } from "express";
import type { StaffSessionsTable } from "../db/app-tables";
import type { AppDb } from "../inventory/inventory";
import { newToken, type Staff, tokenHash } from "./staff-accounts";

/** `__Host-`: Secure, Path=/ and no Domain, so no other host or path can set or read it. */
export const SESSION_COOKIE = "__Host-rc-console";

/** Time limits, in milliseconds. */
export const SESSION_LIMITS = {
  /** Between the password and the second factor, and for enrolment. */
  pendingMs: 10 * 60_000,
  /** No request for this long ends a signed-in session. */
  idleMs: 30 * 60_000,
  /** A signed-in session ends this long after sign-in, whatever the activity. */
  absoluteMs: 8 * 3_600_000,
  /** A full re-authentication is good this long for money-moving and factor-changing actions. */
  reauthMs: 5 * 60_000,
  /** `last_seen_at` is written at most this often. */
  touchMs: 60_000,
} as const;

/** A live session and its account. */
export interface ConsoleSession {
  readonly idHash: string;
  readonly stage: StaffSessionsTable["stage"];
  readonly staff: Staff;
  readonly createdAt: Date;
}

/** Starts a session; sets its cookie on `res`. */
export async function startSession(
  db: AppDb,
  res: Response,
  input: {
    readonly staffId: string;
    readonly stage: StaffSessionsTable["stage"];
    readonly ip: string;
    readonly userAgent: string;
    readonly now: Date;
  },
): Promise<void> {
  const token = newToken();
  const at = input.now.toISOString();
  const lifetime =
    input.stage === "signed_in" ? SESSION_LIMITS.absoluteMs : SESSION_LIMITS.pendingMs;
  await db
    .insertInto("rc_staff_sessions")
    .values({
      id_hash: tokenHash(token),
      staff_id: input.staffId,
      stage: input.stage,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(input.now.getTime() + lifetime).toISOString(),
      // Signing in is itself a full authentication.
      reauth_at: input.stage === "signed_in" ? at : null,
      revoked_at: null,
      challenge: null,
      ip: input.ip,
      user_agent: input.userAgent.slice(0, 200),
    })
    .execute();
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: "strict",
    path: "/",
  });
}

/** The request's live session, or undefined (no cookie, unknown, revoked, timed out). */
export async function loadSession(
  db: AppDb,
  req: Request,
  now: Date,
): Promise<ConsoleSession | undefined> {
  const token: unknown = req.cookies?.[SESSION_COOKIE];
  if (typeof token !== "string" || token.length === 0 || token.length > 100) return undefined;
  const idHash = tokenHash(token);
  const row = await db
    .selectFrom("rc_staff_sessions as s")
    .innerJoin("rc_staff as staff", "staff.id", "s.staff_id")
    .select([
      "s.stage as session_stage",
      "s.created_at as session_created_at",
      "s.last_seen_at as session_last_seen_at",
      "s.expires_at as session_expires_at",
      "s.revoked_at as session_revoked_at",
    ])
    .selectAll("staff")
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
  if (row === undefined || row.session_revoked_at !== null) return undefined;
  const {
    session_stage: stage,
    session_created_at: createdAt,
    session_last_seen_at: lastSeenAt,
    session_expires_at: expiresAt,
    session_revoked_at: _revoked,
    ...staff
  } = row;
  const at = now.getTime();
  if (at >= Date.parse(expiresAt)) return undefined;
  const idle = at - Date.parse(lastSeenAt);
  if (stage === "signed_in" && idle >= SESSION_LIMITS.idleMs) return undefined;
  const wanted = stage === "enrolling" ? "invited" : "active";
  if (staff.status !== wanted) return undefined;
  if (stage === "signed_in" && idle >= SESSION_LIMITS.touchMs) {
    await db
      .updateTable("rc_staff_sessions")
      .set({ last_seen_at: now.toISOString() })
      .where("id_hash", "=", idHash)
      .execute();
  }
  return { idHash, stage, staff, createdAt: new Date(createdAt) };
}

/** Ends one session on the server and clears its cookie. */
export async function endSession(
  db: AppDb,
  res: Response,
  idHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("rc_staff_sessions")
    .set({ revoked_at: now.toISOString() })
    .where("id_hash", "=", idHash)
    .where("revoked_at", "is", null)
    .execute();
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: "strict", path: "/" });
}

/** Ends every session of an account; the number ended. */
export async function endSessionsOf(db: AppDb, staffId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("rc_staff_sessions")
    .set({ revoked_at: now.toISOString() })
    .where("staff_id", "=", staffId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives the session a WebAuthn challenge (replacing any earlier one). */
export async function setChallenge(db: AppDb, idHash: string, challenge: string): Promise<void> {
  await db
    .updateTable("rc_staff_sessions")
    .set({ challenge })
    .where("id_hash", "=", idHash)
    .execute();
}

/** The session's WebAuthn challenge, cleared as it is read: each is answered at most once. */
export async function takeChallenge(db: AppDb, idHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("rc_staff_sessions")
    .select("challenge")
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  const challenge = row?.challenge ?? null;
  if (challenge === null) return undefined;
  const cleared = await db
    .updateTable("rc_staff_sessions")
    .set({ challenge: null })
    .where("id_hash", "=", idHash)
    .where("challenge", "=", challenge)
    .executeTakeFirst();
  return cleared.numUpdatedRows > 0n ? challenge : undefined;
}

/** True when the session re-authenticated within the last few minutes. */
export async function recentlyReauthenticated(
  db: AppDb,
  idHash: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom("rc_staff_sessions")
    .select("reauth_at")
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  const at = row?.reauth_at ?? null;
  return at !== null && now.getTime() - Date.parse(at) < SESSION_LIMITS.reauthMs;
}

/** Records a full re-authentication on the session. */
export async function markReauthenticated(db: AppDb, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable("rc_staff_sessions")
    .set({ reauth_at: now.toISOString() })
    .where("id_hash", "=", idHash)
    .execute();
}
