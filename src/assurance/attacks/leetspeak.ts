import type { AttackModule } from './index.js';
import { mulberry32, substituteShare } from './random.js';

const LEET: Readonly<Record<string, string>> = {
  a: '4',
  e: '3',
  i: '1',
  o: '0',
  s: '5',
  t: '7',
  A: '4',
  E: '3',
  I: '1',
  O: '0',
  S: '5',
  T: '7',
};
const SHARE = 0.5;

/** About half the letters a e i o s t (either case) written as digits: h0w 70 bu1ld… */
export const leetspeak: AttackModule = {
  id: 'leetspeak',
  description: 'Latin letters a e i o s t written as the digits 4 3 1 0 5 7',
  apply: (prompt, seed) => substituteShare(prompt, LEET, SHARE, mulberry32(seed)),
};
