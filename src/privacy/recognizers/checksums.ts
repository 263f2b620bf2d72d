/**
 * Check-digit arithmetic shared by recognizers (and by the tests that build synthetic identifiers). Pure functions
 * over digit strings; callers strip separators first.
 */

/** Remainder of a decimal digit string modulo 97 (BigInt: RIBs have 24 digits). */
export const mod97 = (digits: string): number => Number(BigInt(digits) % 97n);

/** Moroccan RIB key: the 24-digit RIB is ≡ 0 (mod 97), so key = 97 − (first 22 digits × 100 mod 97). */
export const ribKey = (first22: string): string =>
  String(97n - ((BigInt(first22) * 100n) % 97n)).padStart(2, '0');

/** ICE control digits: the 15-digit ICE is ≡ 0 (mod 97) (python-stdnum's rule). */
export const iceControl = (first13: string): string =>
  String((97n - ((BigInt(first13) * 100n) % 97n)) % 97n).padStart(2, '0');

/** ISO 13616 / ISO 7064 mod 97-10: move the first four characters to the end, letters to 10–35, remainder 1. */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 90 ? code - 55 : -1;
    if (value < 0) return -1;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** The two IBAN check digits for a country code and BBAN (uppercase, no separators). */
export const ibanCheckDigits = (country: string, bban: string): string =>
  String(98 - ibanRemainder(`${country}00${bban}`)).padStart(2, '0');

/** Luhn (ISO/IEC 7812-1) over a digit string including its check digit. */
export function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The Luhn check digit to append to `partial`. */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnOk(partial + String(d))) return String(d);
  throw new Error('unreachable: one Luhn digit always fits');
}

/** ICAO 9303 check digit: weights 7, 3, 1; digits are themselves, A–Z are 10–35, the filler "<" is 0. */
export function icaoCheckDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i);
    const value = code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 90 ? code - 55 : 0;
    sum += value * weights[i % 3]!;
  }
  return String(sum % 10);
}

export const digitsOnly = (text: string): string => text.replace(/\D+/g, '');
