/**
 * @module
 * Test doubles for linkpay: a fake payment provider that signs its own callbacks.
 * Import from `@linkpay/core/testing`. The contract suites live in `@linkpay/core/contract-tests`.
 */
export {
  createFakeProvider,
  FAKE_PROVIDER_SECRET,
  type FakeDeliveryInput,
  type FakeProvider,
  type FakeProviderOptions,
  type FakeSession,
} from "./fake-provider";
