import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../../errors.js';
import { containsFacts } from './facts.js';

describe('containsFacts', () => {
  it('finds numbers whichever numeral system the answer or the fact uses', () => {
    assert.equal(containsFacts('المدة ١٠ أيام والرسوم ١٥٠٠ درهم', ['10', '1500']), 1);
    assert.equal(containsFacts('Le délai est de 10 jours.', ['١٠']), 1);
    assert.equal(containsFacts('المدة ۱۰ أيام', ['10']), 1, 'Persian digits');
  });

  it('reads thousands grouped with spaces, dots or Arabic separators, and decimal commas', () => {
    assert.equal(containsFacts('Les frais sont de 1 500 DH.', ['1500']), 1);
    assert.equal(containsFacts('Les frais sont de 1\u202f500 DH.', ['1500']), 1);
    assert.equal(containsFacts('الرسوم ١٬٥٠٠ درهم', ['1500']), 1);
    assert.equal(containsFacts('La taxe est de 2,5 % du montant.', ['2.5']), 1);
    assert.equal(containsFacts('النسبة ٢٫٥ بالمئة', ['2,5']), 1);
    assert.equal(containsFacts('Appelez le 05 22 12 34 56.', ['0522123456']), 1);
  });

  it('compares numbers whole: 30 is not 3, 15 is not 1.5, 1.500 is not 500', () => {
    assert.equal(containsFacts('Comptez 30 jours.', ['3']), 0);
    assert.equal(containsFacts('Il faut 15 jours.', ['1.5']), 0);
    assert.equal(containsFacts('Le montant est de 1.500 dirhams.', ['500']), 0);
  });

  it('does not read Arabizi letters as numbers', () => {
    assert.equal(containsFacts('3ndek l7e9 f dda3m', ['3']), 0);
    assert.equal(containsFacts('3ndek l7e9 f dda3m', ['l7e9']), 1);
  });

  it('finds words after normalization: case, accents, Arabic spellings and proclitics, Tifinagh', () => {
    assert.equal(containsFacts('Adressez-vous à la cnss.', ['CNSS']), 1);
    assert.equal(containsFacts('Présentez-vous à la prefecture.', ['préfecture']), 1);
    assert.equal(containsFacts('توجه إلى مصلحة الحالة المدنية', ['الحاله المدنيه']), 1);
    assert.equal(containsFacts('سجل بالضمان الاجتماعي', ['الضمان الاجتماعي']), 1);
    assert.equal(containsFacts('ⴰⵡⵉ ⵜⴰⴽⴰⵔⴹⴰ ⵏ ⵜⵏⴰⵎⵓⵜ', ['takarḍa']), 1);
  });

  it('matches whole words only', () => {
    assert.equal(containsFacts('Présentez votre carte.', ['art']), 0);
  });

  it('needs the numbers and the words of a mixed fact', () => {
    assert.equal(containsFacts('Le délai est de ١٠ jours ouvrables.', ['10 jours']), 1);
    assert.equal(containsFacts('Le délai est de 10 semaines.', ['10 jours']), 0);
    assert.equal(containsFacts('Le délai est de 12 jours.', ['10 jours']), 0);
  });

  it('returns the share of facts found', () => {
    assert.equal(
      containsFacts('Le délai est de 10 jours à la commune.', ['10 jours', 'commune', 'CNSS', '500']),
      0.5,
    );
  });

  it('refuses an empty list of facts and a fact with nothing in it', () => {
    for (const facts of [[], ['  ', '10']]) {
      assert.throws(
        () => containsFacts('Le délai est de 10 jours.', facts),
        (error: unknown) => isMizanError(error) && error.status === 400 && error.param === 'facts',
      );
    }
  });
});
