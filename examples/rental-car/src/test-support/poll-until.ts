/**
 * @module
 * Waiting in tests for something that happens elsewhere (a webhook, a page that changes once it
 * arrived) without fixed sleeps: ask again until the answer is there, and fail with what was
 * last seen when time runs out.
 */
import { setTimeout as delay } from "node:timers/promises";

/** What a probe answers: done with a value, or not yet with what it saw. */
export type Probe<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly seen: string };

/**
 * Calls `probe` until it is done; throws after `timeoutMs` with the last thing it saw.
 *
 * @example
 * const status = await pollUntil("the refund webhook", async () => {
 *   const attempt = await payments.getStatus({ orderRef });
 *   return attempt?.status === "partially_refunded"
 *     ? { done: true, value: attempt }
 *     : { done: false, seen: String(attempt?.status) };
 * });
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<Probe<T>>,
  options: { readonly timeoutMs?: number; readonly intervalMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result.done) return result.value;
    if (Date.now() >= deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${result.seen}`,
      );
    }
    await delay(options.intervalMs ?? 50);
  }
}
