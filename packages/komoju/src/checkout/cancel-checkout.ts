/**
 * @module
 * Ends an open session (`POST /api/v1/sessions/{id}/cancel`), so it can no longer be paid.
 */
import { komojuIdempotencyKey } from "../client/idempotency-key";
import { pathOf } from "../client/komoju-client";
import type { KomojuReadContext } from "../client/komoju-context";

/**
 * Cancels the session. KOMOJU refuses one that can no longer be cancelled (paid); that refusal
 * is mapped like every other KOMOJU error.
 *
 * @throws LinkpayError PROVIDER_SESSION_NOT_FOUND for a session this key's account does not have.
 */
export async function cancelCheckout(
  context: KomojuReadContext,
  { providerSessionId }: { readonly providerSessionId: string },
): Promise<void> {
  await context.client({
    operation: "sessions.cancel",
    method: "POST",
    path: pathOf("sessions", providerSessionId, "cancel"),
    idempotencyKey: komojuIdempotencyKey(`linkpay-cancel-${providerSessionId}`),
    sessionOperation: true,
  });
}
