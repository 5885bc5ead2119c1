/**
 * @module
 * Card-data protection: detect card numbers (PANs) so they are refused, and redact them and other
 * secrets from anything that gets logged.
 */
export {
  CARD_BRANDS,
  type CardBrand,
  type CardBrandSpec,
  cardBrandOf,
  type IinRange,
  MAX_CARD_NUMBER_LENGTH,
  MIN_CARD_NUMBER_LENGTH,
} from "./card-brands";
export {
  assertNoCardData,
  type CardNumberFinding,
  type CardScanOptions,
  containsCardNumber,
  findCardNumbers,
} from "./find-card-numbers";
export { passesLuhn } from "./luhn";
export { redact, redactString } from "./redact";
export { isSensitiveKey } from "./secrets";
