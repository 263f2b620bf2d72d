import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForDetection } from './normalize.js';

/** Every character the layer must drop (LAW.md, issue 3). */
const INVISIBLE = [
  ...Array.from({ length: 5 }, (_, i) => 0x200b + i),
  ...Array.from({ length: 5 }, (_, i) => 0x202a + i),
  ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
  0x061c,
  0xfeff,
  0x00ad,
].map((c) => String.fromCharCode(c));

describe('normalizeForDetection', () => {
  it('returns the text itself and identity offsets when nothing needs folding', () => {
    const text = 'CIN BK482913, tél 0612345678, « né le » ok';
    const n = normalizeForDetection(text);
    assert.equal(n.text, text);
    assert.equal(n.toOriginal(4), 4);
    assert.equal(n.toOriginalEnd(12), 12);
  });

  it('folds Eastern Arabic and Persian digits to ASCII, keeping offsets', () => {
    const n = normalizeForDetection('رقم ٠٦١٢٣٤٥٦٧٨ و ۰۶۱۲');
    assert.equal(n.text, 'رقم 0612345678 و 0612');
    assert.equal(n.toOriginal(4), 4);
    assert.equal(n.toOriginalEnd(14), 14);
  });

  it('removes every zero-width and direction character', () => {
    for (const ch of INVISIBLE) {
      const n = normalizeForDetection(`06${ch}12`);
      assert.equal(n.text, '0612', `U+${ch.charCodeAt(0).toString(16)}`);
    }
  });

  it('maps spans over removed characters: inside kept, around left out', () => {
    const text = '\u200Eab\u200Bcd\u200F';
    const n = normalizeForDetection(text);
    assert.equal(n.text, 'abcd');
    assert.equal(n.toOriginal(0), 1); // the leading mark is not part of "a…"
    assert.equal(n.toOriginalEnd(4), 6); // nor is the trailing one
    assert.equal(text.slice(n.toOriginal(0), n.toOriginalEnd(4)), 'ab\u200Bcd');
    assert.equal(n.toOriginal(2), 4);
    assert.equal(n.toOriginalEnd(2), 3);
  });

  it('folds spaces, dashes, full-width forms and harakat', () => {
    assert.equal(normalizeForDetection('06\u00A012\u202F34').text, '06 12 34');
    assert.equal(normalizeForDetection('06\u201312\u221234').text, '06-12-34');
    assert.equal(normalizeForDetection('０６１２ＡＢ').text, '0612AB');
    assert.equal(normalizeForDetection('رَقْمُ البِطَاقَة').text, 'رقم البطاقة');
    assert.equal(normalizeForDetection('هـ').text, 'ه');
  });

  it('maps an expansion (lam-alef ligature) and a contraction (mathematical digit) to whole characters', () => {
    const expanded = normalizeForDetection('x\uFEFBy');
    assert.equal(expanded.text, 'xلاy');
    assert.equal(expanded.toOriginal(1), 1);
    assert.equal(expanded.toOriginal(2), 1);
    assert.equal(expanded.toOriginalEnd(2), 2);
    assert.equal(expanded.toOriginal(3), 2);
    const contracted = normalizeForDetection('a\u{1D7CE}b');
    assert.equal(contracted.text, 'a0b');
    assert.equal(contracted.toOriginal(1), 1);
    assert.equal(contracted.toOriginalEnd(2), 3);
    assert.equal(contracted.toOriginal(2), 3);
  });

  it('keeps lone surrogates as they are', () => {
    for (const text of ['\uD800', 'a\uDC00b', '\uD835', '\uD835٣\uDFFF', '٣\uD800']) {
      const n = normalizeForDetection(text);
      assert.equal(n.text.length, text.length);
      assert.equal(n.toOriginalEnd(n.text.length), text.length);
    }
  });

  it('satisfies normalize(original span) = normalized span for every span of random mixed text', () => {
    const alphabet = [
      'a',
      'B',
      '0',
      '7',
      ' ',
      '-',
      '٣',
      '۵',
      '\u200B',
      '\u200F',
      '\u00A0',
      '\u2013',
      'ب',
      '\u064E',
    ];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 12) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      const n = normalizeForDetection(text);
      for (let s = 0; s < n.text.length; s++) {
        for (let e = s + 1; e <= n.text.length; e++) {
          const span = text.slice(n.toOriginal(s), n.toOriginalEnd(e));
          assert.equal(normalizeForDetection(span).text, n.text.slice(s, e), JSON.stringify({ text, s, e }));
        }
      }
    }
  });

  it('handles a megabyte of mixed text with invisible marks (buffer path) like the short path', () => {
    const unit = 'رقم ٠٦\u200B١٢ tél\u00A006 12 — ';
    const long = unit.repeat(40_000);
    const n = normalizeForDetection(long);
    const short = normalizeForDetection(unit);
    assert.equal(n.text, short.text.repeat(40_000));
    const at = n.text.length - short.text.length;
    assert.equal(n.toOriginal(at + 4), long.length - unit.length + short.toOriginal(4));
  });
});
