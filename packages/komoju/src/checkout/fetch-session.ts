/**
 * @module
 * `GET /api/v1/sessions/{id}`, parsed.
 */
import { pathOf } from "../client/komoju-client";
import type { KomojuReadContext } from "../client/komoju-context";
import { type KomojuSession, sessionSchema } from "../objects/komoju-schemas";
import { parseKomojuObject } from "../objects/parse-komoju-object";

/**
 * The session with its payment.
 *
 * @throws LinkpayError PROVIDER_SESSION_NOT_FOUND when KOMOJU has no such session for this key's
 *   account, PROVIDER_UNAVAILABLE when it cannot be reached, and the other mapped errors.
 */
export async function fetchSession(
  context: KomojuReadContext,
  providerSessionId: string,
): Promise<KomojuSession> {
  const json = await context.client({
    operation: "sessions.retrieve",
    method: "GET",
    path: pathOf("sessions", providerSessionId),
    sessionOperation: true,
  });
  return parseKomojuObject(sessionSchema, json, "session", "api");
}
