/**
 * @module
 * A set of pending timers that can all be cancelled at once, so closing the sandbox leaves no
 * retry or delay behind.
 */

/** Pending `setTimeout`s, cancelled together by {@link TimerSet.clear}. */
export class TimerSet {
  readonly #timers = new Set<NodeJS.Timeout>();

  /** Runs `run` after `delayMs`, unless cleared first. */
  later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, delayMs);
    this.#timers.add(timer);
  }

  /** Cancels every pending timer. */
  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
