/**
 * @module
 * API key checks with Stripe's 401 answers: a Bearer (or Basic, as `curl -u` sends) test key is
 * required; any `sk_test_…` key (and, where allowed, `rk_test_…`) is accepted unless one key is
 * configured; live keys are refused. The key names the account the request acts for.
 */
import { safeEqual } from "@linkpay/core/provider-kit";
import type { Request, RequestHandler } from "express";
import { type ApiCaller, callerOfKey, keysOfAccount } from "../accounts/api-key-account";
import { invalidRequest, type SandboxApiError } from "./sandbox-api-error";

const callers = new WeakMap<Request, ApiCaller>();

function keyFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const [scheme = "", value = ""] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() === "basic") {
    return Buffer.from(value, "base64").toString("utf8").split(":", 1)[0];
  }
  return undefined;
}

/** `sk_test_…1234` → `sk_test_****1234`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{2,4}_(?:test|live)_/.exec(key)?.[0] ?? "";
  return `${prefix}****${key.length >= prefix.length + 8 ? key.slice(-4) : ""}`;
}

function unauthorized(message: string): SandboxApiError {
  return invalidRequest(message, { status: 401 });
}

/** Options of {@link authenticate}. */
export interface AuthenticateOptions {
  /** The only secret key accepted (with its `rk_test_` twin, where restricted keys are). */
  readonly apiKey: string | undefined;
  /** Accept restricted keys (`rk_test_…`); the API does, the operator endpoints do not. */
  readonly restrictedKeys: boolean;
}

/** Middleware refusing requests without an acceptable key, and recording who is calling. */
export function authenticate({ apiKey, restrictedKeys }: AuthenticateOptions): RequestHandler {
  const fixedKeys = apiKey === undefined ? undefined : keysOfAccount(apiKey);
  return (req, _res, next) => {
    const key = keyFrom(req.get("authorization"));
    if (key === undefined || key === "") {
      throw unauthorized(
        "You did not provide an API key. You need to provide your API key in the Authorization header, " +
          "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
    }
    if (/^(?:sk|rk)_live_/.test(key)) {
      throw unauthorized(
        `Invalid API Key provided: ${maskKey(key)}. The linkpay sandbox is test mode only and refuses live keys; use an sk_test_ key.`,
      );
    }
    const caller = callerOfKey(key);
    const accepted =
      caller !== undefined &&
      (restrictedKeys || !caller.restricted) &&
      (fixedKeys === undefined || fixedKeys.some((fixed) => safeEqual(key, fixed)));
    if (!accepted) throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
    callers.set(req, caller);
    next();
  };
}

/** Who `req` was authenticated as. */
export function callerOf(req: Request): ApiCaller {
  const caller = callers.get(req);
  if (caller === undefined) throw new Error("authenticate() middleware is not installed");
  return caller;
}
