/**
 * @module
 * Accounts, as Stripe has them: every object belongs to the account whose key created it, and
 * the key says which account that is. `sk_test_X` (secret) and `rk_test_X` (restricted,
 * read-only here) are two keys of one account; the account id is derived from X, never X itself.
 */
import { createHash } from "node:crypto";

const TEST_KEY = /^(sk|rk)_test_([A-Za-z0-9_]+)$/;

/** Who is calling the API: the account, and whether the key may only read. */
export interface ApiCaller {
  /** The key as sent (never logged or echoed whole: see `maskKey`). */
  readonly key: string;
  /** `acct_…`, the same for an account's secret and restricted key. */
  readonly account: string;
  /** A restricted key (`rk_test_…`): the sandbox lets it read only. */
  readonly restricted: boolean;
}

/** The caller a test key stands for, or undefined for anything but `sk_test_…` / `rk_test_…`. */
export function callerOfKey(key: string): ApiCaller | undefined {
  const match = TEST_KEY.exec(key);
  if (match === null) return undefined;
  const digest = createHash("sha256")
    .update(match[2] ?? "")
    .digest("hex");
  return { key, account: `acct_${digest.slice(0, 16)}`, restricted: match[1] === "rk" };
}

/** The keys of the account of `secretKey`: itself and its restricted twin (`rk_test_…`). */
export function keysOfAccount(secretKey: string): readonly string[] {
  return [secretKey, secretKey.replace(/^sk_/, "rk_")];
}
