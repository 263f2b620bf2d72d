import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iceControl } from './checksums.js';
import { maIce } from './ma-ice.js';
import { assertFinds, assertNothing, digitsFrom, easternDigits, withInvisible } from './test-support.js';

/** A valid ICE: company 9 + establishment 4 from the seed, then the control digits (≡ 0 mod 97). */
const ice = (seed: number) => {
  const first = `00${digitsFrom(seed, 11)}`;
  return first + iceControl(first);
};
const A = ice(21);
const B = ice(22);
const threes = (s: string) => s.replace(/(\d{3})(?=\d)/g, '$1 ');

const VALID: [string, string][] = [
  ['ICE : 001561191000066', '001561191000066'], // python-stdnum's example
  [`L'ICE de la société est ${A}.`, A],
  [`ICE ${threes(B)}`, threes(B)],
  [
    `ICE ${A.slice(0, 9)} ${A.slice(9, 13)} ${A.slice(13)}`,
    `${A.slice(0, 9)} ${A.slice(9, 13)} ${A.slice(13)}`,
  ],
  [`المعرف الموحد للمقاولة: ${B}`, B],
  [`ice dyal charika ${A}`, A],
  [`Fournisseur ${B} — facture jointe`, B], // validated: no context needed
];

const bad = (s: string) => s.slice(0, -1) + String((Number(s.slice(-1)) + 1) % 10);

const INVALID: string[] = [
  `ICE ${bad(A)}`,
  `ICE ${A}1`, // 16 digits
  `ICE ${A.slice(1)}`, // 14 digits
  'ICE 000000000000000',
  'commande 2024/1234 du 12/03/2024',
];

describe('MA_ICE recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maIce, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maIce, text));
  }

  it('scores a valid ICE as certain', () => {
    assert.equal(assertFinds(maIce, `ICE ${A}`, A).score, 1);
  });

  it('finds an ICE in Eastern Arabic digits and with a zero-width space inside', () => {
    const eastern = easternDigits(A);
    assertFinds(maIce, `ICE: ${eastern}`, eastern);
    const marked = withInvisible(B, 9);
    assertFinds(maIce, `ICE ${marked}`, marked);
  });
});
