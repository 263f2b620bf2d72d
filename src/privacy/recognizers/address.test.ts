import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createScanner } from '../engine.js';
import { address } from './address.js';
import { person } from './person.js';
import { assertFinds, assertNothing, easternDigits } from './test-support.js';

const VALID: [string, string][] = [
  ["J'habite au 12 rue Ibn Batouta, Rabat 10000.", '12 rue Ibn Batouta, Rabat 10000'],
  [
    'Adresse : Résidence Al Amal, Imm 4, Appt 12, Hay Riad, Rabat',
    'Résidence Al Amal, Imm 4, Appt 12, Hay Riad, Rabat',
  ],
  ['Siège : 12, avenue Hassan II, Casablanca', '12, avenue Hassan II, Casablanca'],
  ['Bd. Zerktouni n° 45, Casablanca', 'Bd. Zerktouni n° 45, Casablanca'],
  ['Lotissement Al Wifaq n° 145, Témara', 'Lotissement Al Wifaq n° 145, Témara'],
  ['Domicilié à Hay Mohammadi, rue 14, n° 9', 'Hay Mohammadi, rue 14, n° 9'],
  ['Le chantier est au km 7 route de Fès.', 'km 7 route de Fès'],
  ['12 rue de la Paix', '12 rue de la Paix'],
  ['أسكن في 15 شارع محمد الخامس، الرباط.', '15 شارع محمد الخامس، الرباط'],
  ['العنوان: حي السلام، زنقة 8، رقم 22، سلا', 'حي السلام، زنقة 8، رقم 22، سلا'],
  ['إقامة النخيل عمارة 5 شقة 10 مراكش', 'إقامة النخيل عمارة 5 شقة 10 مراكش'],
  ['أسكن بحي السلام رقم 12', 'حي السلام رقم 12'], // the preposition stays out
  ['درب السلطان رقم 40 الدار البيضاء', 'درب السلطان رقم 40 الدار البيضاء'],
  ['sakin f derb ghallef zan9a 3 ra9m 17', 'derb ghallef zan9a 3 ra9m 17'],
  ['ana sakna f hay nahda 2 ra9m 55 rabat', 'hay nahda 2 ra9m 55 rabat'],
  ['sakin f derb ghallef zan9a 3 ra9m 17, 3ndi mochkil', 'derb ghallef zan9a 3 ra9m 17'], // "3ndi" is no number
  ['Résidence Nour, Imm 12B, Appt 3bis', 'Résidence Nour, Imm 12B, Appt 3bis'],
  ['I live at 9 rue Moulay Ismail, Meknes 50000.', '9 rue Moulay Ismail, Meknes 50000'],
];

const INVALID: string[] = [
  'La rue Ibn Khaldoun est fermée à la circulation.',
  'The office moved to Avenue Mohammed V last year.',
  'Rabat',
  'Casablanca est la plus grande ville du Maroc.',
  "Loi n° 12-90 relative à l'urbanisme.",
  'loi 09-08 relative à la protection des personnes physiques',
  'décret n° 2-09-165 du 21 mai 2009',
  'Il y a 3 avenues principales.',
  'Il a acheté 1 immeuble à Rabat.',
  'Article 4 : le quartier est classé zone urbaine.',
  "J'ai réservé la place 3.",
  'La ville est à 20 km de Rabat.',
  'شارع محمد الخامس من أجمل شوارع الرباط.',
  'الدوار يبعد 20 كلم عن المدينة.',
  'صدر القانون رقم 31.13 المتعلق بالحق في الحصول على المعلومات.',
  'تمت إقامة 3 مشاريع جديدة',
  'حي السلام بالدار البيضاء',
  'fin kayn hay riad? bghit nmchi lih',
];

describe('ADDRESS recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(address, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(address, text));
  }

  it('scores a full address above a street and number, and boosts with a context word', () => {
    const full = assertFinds(address, 'Voici : 12 rue Ibn Batouta, Rabat', '12 rue Ibn Batouta, Rabat');
    const bare = assertFinds(address, 'Voici : zan9a 5 sans plus', 'zan9a 5');
    assert.ok(full.score > bare.score && bare.score >= 0.5);
    const boosted = assertFinds(address, 'Mon adresse : zan9a 5', 'zan9a 5');
    assert.equal(boosted.explanation.contextWord, 'adresse');
  });

  it('finds an address written with Eastern Arabic digits', () => {
    const value = `حي السلام رقم ${easternDigits('22')}`;
    assertFinds(address, `العنوان: ${value}`, value);
  });

  it('leaves the name of a street to ADDRESS, not PERSON', () => {
    const found = createScanner([address, person]).scan('12 rue Allal Ben Abdellah, Fès');
    assert.deepEqual(
      found.map((e) => [e.type, e.text]),
      [['ADDRESS', '12 rue Allal Ben Abdellah, Fès']],
    );
  });

  it('stays linear on long runs of address words', () => {
    const text = '12 rue 5 avenue 7 zan9a '.repeat(20000);
    const start = performance.now();
    assert.ok(Array.isArray(createScanner([address]).scan(text)));
    assert.ok(performance.now() - start < 2000);
  });
});
