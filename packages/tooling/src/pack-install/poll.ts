/**
 * @module
 * Waiting for something that happens elsewhere (a webhook, a delivery) without fixed sleeps: ask
 * again until the answer is there, and fail with what was last seen when time runs out.
 */
import { setTimeout as delay } from "node:timers/promises";

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** What is awaited, for the time-out message. */
  readonly what: string;
  readonly timeoutMs: number;
  readonly intervalMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}

/**
 * Calls `probe` until it returns `{ done: true, value }`; throws when `timeoutMs` passed, with
 * the last `seen` description.
 */
export async function pollUntil<T>(
  probe: () => Promise<{ done: true; value: T } | { done: false; seen: string }>,
  options: PollOptions,
): Promise<T> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  for (;;) {
    const result = await probe();
    if (result.done) return result.value;
    if (now() >= deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${options.what}; last seen: ${result.seen}`,
      );
    }
    await delay(options.intervalMs ?? 100);
  }
}
