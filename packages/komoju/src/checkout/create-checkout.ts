/**
 * @module
 * Creates the hosted KOMOJU session for one attempt.
 */
import {
  type CreateCheckoutInput,
  LinkpayError,
  moneyEquals,
  type ProviderCallOptions,
  type ProviderCheckoutSession,
} from "@linkpay/core";
import { komojuIdempotencyKey } from "../client/idempotency-key";
import type { KomojuContext } from "../client/komoju-context";
import { sessionSchema } from "../objects/komoju-schemas";
import { parseKomojuObject } from "../objects/parse-komoju-object";
import { sessionExpiresAt } from "./linkpay-metadata";
import { sessionAmount } from "./session-amount";
import { sessionCreateBody } from "./session-create-body";

/**
 * `POST /sessions` with the attempt's idempotency key. The session must be for the attempt's
 * total (PROVIDER_REJECTED otherwise) and its `session_url` must be this session's page under
 * `checkoutBaseUrl` (REDIRECT_NOT_ALLOWED otherwise).
 */
export async function createCheckout(
  context: KomojuContext,
  input: CreateCheckoutInput,
  { idempotencyKey }: ProviderCallOptions,
  sessionIdFromUrl: (url: string) => string | undefined,
): Promise<ProviderCheckoutSession> {
  const key = komojuIdempotencyKey(idempotencyKey);
  const json = await context.client({
    operation: "sessions.create",
    method: "POST",
    path: "/sessions",
    body: sessionCreateBody(input),
    idempotencyKey: key,
  });
  const session = parseKomojuObject(sessionSchema, json, "session", "api");
  const details = { providerSessionId: session.id, orderRef: input.orderRef };
  if (!moneyEquals(sessionAmount(session), input.total)) {
    throw new LinkpayError(
      "PROVIDER_REJECTED",
      "KOMOJU created a session for another amount than the attempt's total",
      { details },
    );
  }
  const hostedUrl = session.session_url ?? "";
  if (sessionIdFromUrl(hostedUrl) !== session.id) {
    throw new LinkpayError(
      "REDIRECT_NOT_ALLOWED",
      "KOMOJU returned a session_url that is not this session's page under checkoutBaseUrl",
      { details: { ...details, reason: hostedUrl === "" ? "missing_url" : "unexpected_url" } },
    );
  }
  return {
    providerSessionId: session.id,
    hostedUrl,
    expiresAt: sessionExpiresAt(session) ?? input.expiresAt,
  };
}
