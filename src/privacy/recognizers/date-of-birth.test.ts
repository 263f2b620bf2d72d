import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateOfBirth, validateDate } from './date-of-birth.js';
import { assertFinds, assertNothing, easternDigits, scanWith, withInvisible } from './test-support.js';

const VALID: [string, string][] = [
  ['Je suis né le 12/03/1990 à Fès.', '12/03/1990'],
  ['Date de naissance : 3.4.1985', '3.4.1985'],
  ['Elle est née le 1er mars 1990.', '1er mars 1990'],
  ['Né à Oujda le 3 août 1985', '3 août 1985'],
  ['né(e) le 05-11-2001', '05-11-2001'],
  ['تاريخ الازدياد: 1990/03/12', '1990/03/12'],
  ['أنا مزداد في 12 مارس 1990', '12 مارس 1990'],
  ['المولود بتاريخ 7 يوليوز 2003', '7 يوليوز 2003'],
  ['مزدادة في 12 من شهر دجنبر سنة 1999', '12 من شهر دجنبر سنة 1999'],
  ['mzyad f 12/03/90', '12/03/90'],
  ['tarikh lizdiyad dyali 25-12-1988', '25-12-1988'],
  ['Date of birth: 1990-03-12', '1990-03-12'],
  ['Born on March 12, 1990.', 'March 12, 1990'],
  ['DOB 12-Mar-1990', '12-Mar-1990'],
  // Moroccan month names typed in Latin script, with Darija birth cues.
  ['ana mzyouda f 17 yanayer 1994', '17 yanayer 1994'],
  ['zdt f 4 fibrayr 2000 f Fes', '4 fibrayr 2000'],
  ['tzadit nhar 21 mares 1979', '21 mares 1979'],
  ['mzyad f 11 ibril 1968', '11 ibril 1968'],
  ['zdit nhar 2 mayu 1983', '2 mayu 1983'],
  ['mzyada f 28 younyou 1991', '28 younyou 1991'],
  ['tzadt f 15 youliouz 1987 f Agadir', '15 youliouz 1987'],
  ['mzyad nhar 9 ghusht 1975', '9 ghusht 1975'],
  ['zdt f 30 shtanbir 1999', '30 shtanbir 1999'],
  ['tzadit f 8 uktubr 2004', '8 uktubr 2004'],
  ['mzyad f 19 nunbir 1960', '19 nunbir 1960'],
  ['zdit f 24 dijanbir 1986', '24 dijanbir 1986'],
  ['أنا زديت ف 3 غشت 1992', '3 غشت 1992'],
];

const INVALID: string[] = [
  'Le 12/03/2024, la réunion aura lieu.', // a date without a birth context
  'En 2009, la loi 09-08 a été adoptée.',
  'dahir 1-09-15 du 18 février 2009',
  'né le 31/02/1990', // no such day
  'née le 32/13/1990',
  'né le 12/03/2090', // in the future
  'rendez-vous à 14:30',
  'jit l Rabat nhar 12 chtanbir 2021', // a Darija date without a birth cue
  'dahir du 3 chtenber 2015 relatif à la loi',
];

describe('DATE_OF_BIRTH recognizer (requires a birth context)', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(dateOfBirth, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(dateOfBirth, text));
  }

  it('gives the birth cue to the nearest date only', () => {
    for (const text of [
      'né le 12/03/1990, inscrit le 05/09/2020',
      'Inscrit le 05/09/2020. Date de naissance : 12/03/1990',
    ]) {
      assert.deepEqual(
        scanWith(dateOfBirth, text).map((e) => e.text),
        ['12/03/1990'],
        text,
      );
    }
  });

  it('does not carry the cue over a line break', () => {
    assert.deepEqual(
      scanWith(dateOfBirth, 'né le 12/03/1990\n17 septembre 1939 : début de la guerre').map((e) => e.text),
      ['12/03/1990'],
    );
  });

  it('shares the cue along a list of dates', () => {
    assert.deepEqual(
      scanWith(dateOfBirth, 'jumeaux nés le 12/03/1990 et le 13/03/1990').map((e) => e.text),
      ['12/03/1990', '13/03/1990'],
    );
  });

  it('reads day/month/year, month/day/year and year/month/day', () => {
    assert.equal(validateDate('13/12/1990'), undefined);
    assert.equal(validateDate('12/13/1990'), undefined);
    assert.equal(validateDate('1990/12/13'), undefined);
    assert.equal(validateDate('29/02/2001'), false);
    assert.equal(validateDate('29/02/2000'), undefined);
  });

  it('finds a date in Eastern Arabic digits and with a direction mark inside', () => {
    const eastern = easternDigits('12/03/1990');
    assertFinds(dateOfBirth, `تاريخ الازدياد: ${eastern}`, eastern);
    const marked = withInvisible('12/03/1990', 3, '\u200F');
    assertFinds(dateOfBirth, `né le ${marked}`, marked);
  });
});
