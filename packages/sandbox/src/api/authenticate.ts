/**
 * @module
 * API key checks with Stripe's 401 answers: a Bearer (or Basic, as `curl -u` sends) secret key is
 * required; any `sk_test_…` key is accepted unless one key is configured; live keys are refused.
 */
import { safeEqual } from "@linkpay/core/provider-kit";
import type { Request, RequestHandler } from "express";
import { invalidRequest, type SandboxApiError } from "./sandbox-api-error";

const keys = new WeakMap<Request, string>();
const TEST_KEY = /^sk_test_[A-Za-z0-9_]+$/;

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

/** Middleware refusing requests without an acceptable key (`apiKey`: the only key accepted). */
export function authenticate(apiKey: string | undefined): RequestHandler {
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
    const accepted = apiKey === undefined ? TEST_KEY.test(key) : safeEqual(key, apiKey);
    if (!accepted) throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
    keys.set(req, key);
    next();
  };
}

/** The API key `req` was authenticated with. */
export function apiKeyOf(req: Request): string {
  const key = keys.get(req);
  if (key === undefined) throw new Error("authenticate() middleware is not installed");
  return key;
}
