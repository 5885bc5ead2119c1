/**
 * @module
 * What every KOMOJU operation works with: its records and event log, the sandbox's clock and
 * (redacting) logger, and the base URL `<origin>/komoju`.
 */
import type { Logger } from "@linkpay/core";
import type { Clock } from "../../clock/clock";
import type { KomojuEventLog } from "../state/komoju-event-log";
import type { KomojuState } from "../state/komoju-state";

/** The shared context of the KOMOJU operations. */
export interface KomojuContext {
  readonly state: KomojuState;
  readonly events: KomojuEventLog;
  readonly clock: Clock;
  /** `<public origin>/komoju` (known once the sandbox listens). */
  readonly baseUrl: () => string;
  /** Already redacting. */
  readonly logger: Logger;
  /** Days a konbini slip stays payable (KOMOJU's merchant-wide "Expiry days" setting). */
  readonly konbiniExpiryDays: number;
}
