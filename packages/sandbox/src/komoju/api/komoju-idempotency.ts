/**
 * @module
 * KOMOJU's `X-KOMOJU-IDEMPOTENCY` header: keys up to 100 characters, scoped to the secret key;
 * 409 `idempotency_conflict` while the first request runs, 422 `idempotency_key_reused` for
 * other parameters. Replays and storage are the shared {@link IdempotencyStore}'s.
 */
import type { IdempotencyDialect } from "../../api/idempotency";
import { KomojuApiError } from "./komoju-api-error";
import { komojuKeyOf } from "./komoju-authenticate";

/** How KOMOJU spells idempotency. */
export const KOMOJU_IDEMPOTENCY: IdempotencyDialect = {
  header: "x-komoju-idempotency",
  maxKeyLength: 100,
  scope: komojuKeyOf,
  tooLong: (maxKeyLength) =>
    new KomojuApiError(
      422,
      "invalid_parameter",
      `X-KOMOJU-IDEMPOTENCY can be at most ${maxKeyLength} characters long.`,
    ),
  inFlight: (key) =>
    new KomojuApiError(
      409,
      "idempotency_conflict",
      `Another request with the idempotency key ${key} is still in progress; retry later.`,
    ),
  reused: (key) =>
    new KomojuApiError(
      422,
      "idempotency_key_reused",
      `The idempotency key ${key} was used with other parameters; use a new key for a new request.`,
    ),
};
