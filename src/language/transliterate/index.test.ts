import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../../errors.js';
import type { KnownLanguage } from '../labels.js';
import { TRANSLITERATION_PAIRS, transliterate } from './index.js';

describe('transliterate', () => {
  const cases: ReadonlyArray<readonly [KnownLanguage, KnownLanguage, string, string]> = [
    ['zgh_Tfng', 'zgh_Latn', 'ⴰⵣⵓⵍ ⵜⴰⵎⴰⵣⵉⵖⵜ', 'azul tamaziɣt'],
    ['zgh_Latn', 'zgh_Tfng', 'azul tamazight', 'ⴰⵣⵓⵍ ⵜⴰⵎⴰⵣⵉⵖⵜ'],
    ['ary_Latn', 'ary_Arab', 'bghit lmdina', 'بغيت المدينة'],
    ['ary_Arab', 'ary_Latn', 'بغيت المدينة', 'bghit lmdina'],
  ];
  for (const [from, to, input, expected] of cases) {
    it(`gives ${expected} for ${input} from ${from} to ${to}`, () =>
      assert.equal(transliterate(input, from, to), expected));
  }

  it('lists exactly the pairs it supports', () => {
    assert.deepEqual(
      TRANSLITERATION_PAIRS.map((p) => `${p.from}>${p.to}`),
      cases.map(([from, to]) => `${from}>${to}`),
    );
  });

  it('throws unsupported_transliteration (400) for another pair', () => {
    const unsupported: ReadonlyArray<readonly [string, string]> = [
      ['fra_Latn', 'ary_Arab'],
      ['zgh_Tfng', 'ary_Arab'],
      ['ary_Arab', 'ary_Arab'],
      ['klingon', 'ary_Arab'],
    ];
    for (const [from, to] of unsupported) {
      assert.throws(
        () => transliterate('x', from, to),
        (error: unknown) =>
          error instanceof MizanError &&
          error.code === 'unsupported_transliteration' &&
          error.status === 400 &&
          error.message.includes(`${from} to ${to}`),
      );
    }
  });
});
