/**
 * @module
 * The KOMOJU event types linkpay acts on. Each only says "this payment changed": the adapter
 * re-fetches the session and maps its current state.
 */

/** Payment event types that make the adapter re-fetch the session. */
export const KOMOJU_WEBHOOK_EVENTS = [
  "payment.authorized",
  "payment.captured",
  "payment.failed",
  "payment.expired",
  "payment.cancelled",
  "payment.refund.created",
  "payment.refunded",
] as const;

const handled: ReadonlySet<string> = new Set(KOMOJU_WEBHOOK_EVENTS);

/** True for a type in {@link KOMOJU_WEBHOOK_EVENTS}. */
export function isHandledEventType(type: string): boolean {
  return handled.has(type);
}
