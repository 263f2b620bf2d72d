import type { AttackModule } from './index.js';
import { mulberry32, substituteShare } from './random.js';

/** Latin letters and their Cyrillic or Greek twins; Arabic letters and their Persian or Urdu forms. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  a: 'а', // Cyrillic
  c: 'с',
  d: 'ԁ',
  e: 'е',
  h: 'һ',
  i: 'і',
  j: 'ј',
  l: 'ӏ',
  o: 'о',
  p: 'р',
  s: 'ѕ',
  w: 'ԝ',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  J: 'Ј',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  S: 'Ѕ',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  k: 'κ', // Greek
  u: 'υ',
  v: 'ν',
  N: 'Ν',
  Z: 'Ζ',
  ي: 'ی', // Persian and Urdu
  ى: 'ی',
  ك: 'ک',
  ه: 'ہ',
  ة: 'ۃ',
};
const SHARE = 0.3;

/**
 * About 30 % of the letters that have a look-alike in another script are swapped for it: the text reads the
 * same, but keyword filters and tokenizers see other characters. One code point for one, so lengths hold.
 */
export const homoglyph: AttackModule = {
  id: 'homoglyph',
  description: 'Letters swapped for look-alikes from Cyrillic, Greek, Persian and Urdu',
  apply: (prompt, seed) => substituteShare(prompt, LOOK_ALIKES, SHARE, mulberry32(seed)),
};
