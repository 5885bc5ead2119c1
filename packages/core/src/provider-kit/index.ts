/**
 * @module
 * `@linkpay/core/provider-kit`: what a payment provider adapter (or a PSP emulator) is built
 * from — webhook signature primitives (HMAC, constant-time comparison, a timestamped-HMAC
 * verifier with secret rotation and a replay window, strict header and body readers), a parser
 * for the PSP's objects with the right error code, option checks that report every problem at
 * once, and card checks for test card pages. Merchants do not need any of it: `@linkpay/core` is their API.
 *
 * @example
 * import { verifyTimestampedHmac } from "@linkpay/core/provider-kit";
 * verifyTimestampedHmac({ rawBody, timestamp, signatures, secrets, encoding: "hex" });
 */
export { type CardBrand, cardBrandOf } from "../card-data/card-brands";
export { passesLuhn } from "../card-data/luhn";
export {
  assertTimestampWithinTolerance,
  assertUsableSecrets,
  DEFAULT_TOLERANCE_SECONDS,
  decodeUtf8Strictly,
  defaultSignedContent,
  getHeader,
  getHeaderValues,
  type HeaderRecord,
  type HmacSha256Input,
  hmacSha256,
  parseUnixTimestamp,
  type RawBody,
  rawBodyBytes,
  type SignatureEncoding,
  type SignedContent,
  type SignTimestampedHmacInput,
  safeEqual,
  signTimestampedHmac,
  type TimestampCheck,
  type VerifyTimestampedHmacInput,
  verifyTimestampedHmac,
} from "../signatures";
export {
  collectOptionIssue,
  type OptionIssue,
  optionIssuesOf,
  refuseOptions,
} from "./option-issues";
export {
  type ProviderObjectLabel,
  type ProviderObjectSource,
  parseProviderObject,
} from "./parse-provider-object";
