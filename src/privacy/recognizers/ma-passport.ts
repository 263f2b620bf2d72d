import type { Recognizer } from '../types.js';
import { icaoCheckDigit } from './checksums.js';

/**
 * Passport: the number (2 letters + 6–7 digits, "AB1234567") only with a context word; the machine-readable zone
 * of a passport (ICAO 9303 TD3: an optional `P<MAR…` first line and the 44-character second line) is reported as
 * one span when its check digits hold, with or without context.
 */

const MRZ_LINE_2 = '[A-Z0-9<]{9}\\d[A-Z<]{3}\\d{6}\\d[MFX<]\\d{6}\\d[A-Z0-9<]{14}[\\d<]\\d';
const MRZ_LINE_1 = 'P[A-Z<][A-Z<]{3}[A-Z<]{39}';

/** ICAO 9303 TD3 line 2: document number, birth date, expiry, optional data and the composite check digit. */
export function mrzLine2Ok(line: string): boolean {
  if (line.length !== 44) return false;
  const check = (field: string, digit: string) => icaoCheckDigit(field) === digit;
  const optional = line.slice(28, 42);
  const optionalOk = line[42] === '<' ? /^<+$/.test(optional) : check(optional, line[42]!);
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  return (
    check(line.slice(0, 9), line[9]!) &&
    check(line.slice(13, 19), line[19]!) &&
    check(line.slice(21, 27), line[27]!) &&
    optionalOk &&
    check(composite, line[43]!)
  );
}

export function validatePassport(match: string): boolean | undefined {
  if (match.length < 44) return undefined;
  return mrzLine2Ok(match.slice(-44));
}

export const maPassport: Recognizer = {
  entity: 'MA_PASSPORT',
  prefilter: /\d/,
  patterns: [
    {
      name: 'passport-number',
      // Anchored on the digits, the letters captured in a lookbehind (group 1 is the entity).
      regex: /(?<!\d)\d{6,7}(?<=(?<![\w@/\\])(?<!\w[.-])([A-Za-z]{2}[ -]?\d{6,7}))(?![\w@])(?![.\-/]\d)/g,
      group: 1,
      score: 0.45,
      requiresContext: true,
    },
    {
      name: 'passport-mrz',
      prefilter: /</,
      regex: new RegExp(
        `(?<![A-Z0-9<])(?:${MRZ_LINE_1}[ \\t]*\\r?\\n?[ \\t]*)?${MRZ_LINE_2}(?![A-Z0-9<])`,
        'g',
      ),
      score: 0.5,
    },
  ],
  context: [
    'passeport',
    'passport',
    'numéro de passeport',
    'جواز السفر',
    'جواز',
    'رقم الجواز',
    'رقم جواز السفر',
    'الباسبور',
    'باسبور',
    'الباسبورط',
    'باسبورط',
    'paspor',
    'pasport',
    'passpor',
    'basbor',
    'bassbor',
    'lpasspor',
    'lpassport',
  ],
  validate: validatePassport,
};
