/**
 * @module
 * A small seeded pseudo-random generator (mulberry32) for probabilistic faults: the same seed gives
 * the same sequence of decisions, so a flaky-network scenario can be replayed exactly in CI.
 */
import { randomInt } from "node:crypto";

/** Returns a number in [0, 1). */
export type RandomSource = () => number;

/**
 * A deterministic generator for `seed` (any 32-bit integer); a random seed when omitted.
 *
 * @example
 * const random = seededRandom(42);
 * random() < 0.3; // the same answer on every run
 */
export function seededRandom(seed: number = randomInt(2 ** 31)): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
