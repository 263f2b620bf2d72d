import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyNationalNumber, maPhone } from './ma-phone.js';
import { assertFinds, assertNothing, easternDigits, scanWith, withInvisible } from './test-support.js';

/** [text, the phone number in it] */
const VALID: [string, string][] = [
  ['Mon numéro : 0612345678', '0612345678'],
  ['Tél 06 12 34 56 78.', '06 12 34 56 78'],
  ['Portable: 06.12.34.56.78', '06.12.34.56.78'],
  ['appelez le 06-12-34-56-78 svp', '06-12-34-56-78'],
  ['Standard 0522-123456', '0522-123456'],
  ['GSM 0612-345678', '0612-345678'],
  ['fixe 05 37 12 34 56', '05 37 12 34 56'],
  ['numéro vert 0801 00 20 30', '0801 00 20 30'],
  ['Tél : (0522) 12 34 56', '(0522) 12 34 56'],
  ['WhatsApp +212 6 12 34 56 78', '+212 6 12 34 56 78'],
  ['+212612345678', '+212612345678'],
  ['depuis l’étranger 00212 6 12 34 56 78', '00212 6 12 34 56 78'],
  ['00 212 522 12 34 56', '00 212 522 12 34 56'],
  ['Tel: +212 (0)6 12 34 56 78', '+212 (0)6 12 34 56 78'],
  ['(+212) 612-345678', '(+212) 612-345678'],
  ['+212 0661 23 45 67', '+212 0661 23 45 67'],
  ['+212-6-12-34-56-78', '+212-6-12-34-56-78'],
  ['رقم الهاتف ديالي 0661234567', '0661234567'],
  ['عيط ليا ف 07 01 23 45 67 عافاك', '07 01 23 45 67'],
  ['nmra dyali 0770 12 34 56', '0770 12 34 56'],
  ['Call me on +212 6 61 23 45 67.', '+212 6 61 23 45 67'],
  ['tél 612345678', '612345678'],
  ['raqm dyali 212 612 345 678', '212 612 345 678'],
  // A bare "212" country code next to the words people use to ask for a call or a message.
  ['للاتصال: 212 661 98 76 54', '212 661 98 76 54'],
  ['المرجو إرسال الرقم 212 5 22 48 91 07', '212 5 22 48 91 07'],
  ['عيطي ليا ف 212708112233 من بعد العصر', '212708112233'],
  ['صيفط ليا الموقع ف الواتساب 212.6.61.44.20.19', '212.6.61.44.20.19'],
  ['Je suis joignable au 212 6 70 11 22 33 le matin', '212 6 70 11 22 33'],
  ['Contact : Mme Alaoui, 212 537 65 43 21', '212 537 65 43 21'],
  ['3ayto lia f 212 661 223 344', '212 661 223 344'],
  ['sift lia sms l 212-6-99-88-77-66', '212-6-99-88-77-66'],
];

const INVALID: string[] = [
  'Le code 0512345678 est inconnu', // 051 is not allocated
  'réf 0812345678', // 081 is not allocated
  'n° 06123456789 (11 chiffres)',
  'court 061234567',
  'Le code 612345678 est valide', // no 0/+212 and no context word
  'le 212612345678 figure au dossier', // bare 212 without context
  'loi 09-08 du 18 février 2009',
  'rendez-vous à 14:30',
  'dossier n° 2024/1234',
  'montant 1 250,00 DH',
  'facture FA0612345678',
  'IBAN MA64 0611 1900 0001 2050 0053 4921',
  // The tail of a foreign number after "+CC (0)" or "00CC (0)" reads like a Moroccan one.
  'Bureau à Paris : tél +33 (0)6 61 23 45 67',
  'fax +49 (0)89 612 34 56 7',
  'Tel. 0044 (0) 7 00 12 34 56',
  'office +31 (0)5 22 11 33 44',
  'رقم 2019 لسنة 2020 والمرسوم رقم 2.20.293', // "رقم" before numbers that are not phone-shaped
  'القانون رقم 65.99 المتعلق بمدونة الشغل',
];

describe('MA_PHONE recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(maPhone, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(maPhone, text));
  }

  it('validates allocated ranges (score 1) and keeps new mobile blocks at the pattern score', () => {
    assert.equal(assertFinds(maPhone, 'tél 0612345678', '0612345678').score, 1);
    const unallocated = assertFinds(maPhone, 'appel du 0685123456', '0685123456');
    assert.equal(unallocated.score, 0.6);
    assert.equal(unallocated.explanation.validated, undefined);
  });

  it('classifies national significant numbers by the numbering plan', () => {
    assert.equal(classifyNationalNumber('612345678'), true);
    assert.equal(classifyNationalNumber('522123456'), true);
    assert.equal(classifyNationalNumber('800123456'), true);
    assert.equal(classifyNationalNumber('685123456'), undefined);
    assert.equal(classifyNationalNumber('512345678'), false);
    assert.equal(classifyNationalNumber('61234567'), false);
  });

  it('finds numbers written with Eastern Arabic digits', () => {
    const value = easternDigits('06 12 34 56 78');
    assertFinds(maPhone, `رقم الهاتف: ${value}`, value);
  });

  it('finds a number with direction marks and zero-width spaces inside, keeping them in the span', () => {
    const value = withInvisible(withInvisible('+212 6 12 34 56 78', 4, '\u200E'), 10, '\u200B');
    const text = `اتصل بي على ${value} من فضلك`;
    const entity = assertFinds(maPhone, text, value);
    assert.equal(entity.score, 1);
  });

  it('does not swallow a longer digit run that continues with a dot or dash', () => {
    assert.deepEqual(
      scanWith(maPhone, 'ref 0612345678-12').map((e) => e.text),
      [],
    );
  });
});
