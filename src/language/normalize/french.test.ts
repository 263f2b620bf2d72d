import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldLatin } from './french.js';

describe('foldLatin', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['lowercases', 'Carte NATIONALE', 'carte nationale'],
    ['strips French accents', 'Élève à l’école, ça déçoit où ?', "eleve a l'ecole, ca decoit ou ?"],
    ['spells out ligatures', 'Œuvre cœur Æsop straße STRASSE', 'oeuvre coeur aesop strasse strasse'],
    ['spells out typographic ligatures', 'ﬁn ﬂeur eﬀet', 'fin fleur effet'],
    [
      'normalises apostrophes',
      'l’État l‘a dit aujourdʼhui c`est c´est',
      "l'etat l'a dit aujourd'hui c'est c'est",
    ],
    ['folds the Amazigh dotted letters', 'ḌḤṚṢṬẒ čǧ', 'dhrstz cg'],
    ['keeps ɣ and ɛ as letters', 'Tamaziɣt ƐLI ɣ', 'tamaziɣt ɛli ɣ'],
    ['strips decomposed accents', 'e\u0301te\u0301', 'ete'],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name}`, () => assert.equal(foldLatin(input), expected));
  }

  it('returns the empty string for the empty string', () => assert.equal(foldLatin(''), ''));

  it('keeps Arabic, Tifinagh, Hangul and emoji as they are', () => {
    const other = 'أحمد ⵜⴰⵎⴰⵣⵉⵖⵜ 한국어 😀👍🏽';
    assert.equal(foldLatin(other), other);
  });

  it('folds only the Latin of mixed text', () => {
    assert.equal(foldLatin('Bghit LA CARTE الوطنية ⵣ 😀'), 'bghit la carte الوطنية ⵣ 😀');
  });

  it('handles a 1M-character input', () => {
    const input = 'Élève Œuvre l’ADN 😀 '.repeat(50_000);
    assert.ok(input.length >= 1_000_000);
    assert.equal(foldLatin(input), "eleve oeuvre l'adn 😀 ".repeat(50_000));
  });
});
