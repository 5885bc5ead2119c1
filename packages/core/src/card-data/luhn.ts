/**
 * @module
 * The Luhn (mod 10) checksum that every payment card number carries in its last digit.
 */

const ASCII_DIGITS = /^[0-9]+$/;

/** True when `digits` is a non-empty string of ASCII digits whose Luhn checksum is valid. */
export function passesLuhn(digits: string): boolean {
  if (!ASCII_DIGITS.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
