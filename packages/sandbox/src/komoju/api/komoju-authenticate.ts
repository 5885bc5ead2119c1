/**
 * @module
 * KOMOJU's API authentication: HTTP Basic with the secret key as the user name and an empty
 * password. Any `sk_test_…` key is accepted, or exactly `komoju.secretKey` when it is set; live
 * keys are refused. Idempotency keys are scoped to the secret key.
 */
import { safeEqual } from "@linkpay/core/provider-kit";
import type { Request, RequestHandler } from "express";
import { maskKey } from "../../api/authenticate";
import { KomojuApiError } from "./komoju-api-error";

const keys = new WeakMap<Request, string>();

function basicUser(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const [scheme = "", value = ""] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() !== "basic") return undefined;
  return Buffer.from(value, "base64").toString("utf8").split(":", 1)[0];
}

function unauthorized(message: string): KomojuApiError {
  return new KomojuApiError(401, "unauthorized", message);
}

/** Middleware refusing requests without an acceptable secret key. */
export function komojuAuthenticate(secretKey: string | undefined): RequestHandler {
  return (req, _res, next) => {
    const key = basicUser(req.get("authorization"));
    if (key === undefined || key === "") {
      throw unauthorized(
        "No secret key given: send it as the user name of HTTP Basic auth (curl -u sk_test_...:).",
      );
    }
    if (!key.startsWith("sk_test_")) {
      throw unauthorized(
        `Invalid secret key ${maskKey(key)}: the linkpay sandbox is test mode only and accepts sk_test_ keys.`,
      );
    }
    if (secretKey !== undefined && !safeEqual(key, secretKey)) {
      throw unauthorized(`Invalid secret key ${maskKey(key)}.`);
    }
    keys.set(req, key);
    next();
  };
}

/** The secret key `req` was authenticated with. */
export function komojuKeyOf(req: Request): string {
  const key = keys.get(req);
  if (key === undefined) throw new Error("komojuAuthenticate() middleware is not installed");
  return key;
}
