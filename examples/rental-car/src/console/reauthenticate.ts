/**
 * @module
 * Re-authentication before money moves: the password and a fresh TOTP code on the form itself.
 * Attempts count against the account like sign-in attempts do, so the forms cannot be used to
 * guess either factor; the code is used up like any other.
 */
import type { Request } from "express";
import { auditAction, type ConsoleRouteDeps } from "./console-deps";
import { type ConsoleSession, markReauthenticated } from "./console-sessions";
import { verifyPassword } from "./passwords";
import { clearSignInFailures, countSignInAttempt } from "./sign-in-throttle";
import { consumeTotpStep } from "./staff-accounts";
import { matchTotp } from "./totp";

/** True when the form's `password` and `code` are right (and the code unused). */
export async function reauthenticate(
  deps: ConsoleRouteDeps,
  session: ConsoleSession,
  req: Request,
  input: { readonly password: string; readonly code: string; readonly action: string },
): Promise<boolean> {
  const now = deps.now();
  const ip = req.ip ?? "";
  const count = await countSignInAttempt(deps.signInLimits, {
    email: session.staff.email,
    ip,
    now,
  });
  // The account as loaded for this request; consumeTotpStep re-checks the step in the database.
  const { staff } = session;
  const passwordOk = !count.locked && (await verifyPassword(staff.password_hash, input.password));
  const step =
    passwordOk && staff.totp_secret !== null
      ? await matchTotp({
          secret: staff.totp_secret,
          code: input.code,
          now,
          afterStep: staff.totp_last_step,
        })
      : undefined;
  const ok = step !== undefined && (await consumeTotpStep(deps.db, session.staff.id, step));
  if (!ok) {
    await auditAction(deps, req, session.staff, {
      action: `reauth_for_${input.action}`,
      outcome: "refused",
    });
    return false;
  }
  await clearSignInFailures(deps.signInLimits, session.staff.email);
  await markReauthenticated(deps.db, session.idHash, now);
  return true;
}
