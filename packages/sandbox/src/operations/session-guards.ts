/**
 * @module
 * Checks shared by the payment operations: a session takes payment only while it is open.
 */
import { invalidRequest } from "../api/sandbox-api-error";
import type { SessionRecord } from "../state/records";

/**
 * Throws unless the session is open.
 *
 * @throws SandboxApiError 400 naming the session's status.
 */
export function assertOpen(session: SessionRecord): void {
  if (session.status !== "open") {
    throw invalidRequest(
      `This Checkout Session is ${session.status}; only an open session accepts payment.`,
      { code: "checkout_session_not_open" },
    );
  }
}
