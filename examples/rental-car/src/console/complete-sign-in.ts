/**
 * @module
 * The end of a sign-in, whichever second factor it used: the pending session is ended and a new
 * one starts with a new cookie (a cookie from before sign-in is worth nothing after), the
 * account's failure count is cleared, and the sign-in is in the audit log with its factor.
 */
import type { Request, Response } from "express";
import { auditAction, type ConsoleRouteDeps } from "./console-deps";
import { type ConsoleSession, endSession, startSession } from "./console-sessions";
import { clearSignInFailures } from "./sign-in-throttle";

/** Turns the pending session into a signed-in one. */
export async function completeSignIn(
  deps: ConsoleRouteDeps,
  req: Request,
  res: Response,
  input: {
    readonly pending: ConsoleSession;
    readonly factor: "totp" | "passkey";
    readonly now: Date;
  },
): Promise<void> {
  const { pending, now } = input;
  const { staff } = pending;
  const ip = req.ip ?? "";
  await endSession(deps.db, res, pending.idHash, now);
  await startSession(deps.db, res, {
    staffId: staff.id,
    stage: "signed_in",
    ip,
    userAgent: req.get("user-agent") ?? "",
    now,
  });
  await clearSignInFailures(deps.signInLimits, staff.email);
  await auditAction(deps, req, staff, {
    action: "sign_in",
    after: { factor: input.factor },
  });
}
