/**
 * @module
 * One-time messages from a refused card form post to the page it redirects to (post/redirect/get):
 * why the card was refused, and the expiry and name the shopper typed, so Back and reload never
 * resubmit the form. Kept in memory per session and dropped when read; the card number and CVC are
 * never part of one.
 */
import type { PaymentProblem } from "./texts";

/** The fields the page gives back after a refusal (never the card number or the CVC). */
export interface KeptFields {
  readonly exp: string;
  readonly name: string;
}

/** What the payment page shows once after a refused post. */
export interface FormFlash {
  readonly problem: PaymentProblem;
  readonly fields: KeptFields;
}

/** No fields kept (after 3-D Secure, which has no form fields). */
export const NO_FIELDS: KeptFields = { exp: "", name: "" };

/** Flashes waiting to be shown; the oldest go first beyond this many. */
const MAX_WAITING = 1_000;

/** The expiry and name of a posted card form, cut to the lengths the form allows. */
export function keptFields(body: unknown): KeptFields {
  const field = (key: string, maxLength: number): string => {
    const value = typeof body === "object" && body !== null ? Reflect.get(body, key) : undefined;
    return typeof value === "string" ? value.slice(0, maxLength) : "";
  };
  return { exp: field("exp", 9), name: field("name", 100) };
}

/** The flashes of one sandbox, by session id. */
export class FlashStore {
  readonly #waiting = new Map<string, FormFlash>();

  /** Keeps `flash` for the next view of session `sessionId`'s page, replacing an unread one. */
  put(sessionId: string, flash: FormFlash): void {
    this.#waiting.delete(sessionId);
    this.#waiting.set(sessionId, flash);
    const oldest = this.#waiting.keys().next();
    if (this.#waiting.size > MAX_WAITING && oldest.done !== true)
      this.#waiting.delete(oldest.value);
  }

  /** The flash waiting for `sessionId`, removed so a reload no longer shows it. */
  take(sessionId: string): FormFlash | undefined {
    const flash = this.#waiting.get(sessionId);
    this.#waiting.delete(sessionId);
    return flash;
  }
}
