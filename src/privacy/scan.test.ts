import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import { PRIVACY_ERROR_CODES } from './errors.js';
import { scan, scannableTypes } from './scan.js';

/** Text that must yield no entity at all with the full default set (issue 3, item 8). */
const HARD_NEGATIVES = [
  'Le montant est de 1 250,00 DH.',
  'Prix : 3500 dirhams, soit 3 500,00 MAD TTC',
  'المبلغ هو 2500 درهم',
  'En 2009, la loi 09-08 a été adoptée ; nous sommes en 2025.',
  'Rendez-vous à 14:30, fin à 16:45:30.',
  'Conformément à la loi n° 31.13 et au décret 2-09-165',
  'dahir 1-09-15 du 18 février 2009 (BO n° 5714)',
  "L'article 43 de la loi 09-08",
  'المادة 12 من القانون 09.08',
  'الفصل 5 من الدستور',
  'dossier n° 2024/1234',
  'facture FA-2025-00123 du 12/03/2025',
  'une hausse de 15 % et une baisse de 2,5%',
  'Code postal 20250',
  'Il y a 150000 habitants et 12 345 ménages.',
  'Le 12/03/2024, la réunion aura lieu à Rabat.',
  'Réf. 2023/456/789',
  'الساعة 10 و 30 دقيقة',
  'من 2019 إلى 2023 ارتفع العدد ب 15 في المائة',
  'Loi 43-20 relative aux services de confiance',
  'page 12 sur 45, chambre 214, étage 3',
  'rapport 2024-2025 : 3 enfants de 4, 7 et 12 ans',
  'القانون رقم 09.08 المتعلق بحماية الأشخاص الذاتيين',
  'le décret n° 2.09.165 du 25 jourmada I 1430 (21 mai 2009)',
  'Tél. du standard : voir le site ; fax : non',
];

describe('scan over the default recognizers', () => {
  it('detects every identifier of a mixed French, Arabic and Darija message', () => {
    const text =
      'Bonjour, je suis né le 12/03/1990. Ma CIN est BK482913 et mon tél 06 12 34 56 78. ' +
      'رقم الحساب: 011 519 0000012050005349 21. IBAN MA64 0115 1900 0001 2050 0053 4921. ' +
      'ICE 001561191000066, CNSS n° 123456789, code massar D166027860 (login D166027860@taalim.ma). ' +
      'Passeport AB1234567, tomobil 12345-أ-6, carte 4111 1111 1111 1111, mail ahmed@gmail.com, IP 192.168.1.10.';
    const found = scan(text).map((e) => [e.type, e.text]);
    assert.deepEqual(found, [
      ['DATE_OF_BIRTH', '12/03/1990'],
      ['MA_CIN', 'BK482913'],
      ['MA_PHONE', '06 12 34 56 78'],
      ['MA_RIB', '011 519 0000012050005349 21'],
      ['IBAN', 'MA64 0115 1900 0001 2050 0053 4921'],
      ['MA_ICE', '001561191000066'],
      ['MA_CNSS', '123456789'],
      ['MA_MASSAR', 'D166027860'],
      ['MA_MASSAR', 'D166027860@taalim.ma'],
      ['MA_PASSPORT', 'AB1234567'],
      ['MA_PLATE', '12345-أ-6'],
      ['PAYMENT_CARD', '4111 1111 1111 1111'],
      ['EMAIL', 'ahmed@gmail.com'],
      ['IP_ADDRESS', '192.168.1.10'],
    ]);
    for (const e of scan(text)) assert.equal(text.slice(e.start, e.end), e.text);
  });

  for (const text of HARD_NEGATIVES) {
    it(`finds nothing in the hard negative "${text}"`, () => assert.deepEqual(scan(text), []));
  }

  it('gives each context word to the nearest identifier (CIN vs passport, both 2 letters + 6 digits)', () => {
    assert.deepEqual(
      scan('CIN BK482913 et passeport AB123456').map((e) => [e.type, e.text]),
      [
        ['MA_CIN', 'BK482913'],
        ['MA_PASSPORT', 'AB123456'],
      ],
    );
    assert.deepEqual(
      scan('passeport AB123456, CIN BK482913').map((e) => [e.type, e.text]),
      [
        ['MA_PASSPORT', 'AB123456'],
        ['MA_CIN', 'BK482913'],
      ],
    );
  });

  it('reports a taalim.ma student login as MA_MASSAR, other addresses as EMAIL', () => {
    assert.deepEqual(
      scan('mon email massar: D166027860@taalim.ma, le prof: prof.alami@taalim.ma').map((e) => [
        e.type,
        e.text,
      ]),
      [
        ['MA_MASSAR', 'D166027860@taalim.ma'],
        ['EMAIL', 'prof.alami@taalim.ma'],
      ],
    );
    assert.deepEqual(
      scan('D166027860@taalim.ma', { types: ['EMAIL'] }).map((e) => e.type),
      ['EMAIL'],
    );
  });

  it('reports an IBAN, not the RIB inside it', () => {
    assert.deepEqual(
      scan('MA64011519000001205000534921').map((e) => e.type),
      ['IBAN'],
    );
  });

  it('keeps original offsets with Eastern Arabic digits and invisible characters in a long text', () => {
    const filler = 'نص عادي بدون معطيات شخصية. Texte ordinaire. '.repeat(200);
    const phone = '٠٦\u200F١٢٣٤٥٦٧٨';
    const text = `${filler}رقم الهاتف ${phone}${filler}`;
    const [entity] = scan(text);
    assert.equal(entity?.type, 'MA_PHONE');
    assert.equal(entity?.text, phone);
    assert.equal(entity?.start, text.indexOf(phone));
  });

  it('filters by type and threshold', () => {
    const text = 'CIN BK482913 tél 0612345678';
    assert.deepEqual(
      scan(text, { types: ['MA_PHONE'] }).map((e) => e.type),
      ['MA_PHONE'],
    );
    assert.deepEqual(
      scan('Voici BK482913', { threshold: 0.6 }).map((e) => e.type),
      [],
    );
    assert.ok(scannableTypes.includes('MA_RIB'));
  });

  it('survives lone surrogates and mixed directions', () => {
    const text = '\uD800 CIN BK482913 \uDFFF \u202Eرقم 0612345678\u202C \uD835';
    assert.deepEqual(
      scan(text).map((e) => e.type),
      ['MA_CIN', 'MA_PHONE'],
    );
  });

  it('refuses non-string input with a coded error', () => {
    assert.throws(
      () => scan(undefined as unknown as string),
      (error: unknown) => error instanceof MizanError && error.code === PRIVACY_ERROR_CODES.invalidInput,
    );
  });
});

/**
 * Inputs built to trigger catastrophic backtracking. At a million characters a quadratic pattern needs about
 * 10^12 steps and cannot finish within the test's timeout, while a linear scan takes a fraction of a second:
 * the timeout, not a clock reading, is what fails.
 */
const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['a run of digits', (n) => '1'.repeat(n)],
  ['digits and separators', (n) => '1-'.repeat(n / 2)],
  ['digits and spaces', (n) => '12 '.repeat(n / 3)],
  ['digits and dots', (n) => '1.'.repeat(n / 2)],
  ['a run of letters', (n) => 'a'.repeat(n)],
  ['letters and digits', (n) => 'ab12'.repeat(n / 4)],
  ['at signs', (n) => 'a@'.repeat(n / 2)],
  ['a local part without domain', (n) => `${'a.'.repeat(n / 2)}@`],
  ['a domain without top-level label', (n) => `a@${'b.'.repeat(n / 2)}1`],
  ['colons and hex', (n) => 'a:'.repeat(n / 2)],
  ['MRZ fillers', (n) => '<'.repeat(n)],
  ['plate-like chains', (n) => '12-أ-'.repeat(n / 5)],
  ['Arabic letters and digits', (n) => 'ب1 '.repeat(n / 3)],
  ['phone prefixes', (n) => '+212 '.repeat(n / 5)],
  ['invisible characters', (n) => '0\u200B'.repeat(n / 2)],
];

describe('scan on pathological inputs', () => {
  for (const [name, build] of PATHOLOGICAL) {
    it(`finishes on a million characters of ${name}`, { timeout: 60_000 }, () => {
      assert.ok(Array.isArray(scan(build(1_000_000))));
    });
  }

  it('scans 200k digits in one piece', { timeout: 60_000 }, () => {
    assert.deepEqual(scan('9'.repeat(200_000)), []);
  });
});
