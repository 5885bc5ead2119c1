/**
 * @module
 * Test support for linkpay: a fake payment provider that signs its own callbacks, and helpers
 * that capture linkpay errors.
 * Import from `@linkpay/core/testing`. The contract suites live in `@linkpay/core/contract-tests`.
 */

export { codeOf, errorOf, rejectionOf } from "./error-capture";
export {
  createFakeProvider,
  FAKE_PROVIDER_SECRET,
  type FakeDeliveryInput,
  type FakeProvider,
  type FakeProviderOptions,
  type FakeSession,
} from "./fake-provider";
