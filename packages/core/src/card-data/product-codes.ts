/**
 * @module
 * Product codes that share a card number's shape: a JAN/EAN-13 barcode number has 13 digits and
 * Japanese ones start with 45 or 49, like a 13-digit Visa number, and one in ten also passes Luhn.
 * Internal to `card-data`.
 */

/** True when `digits` (13 ASCII digits) carries a valid EAN-13 check digit (weights 1, 3, 1, …). */
export function isEan13(digits: string): boolean {
  if (digits.length !== 13) return false;
  let sum = 0;
  for (let index = 0; index < 12; index++) {
    sum += (digits.charCodeAt(index) - 48) * (index % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(12) - 48;
}
