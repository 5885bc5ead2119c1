/**
 * @module
 * Tests for timestamp.ts.
 */
import { describe, expect, it } from "@jest/globals";
import { errorOf } from "../testing/error-capture";
import {
  assertTimestampWithinTolerance,
  DEFAULT_TOLERANCE_SECONDS,
  parseUnixTimestamp,
} from "./timestamp";

const T = 1_614_265_330;
const at = (seconds: number): Date => new Date(seconds * 1000);
const check = (timestamp: number, now: Date, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS) =>
  assertTimestampWithinTolerance({ timestamp, now, toleranceSeconds });

describe("assertTimestampWithinTolerance", () => {
  it("defaults to 5 minutes", () => {
    expect(DEFAULT_TOLERANCE_SECONDS).toBe(300);
  });

  it("accepts now and both edges of the window", () => {
    expect(() => check(T, at(T))).not.toThrow();
    expect(() => check(T - 300, at(T))).not.toThrow();
    expect(() => check(T + 300, at(T))).not.toThrow();
    // Sub-second parts of `now` are dropped, so the edge still holds at .999.
    expect(() => check(T - 300, new Date(T * 1000 + 999))).not.toThrow();
  });

  it("rejects a stale timestamp as TOO_OLD, with the age", () => {
    const error = errorOf(() => check(T - 301, at(T)));
    expect(error.code).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
    expect(error.status).toBe(400);
    expect(error.message).toContain("301s old");
    expect(error.details).toMatchObject({ ageSeconds: 301, toleranceSeconds: 300 });
  });

  it("rejects a future timestamp as IN_FUTURE", () => {
    const error = errorOf(() => check(T + 301, at(T)));
    expect(error.code).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect(error.message).toContain("301s in the future");
  });

  it("hints at milliseconds when the timestamp is far too large", () => {
    const error = errorOf(() => check(T * 1000, at(T)));
    expect(error.code).toBe("WEBHOOK_TIMESTAMP_IN_FUTURE");
    expect(error.message).toContain("milliseconds");
  });

  it("honours a custom tolerance", () => {
    expect(() => check(T - 600, at(T), 600)).not.toThrow();
    expect(errorOf(() => check(T - 11, at(T), 10)).code).toBe("WEBHOOK_TIMESTAMP_TOO_OLD");
  });

  it.each([0, -1, -300, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses tolerance %p as CONFIG_INVALID",
    (tolerance) => {
      const error = errorOf(() => check(T, at(T), tolerance));
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.status).toBe(500);
      expect(error.message).toContain('0 is refused, not "off"');
    },
  );

  it("checks the tolerance even when the timestamp is fine", () => {
    expect(errorOf(() => check(T, at(T), 0)).code).toBe("CONFIG_INVALID");
  });

  it("refuses a non-integer timestamp as malformed", () => {
    expect(errorOf(() => check(T + 0.5, at(T))).code).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(errorOf(() => check(Number.NaN, at(T))).code).toBe("WEBHOOK_SIGNATURE_MALFORMED");
  });

  it("refuses an invalid clock", () => {
    expect(errorOf(() => check(T, new Date(Number.NaN))).code).toBe("CONFIG_INVALID");
  });
});

describe("parseUnixTimestamp", () => {
  it("parses decimal seconds", () => {
    expect(parseUnixTimestamp("1614265330", "webhook-timestamp")).toBe(T);
    expect(parseUnixTimestamp("0", "webhook-timestamp")).toBe(0);
  });

  it.each([
    "",
    " 1614265330",
    "1614265330 ",
    "1614265330abc",
    "1614265330.5",
    "-5",
    "+5",
    "0x10",
    "1e9",
    "9".repeat(16),
  ])("refuses %p as malformed", (value) => {
    const error = errorOf(() => parseUnixTimestamp(value, "webhook-timestamp"));
    expect(error.code).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(error.message).toContain("webhook-timestamp");
  });
});
