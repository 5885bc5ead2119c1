/**
 * @module
 * Replay protection: is a webhook's signed timestamp close enough to now?
 */
import { LinkpayError } from "../errors";

/** Default replay window in seconds (5 minutes), in both directions. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Input of {@link assertTimestampWithinTolerance}. */
export interface TimestampCheck {
  /** The signed timestamp, in whole unix seconds. */
  readonly timestamp: number;
  /** The current time. */
  readonly now: Date;
  /** Largest accepted distance from `now`, in seconds; a positive integer. */
  readonly toleranceSeconds: number;
}

// Unix seconds beyond this (year ~5138) are almost certainly milliseconds.
const MAX_PLAUSIBLE_SECONDS = 100_000_000_000;

/**
 * Throws unless `timestamp` lies within `toleranceSeconds` of `now` (the edge itself is accepted).
 *
 * @throws LinkpayError CONFIG_INVALID when the tolerance is not a positive integer (0 is refused, not "off")
 *   or `now` is an invalid date; WEBHOOK_SIGNATURE_MALFORMED when `timestamp` is not an integer;
 *   WEBHOOK_TIMESTAMP_TOO_OLD / WEBHOOK_TIMESTAMP_IN_FUTURE when it is outside the window.
 */
export function assertTimestampWithinTolerance({
  timestamp,
  now,
  toleranceSeconds,
}: TimestampCheck): void {
  assertTolerance(toleranceSeconds);
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(nowMs)) {
    throw new LinkpayError("CONFIG_INVALID", "now must be a valid Date");
  }
  if (!Number.isSafeInteger(timestamp)) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `webhook timestamp must be whole unix seconds, got ${String(timestamp)}`,
    );
  }
  const nowSeconds = Math.floor(nowMs / 1000);
  const ageSeconds = nowSeconds - timestamp;
  const details = { timestamp, now: nowSeconds, ageSeconds, toleranceSeconds };
  if (ageSeconds > toleranceSeconds) {
    throw new LinkpayError(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
      `webhook timestamp is ${ageSeconds}s old, more than the ${toleranceSeconds}s tolerance: ` +
        "a replayed message, a delayed retry signed long ago, or a wrong server clock",
      { details },
    );
  }
  if (-ageSeconds > toleranceSeconds) {
    const hint =
      timestamp > MAX_PLAUSIBLE_SECONDS
        ? "the timestamp looks like milliseconds; it must be unix seconds"
        : "check the server clock (NTP)";
    throw new LinkpayError(
      "WEBHOOK_TIMESTAMP_IN_FUTURE",
      `webhook timestamp is ${-ageSeconds}s in the future, more than the ` +
        `${toleranceSeconds}s tolerance: ${hint}`,
      { details },
    );
  }
}

/** Throws CONFIG_INVALID unless `toleranceSeconds` is a positive safe integer. */
export function assertTolerance(toleranceSeconds: number): void {
  if (
    typeof toleranceSeconds !== "number" ||
    !Number.isSafeInteger(toleranceSeconds) ||
    toleranceSeconds <= 0
  ) {
    throw new LinkpayError(
      "CONFIG_INVALID",
      `toleranceSeconds must be a positive whole number of seconds, got ${String(toleranceSeconds)} ` +
        `(0 is refused, not "off": replay protection cannot be disabled; default ${DEFAULT_TOLERANCE_SECONDS})`,
      { details: { toleranceSeconds: String(toleranceSeconds) } },
    );
  }
}

/**
 * Parses a timestamp header strictly as decimal unix seconds (digits only).
 *
 * @throws LinkpayError WEBHOOK_SIGNATURE_MALFORMED for anything else (signs, spaces, decimals, hex, junk).
 */
export function parseUnixTimestamp(value: string, label: string): number {
  const parsed = /^[0-9]{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw new LinkpayError(
      "WEBHOOK_SIGNATURE_MALFORMED",
      `${label} must be decimal unix seconds (digits only), got ${JSON.stringify(value.slice(0, 32))}`,
      { details: { header: label } },
    );
  }
  return parsed;
}
