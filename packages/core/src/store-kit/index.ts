/**
 * @module
 * `@linkpay/core/store-kit`: what a `PaymentStore` implementation is built from, so every store
 * creates attempts the same way. Prove a store with `describeStoreContract` from
 * `@linkpay/core/contract-tests`.
 *
 * @example
 * import { newCheckoutAttempt } from "@linkpay/core/store-kit";
 * const attempt = newCheckoutAttempt(input); // then insert it
 */

export { cspViolationFingerprint } from "../csp-reports";
export { checkRateLimitWindow, storedRateLimitKey } from "../rate-limits";
export { newCheckoutAttempt } from "../store/checkout-attempt";
