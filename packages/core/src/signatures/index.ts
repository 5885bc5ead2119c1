/**
 * @module
 * Webhook signature primitives: HMAC helpers, the replay window, secret checks and a generic
 * timestamped-HMAC verifier. Public through `@linkpay/core/provider-kit`.
 */
export { getHeader, getHeaderValues, type HeaderRecord } from "./header-lookup";
export { type HmacSha256Input, hmacSha256, type SignatureEncoding, safeEqual } from "./hmac";
export { decodeUtf8Strictly, type RawBody, rawBodyBytes } from "./raw-body";
export { assertUsableSecrets } from "./secrets";
export {
  assertTimestampWithinTolerance,
  DEFAULT_TOLERANCE_SECONDS,
  parseUnixTimestamp,
  type TimestampCheck,
} from "./timestamp";
export {
  defaultSignedContent,
  type SignedContent,
  type SignTimestampedHmacInput,
  signTimestampedHmac,
  type VerifyTimestampedHmacInput,
  verifyTimestampedHmac,
} from "./timestamped-hmac";
