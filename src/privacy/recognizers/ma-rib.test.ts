import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ribKey } from './checksums.js';
import { maRib, validateRib } from './ma-rib.js';
import { assertFinds, assertNothing, digitsFrom, easternDigits, withInvisible } from './test-support.js';

/** A valid RIB: bank 3 + city 3 + account 16 from the seed, then the key that makes it ≡ 0 (mod 97). */
const rib = (seed: number) => {
  const first = digitsFrom(seed, 22);
  return first + ribKey(first);
};
const grouped = (r: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(r.slice(at, (at += size)));
  return parts.join(sep);
};
/** The same RIB with a wrong key. */
const badKey = (r: string) => r.slice(0, 22) + String((Number(r.slice(22)) % 97) + 1).padStart(2, '0');

const A = rib(1);
const B = rib(2);
const C = rib(3);

const VALID: [string, string][] = [
  ['RIB : 011 519 0000012050005349 21', '011 519 0000012050005349 21'], // LAW.md
  [`Mon RIB est ${A}.`, A],
  [`Virement sur le compte ${grouped(B, [3, 3, 16, 2], ' ')}`, grouped(B, [3, 3, 16, 2], ' ')],
  [`رقم الحساب البنكي: ${grouped(C, [4, 4, 4, 4, 4, 4], ' ')}`, grouped(C, [4, 4, 4, 4, 4, 4], ' ')],
  [`rib dyali ${grouped(A, [3, 3, 16, 2], '-')}`, grouped(A, [3, 3, 16, 2], '-')],
  [`RIB ${grouped(B, [3, 3, 16, 2], '.')}`, grouped(B, [3, 3, 16, 2], '.')],
  [`coordonnées : ${C} (Banque Populaire)`, C], // validated: no context needed
];

const INVALID: string[] = [
  `RIB : ${badKey(A)}`,
  `RIB : ${grouped(badKey(B), [3, 3, 16, 2], ' ')}`,
  `compte ${A}7`, // 25 digits
  `compte ${A.slice(1)}`, // 23 digits
  'RIB 000000000000000000000000',
  `IBAN MA64 ${grouped('011519000001205000534921', [4, 4, 4, 4, 4, 4], ' ')}`, // inside an IBAN
  `tableau ${grouped(A, [3, 3, 16, 2], ' ')} 12`, // part of a longer grouped number
];

describe('MA_RIB recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maRib, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maRib, text));
  }

  it('scores a RIB with a valid key as certain', () => {
    const entity = assertFinds(maRib, `RIB ${A}`, A);
    assert.equal(entity.score, 1);
    assert.equal(entity.explanation.validated, true);
  });

  it('rejects every single-digit error in the account (mod 97 catches them)', () => {
    for (let i = 0; i < 24; i++) {
      const wrong = A.slice(0, i) + String((Number(A[i]) + 1) % 10) + A.slice(i + 1);
      assert.equal(validateRib(wrong), false, wrong);
    }
  });

  it('finds a RIB in Eastern Arabic digits and with invisible characters inside', () => {
    const eastern = easternDigits(grouped(A, [3, 3, 16, 2], ' '));
    assertFinds(maRib, `الحساب ${eastern}`, eastern);
    const marked = withInvisible(withInvisible(B, 6, '\u200B'), 12, '\u2066');
    assertFinds(maRib, `RIB ${marked}.`, marked);
  });
});
