/**
 * @module
 * Webhook signature verification: HMAC helpers, replay window, secret checks, a generic
 * timestamped-HMAC verifier and Standard Webhooks.
 */
export { getHeader, getHeaderValues, type HeaderRecord } from "./header-lookup";
export { type HmacSha256Input, hmacSha256, type SignatureEncoding, safeEqual } from "./hmac";
export { decodeUtf8Strictly, type RawBody, rawBodyBytes } from "./raw-body";
export { assertUsableSecrets } from "./secrets";
export {
  type SignStandardWebhookInput,
  STANDARD_WEBHOOK_HEADERS,
  type StandardWebhookHeaders,
  signStandardWebhook,
  type VerifiedStandardWebhook,
  type VerifyStandardWebhookInput,
  verifyStandardWebhook,
} from "./standard-webhooks";
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
