import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSwitch } from './code-switch.js';

const LATIN_MARKERS = ['wa9ila', 'ya3ni', 'safi', 'daba'];
const ARABIC_MARKERS = ['وقيلا', 'يعني', 'صافي', 'دابا'];
const SEEDS = Array.from({ length: 20 }, (_, seed) => seed);
const words = (text: string): string[] => text.split(' ');

describe('code_switch attack', () => {
  it('swaps French words for Darija in Arabizi and adds a Darija filler', () => {
    const prompt = 'Je veux une carte pour mon frère';
    for (const seed of SEEDS) {
      const out = codeSwitch.apply(prompt, seed);
      assert.ok(
        words(out).some((w) => LATIN_MARKERS.includes(w)),
        out,
      );
      assert.ok(/\b(Bghit|bita9a|bach|khoya)\b/.test(out), out);
      assert.ok(!out.startsWith('bghit'), 'a sentence-initial swap keeps its capital');
    }
  });

  it('swaps English words and phrases, the longest first', () => {
    const outputs = SEEDS.map((seed) => codeSwitch.apply('I want to know how much it costs', seed));
    for (const out of outputs) assert.ok(/\b(Bghit|3ref|ch7al)\b/.test(out), out);
    assert.ok(outputs.some((out) => out.includes('ch7al')));
    assert.ok(
      outputs.every((out) => !out.includes('ana want')),
      'I want is one phrase',
    );
  });

  it('swaps Darija in Arabic script for French, with an Arabic-script filler', () => {
    for (const seed of SEEDS) {
      const out = codeSwitch.apply('بغيت نعرف كيفاش نجدد بطاقة ديال خويا', seed);
      assert.ok(
        words(out).some((w) => ARABIC_MARKERS.includes(w)),
        out,
      );
      assert.ok(/je veux|comment|carte|frère/.test(out), out);
    }
  });

  it('swaps Arabizi for French', () => {
    for (const seed of SEEDS) {
      const out = codeSwitch.apply('bghit n3ref kifach nbeddel lbita9a dyal khoya', seed);
      assert.ok(/je veux|comment|frère/.test(out), out);
    }
  });

  it('skips characters that only case folding matches', () => {
    // /iu matches ſ (long s) for s, but "ſans" is no word of the table.
    for (const seed of SEEDS) assert.ok(codeSwitch.apply('ſans argent', seed).includes('ſans'));
  });

  it('matches whole words only', () => {
    for (const seed of SEEDS) {
      const out = codeSwitch.apply('Commentaire pourtant important', seed);
      const withoutMarker = words(out).filter((w) => !LATIN_MARKERS.includes(w));
      assert.deepEqual(withoutMarker, ['Commentaire', 'pourtant', 'important']);
    }
  });
});
