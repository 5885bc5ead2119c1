/**
 * @module
 * `sandbox.komoju`: the KOMOJU mode's part of the sandbox handle. Methods throw a
 * `KomojuApiError` (404 `not_found`, 422 for a session in the wrong state).
 */
import type { DeliveryFilter, DeliveryRecord } from "../webhooks/delivery-record";
import type { KomojuSessionSummary } from "./operator/komoju-session-summary";

/** Operates the KOMOJU mode from code (the same actions as `/_sandbox/komoju`). */
export interface KomojuSandbox {
  /** `${origin}/komoju`: the adapter's `apiBaseUrl` and `checkoutBaseUrl` (after `listen()`). */
  readonly baseUrl: string;
  /** Every KOMOJU session, newest first. */
  sessions(): KomojuSessionSummary[];
  /** Expires a session now: no event for an unpaid one; an unpaid konbini slip → `payment.expired`. */
  expireSession(sessionId: string): KomojuSessionSummary;
  /** The shopper paid the konbini slip: `authorized` → `captured`, `payment.captured`. */
  markKonbiniPaid(sessionId: string): KomojuSessionSummary;
  /** The konbini slip expired unpaid: `authorized` → `expired`, `payment.expired`. */
  markKonbiniExpired(sessionId: string): KomojuSessionSummary;
  /** Sends a `ping` to every KOMOJU endpoint. */
  sendPing(): void;
  /** The KOMOJU webhook delivery log, oldest first. */
  deliveries(filter?: DeliveryFilter): DeliveryRecord[];
}
