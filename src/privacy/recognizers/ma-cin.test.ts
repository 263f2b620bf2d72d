import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maCin } from './ma-cin.js';
import { assertFinds, assertNothing, easternDigits, scanWith, withInvisible } from './test-support.js';

const VALID: [string, string][] = [
  ['Mon numéro de CIN est BK482913.', 'BK482913'],
  ['CNIE : J456789', 'J456789'],
  ['Titulaire de la carte nationale n° AB12345, résidant à Rabat.', 'AB12345'],
  ['cin: bk482913', 'bk482913'],
  ['CIN BK 482913', 'BK 482913'],
  ['CIN BK-482913', 'BK-482913'],
  ['Voici BE123456 pour le dossier', 'BE123456'], // no context: moderate score, still reported
  ['رقم البطاقة الوطنية: BK482913', 'BK482913'],
  ['بطاقة التعريف الوطنية رقم J 456789', 'J 456789'],
  ['رقم لاكارط ديالي هو EE654321', 'EE654321'],
  ['ra9m la carte dyali bk 482913', 'bk 482913'],
  ['lcin dyali hiya T123456 3afak', 'T123456'],
  ['My national ID card number is X654321.', 'X654321'],
  ['CIN : DE 150000', 'DE 150000'], // upper-case letters that spell a word: kept with context
  ['Dossier CIN n° BK482913', 'BK482913'], // a context word outweighs a negative one
  // Lower-case letters that spell a short word, right after the card's own name: the issuing area.
  ['cin: se 318274', 'se 318274'],
  ['CNIE n° me 702614', 'me 702614'],
  ["carte d'identité nationale numéro la 88213", 'la 88213'],
  ['lakarta dyali hiya ta 605118', 'ta 605118'],
  ['bitaqa dyali le 270391', 'le 270391'],
  ['رقم البطاقة الوطنية ديالي: ma 441097', 'ma 441097'],
  ['بطاقة التعريف ta-562204', 'ta-562204'],
];

const INVALID: string[] = [
  'Il y a 150000 habitants et il a 12345 livres', // "a 12345"
  'un revenu de 150000 dirhams selon la CIN', // lower-case word before a number, even near "CIN"
  'BP 12345 Casablanca', // an upper-case word needs context
  'modèle ABC123456', // three letters
  'code BK4829', // four digits
  'code BK4829131', // seven digits
  'facture FA-2025-00123',
  'référence XBK482913 et BK482913X', // inside longer alphanumerics
  'A1 et B2 sont des formats de papier',
  'loi 09-08 et décret 2-09-165',
  'Référence BK482913-2',
  'mail bk482913@gmail.com', // part of an e-mail address
  'Facture n° FA12345 du 12 mars', // negative context: invoice, reference, model numbers
  'Réf. commande : AB123456',
  'modèle XR12345',
  'رقم الفاتورة FA123456',
  // After the card's name, words that follow a noun are not an issuing area.
  'la carte nationale de 150000 citoyens',
  'CIN no 483920',
  'la CIN et 12000 dirhams',
  // Lower-case words with a CIN context word farther away, not right before.
  'CIN : elle a payé la 48213 fois',
  // US military post offices.
  'PSC 1234, Box 5678, APO AE 09321',
  'FPO AP 96601',
  'DPO AA 34022',
];

describe('MA_CIN recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maCin, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maCin, text));
  }

  it('raises the score with a context word and keeps a moderate score without', () => {
    const withContext = assertFinds(maCin, 'CIN : BK482913', 'BK482913');
    assert.equal(withContext.score, 0.9);
    assert.equal(withContext.explanation.contextWord, 'CIN');
    const without = assertFinds(maCin, 'Voici BK482913 pour le dossier', 'BK482913');
    assert.equal(without.score, 0.55);
    assert.equal(without.explanation.contextWord, undefined);
  });

  it('matches context words across scripts, accents and clitics', () => {
    for (const text of [
      'بالبطاقة الوطنية BK482913',
      'numero de carte d identite BK482913',
      'رقم بطاقتي BK482913',
      'NUMÉRO DE LA CARTE NATIONALE BK482913',
    ]) {
      assert.equal(scanWith(maCin, text)[0]?.score, 0.9, text);
    }
  });

  it('needs context for a spaced single letter', () => {
    assertNothing(maCin, 'Classe A 123456');
    assertFinds(maCin, 'CIN: A 123456', 'A 123456');
  });

  it('finds a card number with Eastern Arabic digits and invisible marks', () => {
    const value = `BK${easternDigits('482913')}`;
    assertFinds(maCin, `رقم البطاقة ${value}`, value);
    const marked = withInvisible('BK482913', 2, '\u200F');
    assertFinds(maCin, `CIN ${marked}.`, marked);
  });
});
