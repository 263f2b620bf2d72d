import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArabic } from './arabic.js';

describe('normalizeArabic letters', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إدارة', 'اداره'],
    ['alef with madda', 'آخر', 'اخر'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['ta marbuta', 'مدرسة', 'مدرسه'],
    ['alef maqsura', 'على', 'علي'],
    ['hamza on waw', 'مسؤول', 'مسوول'],
    ['hamza on ya', 'رئيس', 'رييس'],
    ['standalone hamza, dropped', 'شيء', 'شي'],
    ['Persian keheh and yeh', 'کتاب ی', 'كتاب ي'],
    ['Urdu heh forms', 'ھہۀە', 'هههه'],
    ['Maghrebi fa and qaf', 'ڢڧ', 'فق'],
    ['veh', 'ڤيديو', 'فيديو'],
    ['Darija and Amazigh /g/ letters', 'ڭال گاع ݣ', 'كال كاع ك'],
  ];
  for (const [name, input, expected] of cases) {
    it(`folds the ${name}`, () => assert.equal(normalizeArabic(input), expected));
  }

  it('makes hamza spellings of the same word meet', () => {
    assert.equal(normalizeArabic('سؤال'), normalizeArabic('سوال'));
    assert.equal(normalizeArabic('أنا'), normalizeArabic('انا'));
  });
});

describe('normalizeArabic marks', () => {
  it('removes harakat, shadda, sukun and tanwin', () => {
    assert.equal(normalizeArabic('أَهْلًا وَسَهْلًا بِكُمْ'), 'اهلا وسهلا بكم');
    assert.equal(normalizeArabic('مُحَمَّدٌ'), 'محمد');
  });

  it('removes the superscript alef and Quranic marks', () => {
    assert.equal(normalizeArabic('هٰذا'), 'هذا');
    assert.equal(normalizeArabic('الرَّحِيمِ ۝ ۚ'), 'الرحيم  ');
  });

  it('removes the tatweel', () => assert.equal(normalizeArabic('مـــرحبا'), 'مرحبا'));

  it('gives decomposed hamza letters the same result as precomposed ones', () => {
    assert.equal(normalizeArabic('\u0627\u0654\u0648\u0654'), normalizeArabic('\u0623\u0624'));
  });
});

describe('normalizeArabic digits and punctuation', () => {
  it('turns Eastern Arabic and Persian digits into ASCII digits', () => {
    assert.equal(normalizeArabic('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹'), '0123456789 0123456789');
  });

  it('keeps Arabic punctuation', () => assert.equal(normalizeArabic('نعم، لا؛ واش؟ ٥٪'), 'نعم، لا؛ واش؟ 5٪'));
});

describe('normalizeArabic presentation forms', () => {
  it('folds letter forms and the lam-alef ligature', () => {
    assert.equal(normalizeArabic('\ufe8d\ufedf\ufee4\ufed0\ufeae\ufe8f'), 'المغرب');
    assert.equal(normalizeArabic('\ufefb \ufef7'), 'لا لا');
  });

  it('folds word ligatures and applies the letter rules to them', () => {
    assert.equal(normalizeArabic('\ufdf2'), 'الله');
    assert.equal(normalizeArabic('\ufdfa'), 'صلي الله عليه وسلم');
  });

  it('drops isolated haraka forms without leaving a space', () => {
    assert.equal(normalizeArabic('ب\ufe70\ufe71ت'), 'بت');
  });
});

describe('normalizeArabic on other text', () => {
  it('returns the empty string for the empty string', () => assert.equal(normalizeArabic(''), ''));

  it('leaves Latin, Tifinagh, emoji and symbols untouched', () => {
    const other = 'Élève ⵜⴰⵎⴰⵣⵉⵖⵜ 😀👍🏽 €100 ﬁ \ufeff';
    assert.equal(normalizeArabic(other), other);
  });

  it('changes only the Arabic of mixed text', () => {
    assert.equal(normalizeArabic('bghit الإدارة 😀 ١٠ dh'), 'bghit الاداره 😀 10 dh');
  });

  it('handles a 1M-character input', () => {
    const input = 'أَهْلًا بالمدرسة ١٢ ok 😀 '.repeat(40_000);
    const output = normalizeArabic(input);
    assert.ok(input.length >= 1_000_000);
    assert.equal(output, 'اهلا بالمدرسه 12 ok 😀 '.repeat(40_000));
  });
});
