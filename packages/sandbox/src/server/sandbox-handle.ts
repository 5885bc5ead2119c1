/**
 * @module
 * The handle `createSandbox` returns: start and stop the server, and operate the sandbox from code
 * (the same actions as the `/_sandbox` endpoints).
 */
import type { FaultSettings, SessionFaultSettings } from "../faults/fault-settings";
import type { KomojuSandbox } from "../komoju/komoju-sandbox";
import type { SessionSummary } from "../operator/session-summary";
import type { DeliveryFilter, DeliveryRecord } from "../webhooks/delivery-record";

/** Where a started sandbox can be reached. */
export interface SandboxAddress {
  /** The public origin, e.g. `http://127.0.0.1:4242`; hosted page URLs start with it. */
  readonly origin: string;
  /** The port it listens on (pass it to the Stripe SDK's `port`). */
  readonly port: number;
}

/** A sandbox. Operator methods throw a `SandboxApiError` (404) for unknown ids. */
export interface Sandbox {
  /** Starts listening. */
  listen(): Promise<SandboxAddress>;
  /** Stops listening, cancels pending webhook deliveries and timers. Safe to call twice. */
  close(): Promise<void>;
  /** The public origin (after `listen()`). */
  readonly origin: string;
  /** The bound port (after `listen()`). */
  readonly port: number;
  /** Every session, newest first. */
  sessions(): SessionSummary[];
  /** Expires an open session now (`checkout.session.expired`). */
  expireSession(sessionId: string): SessionSummary;
  /** Marks a pending konbini payment paid (`checkout.session.async_payment_succeeded`). */
  markKonbiniPaid(sessionId: string): SessionSummary;
  /** Marks a pending konbini slip expired (`checkout.session.async_payment_failed`). */
  markKonbiniExpired(sessionId: string): SessionSummary;
  /** Replaces the global faults (`{}` clears them; they apply to KOMOJU too); returns them validated. */
  setFaults(faults: FaultSettings): FaultSettings;
  /** Replaces one session's delivery faults; they take the place of the global ones for it. */
  setSessionFaults(sessionId: string, faults: SessionFaultSettings): SessionSummary;
  /** The Stripe webhook delivery log, oldest first (KOMOJU's: `komoju.deliveries()`). */
  deliveries(filter?: DeliveryFilter): DeliveryRecord[];
  /** Sends a delivery's event again (no faults; Stripe or KOMOJU); returns the new delivery. */
  resendDelivery(deliveryId: string): DeliveryRecord;
  /**
   * Resolves once every scheduled webhook delivery, Stripe's and KOMOJU's, has finished
   * (succeeded, failed or dropped).
   */
  whenDeliveriesSettled(): Promise<void>;
  /** The KOMOJU mode, served under `/komoju`. */
  readonly komoju: KomojuSandbox;
}
