/**
 * @module
 * The sandbox's notion of time. Tests inject a clock to move sessions past `expires_at` without
 * waiting; everything the sandbox stamps (objects, events, signatures) reads this clock.
 */

/** Returns the current time. */
export type Clock = () => Date;

/** The wall clock. */
export const systemClock: Clock = () => new Date();

/** The clock's current time in whole unix seconds, as Stripe writes timestamps. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock().getTime() / 1000);
}
