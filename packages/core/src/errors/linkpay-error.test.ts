import { describe, expect, it } from "@jest/globals";
import { ERROR_CODES } from "./error-codes";
import { isLinkpayError, LinkpayError } from "./linkpay-error";

describe("LinkpayError", () => {
  it("keeps not-authentic, misconfigured and try-again-later apart", () => {
    const forged = new LinkpayError("WEBHOOK_SIGNATURE_INVALID", "bad signature");
    const config = new LinkpayError("CONFIG_INVALID", "missing secret");
    const later = new LinkpayError("STORE_UNAVAILABLE", "database down");
    expect([forged.status, forged.kind, forged.retryable]).toEqual([400, "not_authentic", false]);
    expect([config.status, config.kind, config.retryable]).toEqual([500, "misconfigured", false]);
    expect([later.status, later.kind, later.retryable]).toEqual([503, "retryable", true]);
  });

  it("keeps the cause and details", () => {
    const cause = new Error("ECONNREFUSED");
    const error = new LinkpayError("PROVIDER_UNAVAILABLE", "down", { cause, details: { a: 1 } });
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ a: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("LinkpayError");
  });

  it("narrows by code", () => {
    const error: unknown = new LinkpayError("ATTEMPT_NOT_FOUND", "none");
    expect(isLinkpayError(error)).toBe(true);
    expect(isLinkpayError(error, "ATTEMPT_NOT_FOUND")).toBe(true);
    expect(isLinkpayError(error, "CONFIG_INVALID")).toBe(false);
    expect(isLinkpayError(new Error("plain"))).toBe(false);
  });

  it("uses UPPER_SNAKE codes and real HTTP statuses", () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(info.status).toBeGreaterThanOrEqual(400);
      expect(info.status).toBeLessThan(600);
    }
  });
});
