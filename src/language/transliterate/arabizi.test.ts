import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArabic } from '../normalize/arabic.js';
import { arabicToArabizi, arabiziToArabic } from './arabizi.js';

/** A small seeded generator (LCG), so that the variant tests are reproducible. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const table = (
  name: string,
  convert: (s: string) => string,
  rows: ReadonlyArray<readonly [string, string]>,
) =>
  describe(name, () => {
    for (const [input, expected] of rows)
      it(`gives ${expected} for ${input}`, () => assert.equal(convert(input), expected));
  });

describe('arabiziToArabic', () => {
  table('from the lexicon', arabiziToArabic, [
    ['dyal', 'ديال'],
    ['dial', 'ديال'],
    ['wach', 'واش'],
    ['kifach', 'كيفاش'],
    ['chno', 'شنو'],
    ['achno', 'اشنو'],
    ['3lach', 'علاش'],
    ['daba', 'دابا'],
    ['bzaf', 'بزاف'],
    ['machi', 'ماشي'],
    ['fin', 'فين'],
    ['had', 'هاد'],
    ['salam', 'سلام'],
    ['safi', 'صافي'],
    ['inchallah', 'إن شاء الله'],
  ]);

  table('by the letter rules', arabiziToArabic, [
    ['bghit', 'بغيت'],
    ['mzyan', 'مزيان'],
    ['kayen', 'كاين'],
    ['kteb', 'كتب'],
    ['rajel', 'راجل'],
    ['khobz', 'خبز'],
    ['7ammam', 'حمام'],
    ['bezzaf', 'بزاف'],
    ['x7al', 'شحال'],
    ['5ouya', 'خويا'],
    ['8adi', 'هادي'],
    ['gal', 'ڭال'],
    ['so2al', 'سوءال'],
    ['2amal', 'امال'],
    ['mcha', 'مشا'],
    ['kan9ra', 'كانقرا'],
    ['ismi', 'اسمي'],
    ['iwa', 'ايوا'],
    ['ana', 'انا'],
    ['ouled', 'اولد'],
  ]);

  table('with the article', arabiziToArabic, [
    ['lmdina', 'المدينة'],
    ['elmdina', 'المدينة'],
    ['l-mdina', 'المدينة'],
    ["l'bit", 'البيت'],
    ['lkhedma', 'الخدمة'],
    ['lqahwa', 'القاهوة'],
    ['ddar', 'الدار'],
    ['eddar', 'الدار'],
    ['nnas', 'الناس'],
    ['ch-chems', 'الشمس'],
    ['llil', 'الليل'],
    ['flmghrib', 'فالمغريب'],
  ]);

  table('without an article on short words', arabiziToArabic, [
    ['lik', 'ليك'],
    ['lah', 'لاه'],
    ['lli', 'اللي'],
    ['flous', 'فلوس'],
  ]);

  table('with the negation', arabiziToArabic, [
    ['makaynch', 'ماكاينش'],
    ['mabghitch', 'مابغيتش'],
    ['ma3reftch', 'ماعرفتش'],
  ]);

  it('transliterates a sentence and keeps punctuation and spacing', () => {
    assert.equal(arabiziToArabic('Salam, wach kayn chi 7al?'), 'سلام, واش كاين شي حال?');
    assert.equal(arabiziToArabic('3afak  fin kayna lbita9a dyali'), 'عافاك  فين كاينة البطاقة ديالي');
  });

  it('is case-insensitive and ignores accents', () => {
    assert.equal(arabiziToArabic('BGHIT Kifach'), 'بغيت كيفاش');
    assert.equal(arabiziToArabic('mzyàn'), 'مزيان');
  });

  it('keeps numbers, Arabic, Tifinagh, emoji and symbols', () => {
    assert.equal(arabiziToArabic('2024 - 10 DH 😀 واش ⴰⵣⵓⵍ €'), '2024 - 10 ده 😀 واش ⴰⵣⵓⵍ €');
  });

  it('returns the empty string for the empty string', () => assert.equal(arabiziToArabic(''), ''));

  it('lets Arabizi queries meet Arabic-script spellings once both are normalized', () => {
    assert.equal(normalizeArabic(arabiziToArabic('so2al')), normalizeArabic('سؤال'));
    assert.equal(normalizeArabic(arabiziToArabic('lmdina')), normalizeArabic('المدينه'));
  });

  it('handles a 1M-character input', () => {
    const input = 'salam bghit nmchi l lmdina 3afak 😀 '.repeat(30_000);
    assert.ok(input.length >= 1_000_000);
    assert.equal(arabiziToArabic(input), 'سلام بغيت نمشي ل المدينة عافاك 😀 '.repeat(30_000));
  });
});

describe('arabicToArabizi by default', () => {
  table('from the lexicon', (s) => arabicToArabizi(s), [
    ['واش', 'wach'],
    ['ديالي', 'dyali'],
    ['أنا', 'ana'],
    ['مدينة', 'mdina'],
    ['و', 'w'],
  ]);

  table('by the letter rules', (s) => arabicToArabizi(s), [
    ['بغيتي', 'bghiti'],
    ['زوين', 'zwin'],
    ['بيوت', 'byout'],
    ['عيون', '3youn'],
    ['كتب', 'kteb'],
    ['نقدر', 'n9der'],
    ['حل', '7el'],
    ['خدامة', 'khdama'],
    ['سؤال', 's2al'],
    ['شيء', 'chi'],
    ['ڭال', 'gal'],
    ['ڤيلا', 'vila'],
    ['ﻻ', 'la'],
    ['ـواش', 'wach'],
  ]);

  table('with the article', (s) => arabicToArabizi(s), [
    ['المدينة', 'lmdina'],
    ['الدار', 'ddar'],
    ['الناس', 'nnas'],
    ['فالمدينة', 'flmdina'],
    ['للإدارة', 'lidara'],
  ]);

  table('with the negation', (s) => arabicToArabizi(s), [
    ['ماكاينش', 'makaynch'],
    ['مافيهاش', 'mafihach'],
  ]);

  it('reads harakat when the text has them', () => {
    assert.equal(arabicToArabizi('مَدْرَسَة'), 'madrasa');
    assert.equal(arabicToArabizi('حَبّ'), '7abb');
  });

  it('renders punctuation and digits in Latin and keeps the rest', () => {
    assert.equal(
      arabicToArabizi('واش كاين شي حل؟ ٣ مرات، 😀 ⴰⵣⵓⵍ ok'),
      'wach kayn chi 7el? 3 mrat, 😀 ⴰⵣⵓⵍ ok',
    );
  });

  it('returns the empty string for the empty string', () => assert.equal(arabicToArabizi(''), ''));

  it('comes back to the same Arabic for lexicon words', () => {
    for (const word of ['ديال', 'واش', 'كيفاش', 'علاش', 'دابا', 'بزاف', 'ماشي', 'صافي']) {
      assert.equal(arabiziToArabic(arabicToArabizi(word)), word);
    }
  });

  it('handles a 1M-character input', () => {
    const input = 'بغيت نمشي للمدينة عافاك 😀 '.repeat(40_000);
    assert.ok(input.length >= 1_000_000);
    assert.equal(arabicToArabizi(input), 'bghit nmchi lmdina 3afak 😀 '.repeat(40_000));
  });
});

describe('arabicToArabizi with random', () => {
  const sentence = 'بغيت نجدد البطاقة الوطنية ديالي، شحال خاصني نخلص؟';

  it('is reproducible for a given generator', () => {
    assert.equal(
      arabicToArabizi(sentence, { random: seeded(7) }),
      arabicToArabizi(sentence, { random: seeded(7) }),
    );
  });

  it('draws varied spellings, all in ASCII, that read back to Arabic script', () => {
    const random = seeded(1);
    const outputs = new Set(Array.from({ length: 50 }, () => arabicToArabizi(sentence, { random })));
    assert.ok(outputs.size > 10, `only ${outputs.size} distinct spellings`);
    for (const output of outputs) {
      assert.match(output, /^[\x20-\x7e]+$/);
      assert.match(arabiziToArabic(output), /^[\u0600-\u06ff ,?-]+$/);
    }
  });

  it('draws the common variants of a letter', () => {
    const random = seeded(3);
    const spellings = new Set(Array.from({ length: 200 }, () => arabicToArabizi('شحال', { random })));
    assert.ok(
      spellings.has('ch7al') && spellings.has('sh7al') && spellings.has('chhal'),
      [...spellings].join(' '),
    );
    const qaf = new Set(Array.from({ length: 100 }, () => arabicToArabizi('قلب', { random })));
    assert.ok(
      [...qaf].some((s) => s.startsWith('9')) && [...qaf].some((s) => s.startsWith('q')),
      [...qaf].join(' '),
    );
  });

  it('keeps non-Arabic text as it is', () => {
    assert.equal(arabicToArabizi('ok 2024 😀', { random: seeded(5) }), 'ok 2024 😀');
  });
});
