/**
 * @module
 * Deliveries held back by the `reorder` fault, one group per endpoint and session, until the
 * session's next event has been sent or the longest hold has passed.
 */
import { TimerSet } from "./timer-set";

/** Held groups of items by key; each group is released once (by {@link ReorderHolds.take} or timeout). */
export class ReorderHolds<T> {
  readonly #groups = new Map<string, T[]>();
  readonly #timers = new TimerSet();

  /** True when a group is held under `key`. */
  has(key: string): boolean {
    return this.#groups.has(key);
  }

  /** Holds `items` under `key`; after `maxHoldMs` they go to `onTimeout` unless taken before. */
  hold(key: string, items: T[], maxHoldMs: number, onTimeout: (items: T[]) => void): void {
    this.#groups.set(key, items);
    this.#timers.later(maxHoldMs, () => {
      const timedOut = this.take(key);
      if (timedOut.length > 0) onTimeout(timedOut);
    });
  }

  /** Releases the group under `key` (empty when none is held). */
  take(key: string): T[] {
    const items = this.#groups.get(key) ?? [];
    this.#groups.delete(key);
    return items;
  }

  /** Drops every held group and timer. */
  clear(): void {
    this.#groups.clear();
    this.#timers.clear();
  }
}
