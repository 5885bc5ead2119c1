/**
 * @module
 * Small helpers for asserting on linkpay errors in tests.
 */
import { isLinkpayError, type LinkpayError } from "../errors";

/** The `code` of the LinkpayError `run` throws, a description of any other throw, or undefined. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isLinkpayError(error) ? error.code : `not a LinkpayError: ${String(error)}`;
  }
  return undefined;
}

/** The LinkpayError `run` throws; throws itself when `run` throws nothing or something else. */
export function errorOf(run: () => unknown): LinkpayError {
  try {
    run();
  } catch (error) {
    if (isLinkpayError(error)) return error;
    throw error;
  }
  throw new Error("expected a LinkpayError, nothing was thrown");
}

/** What `promise` rejects with, or undefined when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}
