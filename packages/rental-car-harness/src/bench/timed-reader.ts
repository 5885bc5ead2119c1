/**
 * @module
 * A {@link CheckoutReader} that times the provider calls the patrol makes through it: retrieving
 * the session it landed on, and expiring it. `runPatrol` exposes no phase timings, but it takes the
 * reader as an option, so its API calls can be measured from outside.
 */
import type { CheckoutReader } from "@linkpay/core";

/** Milliseconds and counts of the calls made since the last `take()`. */
export interface ReaderCalls {
  /** `performance.now()` when the first retrieve started: the browser had reached the provider. */
  readonly firstRetrieveAt: number | undefined;
  readonly retrieveMs: number;
  readonly retrieves: number;
  readonly expireMs: number;
  readonly expires: number;
}

/** The wrapped reader, and its call timings. */
export interface TimedReader {
  readonly reader: CheckoutReader;
  /** The calls since the previous `take()`, then starts counting again. */
  take(): ReaderCalls;
}

/** Wraps `inner`; the patrol sees the same reader. */
export function timedReader(inner: Required<CheckoutReader>): TimedReader {
  const none: ReaderCalls = {
    firstRetrieveAt: undefined,
    retrieveMs: 0,
    retrieves: 0,
    expireMs: 0,
    expires: 0,
  };
  let calls = none;
  const timed = async <T>(
    work: () => Promise<T>,
    add: (ms: number, started: number) => void,
  ): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      add(performance.now() - started, started);
    }
  };
  return {
    reader: {
      id: inner.id,
      checkoutOrigins: inner.checkoutOrigins,
      checkoutSessionIdFromUrl: (url) => inner.checkoutSessionIdFromUrl(url),
      retrieveCheckout: (input) =>
        timed(
          () => inner.retrieveCheckout(input),
          (ms, started) => {
            calls = {
              ...calls,
              firstRetrieveAt: calls.firstRetrieveAt ?? started,
              retrieveMs: calls.retrieveMs + ms,
              retrieves: calls.retrieves + 1,
            };
          },
        ),
      expireCheckout: (input) =>
        timed(
          () => inner.expireCheckout(input),
          (ms) => {
            calls = { ...calls, expireMs: calls.expireMs + ms, expires: calls.expires + 1 };
          },
        ),
    },
    take() {
      const taken = calls;
      calls = none;
      return taken;
    },
  };
}
