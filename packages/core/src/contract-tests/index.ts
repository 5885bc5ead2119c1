/**
 * @module
 * The contract suites every provider adapter and store must pass. Import from
 * `@linkpay/core/contract-tests` inside a jest test file (needs `@jest/globals`).
 */

export {
  type CspReportStoreHarness,
  describeCspReportStoreContract,
} from "./csp-report-store-contract";
export {
  contractCheckoutInput,
  describeProviderContract,
  type ProviderContractHarness,
} from "./provider-contract";
export {
  describeRateLimitStoreContract,
  type RateLimitStoreHarness,
} from "./rate-limit-store-contract";
export { describeStoreContract, type StoreContractHarness } from "./store-contract";
