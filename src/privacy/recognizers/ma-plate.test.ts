import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maPlate, validatePlate } from './ma-plate.js';
import { assertFinds, assertNothing, easternDigits, withInvisible } from './test-support.js';

const VALID: [string, string][] = [
  ["La plaque d'immatriculation est 12345-أ-6.", '12345-أ-6'],
  ['Voiture 12345 | ب | 6 garée devant', '12345 | ب | 6'],
  ['رقم لوحة السيارة: 6-أ-12345', '6-أ-12345'],
  ['الطوموبيل ديالي 45678 د 26', '45678 د 26'],
  ['lmatricule dyal tomobil 1234/ط/40', '1234/ط/40'],
  ['Vu: 8756-هـ-1', '8756-هـ-1'], // the tatweel of هـ stays inside the span
  ['Sans contexte: 31245 | و | 7', '31245 | و | 7'],
  ['السيارة 12345 و 6', '12345 و 6'], // و between spaces needs context, here السيارة
  ['véhicule 12 ب 6', '12 ب 6'], // short serial between spaces: context
  ['plaque 12345-A-6', '12345-A-6'], // Latin transliteration: context
  ['Immatriculation provisoire WW 123456', 'WW 123456'],
  ['الترقيم المؤقت 123456-WW', '123456-WW'],
  ['plaque W18 12345', 'W18 12345'],
];

const INVALID: string[] = [
  '12345-أ-95', // prefecture code above 89
  '0-أ-0',
  'بين 10 و 20 سنة', // "10 and 20"
  'الفصل 5 و 6 من القانون',
  'تغلب أوروبا س 10 إ 6', // a score, in Tachelhit
  'الساعة 10 و 30 دقيقة',
  'الجريدة الرسمية 1982ص 59', // a year and a page
  'Le score final 12345-A-6', // Latin letter without context
  'WW2 et WWII',
  'loi 09-08 et dahir 1-09-15',
];

describe('MA_PLATE recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maPlate, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maPlate, text));
  }

  it('accepts serial 1–99999 and prefecture 1–89 in either order', () => {
    assert.equal(validatePlate('99999-أ-89'), undefined);
    assert.equal(validatePlate('89-أ-99999'), undefined);
    assert.equal(validatePlate('1-أ-1'), undefined);
    assert.equal(validatePlate('100000-أ-1'), false);
    assert.equal(validatePlate('123-أ-90'), false);
  });

  it('finds a plate in Eastern Arabic digits and with a direction mark inside', () => {
    const eastern = easternDigits('12345-أ-6');
    assertFinds(maPlate, `لوحة ${eastern}`, eastern);
    const marked = withInvisible('12345-أ-6', 6, '\u200F');
    assertFinds(maPlate, `plaque ${marked}`, marked);
  });
});
