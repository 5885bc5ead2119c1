/**
 * @module
 * Restricted keys (`rk_test_…`) model a key with read access to everything and write access to
 * one thing: expiring a Checkout Session (what the patrol does to the sessions its own runs made).
 * Any other write answers Stripe's 403 for a key without the permission, which stripe-node raises
 * as `StripePermissionError`.
 */
import type { RequestHandler } from "express";
import { callerOf, maskKey } from "./authenticate";
import { invalidRequest } from "./sandbox-api-error";

const READ_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);
const EXPIRE_SESSION = /^\/v1\/checkout\/sessions\/[^/]+\/expire$/;

/** Middleware refusing writes a restricted key may not make (after `authenticate`). */
export function restrictedKeyPermissions(): RequestHandler {
  return (req, _res, next) => {
    const caller = callerOf(req);
    const allowed =
      READ_METHODS.has(req.method) ||
      (req.method === "POST" && EXPIRE_SESSION.test(req.originalUrl.split("?")[0] ?? ""));
    if (caller.restricted && !allowed) {
      throw invalidRequest(
        `The provided key '${maskKey(caller.key)}' does not have the required permissions for this ` +
          `endpoint on account '${caller.account}'. Restricted keys in the sandbox only read and expire Checkout Sessions: ` +
          `use the account's secret key (sk_test_…) for ${req.method} requests.`,
        { status: 403 },
      );
    }
    next();
  };
}
