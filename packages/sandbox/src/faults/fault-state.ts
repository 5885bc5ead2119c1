/**
 * @module
 * The faults in force (global and per session) and the decisions they lead to: how each webhook
 * delivery is disturbed, and whether an API call fails or waits. Probabilities are drawn from one
 * seeded generator, so a seed replays the same disturbances.
 */
import { matchesAnyEventType } from "../events/event-type-pattern";
import type { DeliveryFaults, GlobalFaults } from "./fault-settings";
import type { RandomSource } from "./seeded-random";

/** How long a reordered event waits for the next event of its session before it is sent anyway. */
const DEFAULT_MAX_HOLD_MS = 30_000;

/** What the faults decided for one event and one endpoint. */
export interface DeliveryPlan {
  /** Never send it. */
  readonly drop: boolean;
  /** How many times to send it (1 = no duplicates). */
  readonly copies: number;
  /** How long to wait before sending. */
  readonly delayMs: number;
  /** Hold it until the next event of the same session was sent (or `maxHoldMs` passed). */
  readonly reorder: { readonly maxHoldMs: number } | undefined;
  /** Sign with a wrong secret. */
  readonly badSignature: boolean;
  /** Short descriptions of the faults applied, for the delivery log. */
  readonly applied: readonly string[];
}

type Chance = boolean | { readonly probability: number } | undefined;

/** Global and per-session faults, with the seeded generator that resolves their probabilities. */
export class FaultState {
  #global: GlobalFaults;
  readonly #sessions = new Map<string, DeliveryFaults>();
  readonly #random: RandomSource;

  constructor(initial: GlobalFaults, random: RandomSource) {
    this.#global = initial;
    this.#random = random;
  }

  /** The global faults in force. */
  get global(): GlobalFaults {
    return this.#global;
  }

  /** Replaces the global faults (`{}` clears them). */
  setGlobal(faults: GlobalFaults): void {
    this.#global = faults;
  }

  /** Replaces the faults of one session; they take the place of the global delivery faults. */
  setSession(sessionId: string, faults: DeliveryFaults): void {
    this.#sessions.set(sessionId, faults);
  }

  /** The faults set for one session, if any. */
  sessionFaults(sessionId: string): DeliveryFaults | undefined {
    return this.#sessions.get(sessionId);
  }

  /** Decides how to deliver an event of `eventType` belonging to `sessionId`. */
  planDelivery(eventType: string, sessionId: string | undefined): DeliveryPlan {
    const own = sessionId === undefined ? undefined : this.#sessions.get(sessionId);
    const faults: DeliveryFaults = own ?? this.#global;
    if (faults.eventTypes !== undefined && !matchesAnyEventType(faults.eventTypes, eventType)) {
      return {
        drop: false,
        copies: 1,
        delayMs: 0,
        reorder: undefined,
        badSignature: false,
        applied: [],
      };
    }
    const applied: string[] = [];
    const drop = this.#roll(faults.drop);
    if (drop) applied.push("drop");
    const badSignature = this.#roll(faults.badSignature);
    if (badSignature) applied.push("badSignature");
    const copies = this.#copies(faults.duplicate);
    if (copies > 1) applied.push(`duplicate x${copies}`);
    const delayMs = this.#delay(faults.delayMs);
    if (delayMs > 0) applied.push(`delay ${delayMs}ms`);
    const reorder = this.#reorder(faults.reorder);
    if (reorder !== undefined) applied.push("reorder");
    return { drop, copies, delayMs, reorder, badSignature, applied };
  }

  /** The status an API call must fail with (consuming one counted error), or undefined. */
  takeApiError(): 500 | 429 | undefined {
    const fault = this.#global.apiError;
    if (fault === undefined) return undefined;
    if (fault.probability !== undefined && !(this.#random() < fault.probability)) return undefined;
    const remaining = fault.count ?? (fault.probability === undefined ? 1 : undefined);
    if (remaining !== undefined) {
      const { apiError: _used, ...rest } = this.#global;
      this.#global =
        remaining > 1 ? { ...rest, apiError: { ...fault, count: remaining - 1 } } : rest;
    }
    return fault.status;
  }

  /** How long every API call waits before it is answered. */
  apiDelayMs(): number {
    return this.#global.apiDelayMs ?? 0;
  }

  #roll(chance: Chance): boolean {
    if (chance === undefined || chance === false) return false;
    if (chance === true) return true;
    return this.#random() < chance.probability;
  }

  #copies(duplicate: DeliveryFaults["duplicate"]): number {
    if (duplicate === undefined) return 1;
    if (typeof duplicate === "number") return duplicate;
    return this.#roll(duplicate) ? duplicate.copies : 1;
  }

  #delay(delay: DeliveryFaults["delayMs"]): number {
    if (delay === undefined) return 0;
    if (typeof delay === "number") return delay;
    return this.#roll(delay) ? delay.ms : 0;
  }

  #reorder(reorder: DeliveryFaults["reorder"]): DeliveryPlan["reorder"] {
    if (reorder === undefined || reorder === false) return undefined;
    if (reorder === true) return { maxHoldMs: DEFAULT_MAX_HOLD_MS };
    return this.#roll(reorder)
      ? { maxHoldMs: reorder.maxHoldMs ?? DEFAULT_MAX_HOLD_MS }
      : undefined;
  }
}
