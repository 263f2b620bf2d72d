import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latinToTifinagh, tifinaghToLatin } from './tifinagh.js';

/**
 * The IRCAM table as the standard prints it, column by column (Tifinagh, IRCAM Latin, ASCII rendering), written
 * independently of the module's own table so that a wrong row in either shows.
 */
const column = (letters: string) => letters.split(' ');
const TIFINAGH = column('ⴰ ⴱ ⴳ ⴳⵯ ⴷ ⴹ ⴻ ⴼ ⴽ ⴽⵯ ⵀ ⵃ ⵄ ⵅ ⵇ ⵉ ⵊ ⵍ ⵎ ⵏ ⵓ ⵔ ⵕ ⵖ ⵙ ⵚ ⵛ ⵜ ⵟ ⵡ ⵢ ⵣ ⵥ ⵞ ⴶ ⵒ ⵠ');
const LATIN = column('a b g gʷ d ḍ e f k kʷ h ḥ ɛ x q i j l m n u r ṛ ɣ s ṣ c t ṭ w y z ẓ č ǧ p v');
const ASCII = column('a b g gw d d e f k kw h h 3 x q i j l m n u r r gh s s c t t w y z z tch dj p v');
const IRCAM = TIFINAGH.map((letter, i) => [letter, LATIN[i]!, ASCII[i]!] as const);
const ALL_LETTERS = IRCAM.map(([t]) => t).join('');

describe('tifinaghToLatin', () => {
  for (const [tifinagh, latin, ascii] of IRCAM) {
    it(`gives ${latin} and, in ASCII, ${ascii} for ${tifinagh}`, () => {
      assert.equal(tifinaghToLatin(tifinagh), latin);
      assert.equal(tifinaghToLatin(tifinagh, { ascii: true }), ascii);
    });
  }

  it('transliterates words and keeps spaces and punctuation', () => {
    assert.equal(tifinaghToLatin('ⴰⵣⵓⵍ, ⵜⴰⵎⴰⵣⵉⵖⵜ!'), 'azul, tamaziɣt!');
    assert.equal(tifinaghToLatin('ⵜⴰⴳⵯⵎⵎⴰⵔⵜ ⵏ ⵓⵎⵓⵔ'), 'tagʷmmart n umur');
  });

  it('renders ASCII only with { ascii: true }', () => {
    const ascii = tifinaghToLatin('ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵄⵔⴰⴱⵜ ⴰⵎⵥⴷⴰⵖ ⵞⴰⵢ', { ascii: true });
    assert.equal(ascii, 'tamazight ta3rabt amzdagh tchay');
    assert.match(ascii, /^[\x20-\x7e]*$/);
  });

  it('passes through digits, other scripts, emoji and Tifinagh letters outside the table', () => {
    const other = '2024 — Élève الدار 😀 ⵗ ⴸ ⵰';
    assert.equal(tifinaghToLatin(other), other);
  });

  it('returns the empty string for the empty string', () => assert.equal(tifinaghToLatin(''), ''));
});

describe('latinToTifinagh with IRCAM letters', () => {
  for (const [tifinagh, latin] of IRCAM) {
    it(`gives ${tifinagh} for ${latin}`, () => assert.equal(latinToTifinagh(latin), tifinagh));
  }

  it('is case-insensitive, capitals with dots included', () => {
    assert.equal(latinToTifinagh('AZUL Tamaziɣt'), 'ⴰⵣⵓⵍ ⵜⴰⵎⴰⵣⵉⵖⵜ');
    assert.equal(latinToTifinagh('ƔƐḌḤṚṢṬẒČǦ'), 'ⵖⵄⴹⵃⵕⵚⵟⵥⵞⴶ');
  });

  it('reads decomposed letters like precomposed ones', () => {
    assert.equal(latinToTifinagh('d\u0323 t\u0323 c\u030c g\u030c'), latinToTifinagh('ḍ ṭ č ǧ'));
  });

  it('reads the Greek γ and ε typed for ɣ and ɛ', () =>
    assert.equal(latinToTifinagh('taγεrabt'), 'ⵜⴰⵖⵄⵔⴰⴱⵜ'));

  it('passes through digits, punctuation, other scripts and emoji', () => {
    assert.equal(latinToTifinagh('azul 2024, الدار ⴰ 😀!'), 'ⴰⵣⵓⵍ 2024, الدار ⴰ 😀!');
  });

  it('returns the empty string for the empty string', () => assert.equal(latinToTifinagh(''), ''));
});

describe('latinToTifinagh with ASCII spellings', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['tamazight', 'ⵜⴰⵎⴰⵣⵉⵖⵜ'],
    ['akhkham', 'ⴰⵅⵅⴰⵎ'],
    ['achal', 'ⴰⵛⴰⵍ'],
    ['ashal', 'ⴰⵛⴰⵍ'],
    ['tchina', 'ⵞⵉⵏⴰ'],
    ['tamount', 'ⵜⴰⵎⵓⵏⵜ'],
    ['tamont', 'ⵜⴰⵎⵓⵏⵜ'],
    ['ta3rabt', 'ⵜⴰⵄⵔⴰⴱⵜ'],
    ['3li', 'ⵄⵍⵉ'],
    ['GH KH Ch', 'ⵖ ⵅ ⵛ'],
  ];
  for (const [latin, tifinagh] of cases) {
    it(`gives ${tifinagh} for ${latin}`, () => assert.equal(latinToTifinagh(latin), tifinagh));
  }

  it('keeps 3 a digit when it touches no letter', () => {
    assert.equal(latinToTifinagh('3 iseggusen, 2023'), '3 ⵉⵙⴻⴳⴳⵓⵙⴻⵏ, 2023');
  });

  it('reads the digraphs as letter pairs when strict', () => {
    assert.equal(latinToTifinagh('ghkhchsh', { strict: true }), 'ⴳⵀⴽⵀⵛⵀⵙⵀ');
    assert.equal(latinToTifinagh('ta3rabt o', { strict: true }), 'ⵜⴰ3ⵔⴰⴱⵜ o');
  });
});

describe('Tifinagh ↔ Latin round trips', () => {
  const text = `ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ! ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⴳⵯⵎⵎⴰⵔ ⵜⴰⴽⵯⵎⵎⵉⵙⵜ, ${ALL_LETTERS} 2024`;

  it('is the identity on table letters, Tifinagh → Latin → Tifinagh, when strict', () => {
    assert.equal(latinToTifinagh(tifinaghToLatin(text), { strict: true }), text);
    assert.equal(
      latinToTifinagh(tifinaghToLatin(ALL_LETTERS.repeat(3)), { strict: true }),
      ALL_LETTERS.repeat(3),
    );
  });

  it('is the identity by default too, unless letters form an ASCII digraph', () => {
    assert.equal(latinToTifinagh(tifinaghToLatin(text)), text);
    assert.equal(latinToTifinagh(tifinaghToLatin('ⴰⵙⵀⴰ')), 'ⴰⵛⴰ');
  });

  it('is the identity on IRCAM Latin, Latin → Tifinagh → Latin', () => {
    const latin = 'azul fellawen, tamaziɣt n ugʷmmar ḍ ṭ ṛ ẓ ṣ ḥ ɛ č ǧ p v 2024';
    assert.equal(tifinaghToLatin(latinToTifinagh(latin)), latin);
  });

  it('comes back from ASCII except for emphatics, ḥ and labialization', () => {
    assert.equal(
      latinToTifinagh(tifinaghToLatin('ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵄⵔⴰⴱⵜ ⵞ', { ascii: true })),
      'ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵄⵔⴰⴱⵜ ⵞ',
    );
    assert.equal(latinToTifinagh(tifinaghToLatin('ⴹⵃⴳⵯ', { ascii: true })), 'ⴷⵀⴳⵡ');
  });

  it('handles 1M-character inputs both ways', () => {
    const tifinagh = 'ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⴳⵯⵎⵎⴰⵔ 😀 '.repeat(40_000);
    assert.ok(tifinagh.length >= 1_000_000);
    const latin = tifinaghToLatin(tifinagh);
    assert.equal(latin, 'azul fllawn tamaziɣt agʷmmar 😀 '.repeat(40_000));
    assert.equal(latinToTifinagh(latin), tifinagh);
  });
});
