/**
 * @module
 * Throttling of sign-in: each attempt counts against the account (lock-out after 6 failures, for
 * the rest of a 15-minute window) and against the address (60 per window, for guessing across
 * accounts). A success clears the account's count. Counts live in linkpay's RateLimitStore (the
 * database), so a restart or a second instance does not reset them.
 */
import type { RateLimitStore } from "@linkpay/core";
import { normalizeEmail } from "./staff-accounts";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  /** Failures allowed per account; the next attempt is refused until the window ends. */
  accountFailures: 6,
  perAddress: 60,
} as const;

const accountKey = (email: string) => `console-sign-in:account:${normalizeEmail(email)}`;
const addressKey = (ip: string) => `console-sign-in:address:${ip}`;

/** Counts an attempt; `locked` with the time it ends when the account or address is over. */
export async function countSignInAttempt(
  store: RateLimitStore,
  input: { readonly email: string; readonly ip: string; readonly now: Date },
): Promise<{ readonly locked: boolean; readonly until: Date }> {
  const [account, address] = await Promise.all([
    store.hitRateLimit({
      key: accountKey(input.email),
      windowMs: SIGN_IN_LIMITS.windowMs,
      at: input.now,
    }),
    store.hitRateLimit({
      key: addressKey(input.ip),
      windowMs: SIGN_IN_LIMITS.windowMs,
      at: input.now,
    }),
  ]);
  const accountLocked = account.hits > SIGN_IN_LIMITS.accountFailures;
  const addressLocked = address.hits > SIGN_IN_LIMITS.perAddress;
  const until = new Date(
    Math.max(
      accountLocked ? account.resetAt.getTime() : 0,
      addressLocked ? address.resetAt.getTime() : 0,
    ),
  );
  return { locked: accountLocked || addressLocked, until };
}

/** Clears an account's count after a full sign-in. */
export async function clearSignInFailures(store: RateLimitStore, email: string): Promise<void> {
  await store.resetRateLimit({ key: accountKey(email) });
}
