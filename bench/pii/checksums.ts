/**
 * Check-digit arithmetic for the synthetic data set, written here from the formats in shared/LAW.md rather than
 * imported from src/privacy/recognizers/checksums.ts, so that a wrong rule in the detector cannot make its own test
 * data agree with it (the data-set test compares both implementations on the generated values).
 */

const mod97 = (digits: string): bigint => BigInt(digits) % 97n;

/** RIB: 24 digits, the whole number ≡ 0 (mod 97). Key = 97 − (first 22 digits × 100 mod 97), in 01..97. */
export function ribKeyFor(first22: string): string {
  if (!/^\d{22}$/.test(first22)) throw new Error('a RIB body is 22 digits');
  return String(97n - ((BigInt(first22) * 100n) % 97n)).padStart(2, '0');
}

export const ribValid = (digits: string): boolean => /^\d{24}$/.test(digits) && mod97(digits) === 0n;

/** ICE: 15 digits, the whole number ≡ 0 (mod 97) (python-stdnum's ma.ice rule). */
export function iceControlFor(first13: string): string {
  if (!/^\d{13}$/.test(first13)) throw new Error('an ICE body is 13 digits');
  return String((97n - ((BigInt(first13) * 100n) % 97n)) % 97n).padStart(2, '0');
}

export const iceValid = (digits: string): boolean => /^\d{15}$/.test(digits) && mod97(digits) === 0n;

/** ISO 13616: move the first four characters to the end, letters become 10..35, the number ≡ 1 (mod 97). */
function ibanNumeric(compact: string): string {
  const moved = compact.slice(4) + compact.slice(0, 4);
  let out = '';
  for (const ch of moved) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch >= 'A' && ch <= 'Z') out += String(ch.charCodeAt(0) - 55);
    else throw new Error(`not an IBAN character: ${ch}`);
  }
  return out;
}

export function ibanCheckFor(country: string, bban: string): string {
  const remainder = BigInt(ibanNumeric(`${country}00${bban}`)) % 97n;
  return String(98n - remainder).padStart(2, '0');
}

export const ibanValid = (compact: string): boolean =>
  /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact) && BigInt(ibanNumeric(compact)) % 97n === 1n;

/** Luhn: double every second digit from the right. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function luhnDigitFor(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + String(d))) return String(d);
  throw new Error('unreachable');
}

export const digitsOf = (text: string): string => {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) out += ch;
    else if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 0x30);
  }
  return out;
};
