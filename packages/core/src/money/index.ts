/**
 * @module
 * Money for linkpay: ISO 4217 currencies and exact integer minor-unit amounts.
 */
export {
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  type CurrencyExponent,
  currencyExponent,
  isCurrencyCode,
  toCurrencyCode,
} from "./currencies";
export {
  addMoney,
  compareMoney,
  formatMoney,
  type Money,
  money,
  moneyEquals,
  moneyFromMajor,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toMajorString,
} from "./money";
