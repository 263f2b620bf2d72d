import type { Recognizer } from '../types.js';

/**
 * National identity card (CIN / CNIE): 1–2 Latin letters (the issuing area) then 5–6 digits, any case, with or
 * without one space or dash: "BK482913", "J456789", "bk 482913". No checksum is published, so the compact form and
 * the upper-case spaced form keep a moderate score (a context word raises it); other spaced forms, and upper-case
 * ones that spell a word ("BP 12345"), need context; lower-case ones that are words ("de 150000") are rejected.
 */

const START = '(?<![\\w@/\\\\])(?<!\\w[.\\-])';
const END = '(?![\\w@])(?![.\\-/]\\d)';
/**
 * Anchored on the digits (the regex engine skips to digits fast) with the letters captured in a lookbehind: the
 * entity is group 1, which starts before the match.
 */
const anchored = (shape: string) => new RegExp(`(?<!\\d)\\d{5,6}(?<=${START}(${shape}))${END}`, 'g');

/** Two-letter words and abbreviations that precede numbers in French and English text. */
const SPACED_STOPWORDS = [
  ...'de le la en au du et ou un il on se ce sa ta to of in at is by or an as no nr ne ni si me te lu vu ai es ex'.split(
    ' ',
  ),
  ...'ok mr dr st ma bp cp rc if tp pp cb ht tt cv vs'.split(' '),
];
const STOPWORD_SET = new Set(SPACED_STOPWORDS);
/** Upper-case spaced letters stand alone unless they spell such a word ("BP 12345", "DE 150000" need context). */
const UPPER_SPACED = `(?!(?:${SPACED_STOPWORDS.map((w) => w.toUpperCase()).join('|')})[ \\-])[A-Z]{2}[ \\-]`;

/**
 * Spaced lower-case forms are words before a number ("de 150000", "a 12345"), even next to a CIN context word; an
 * upper-case "DE 150000" is left to context.
 */
export function validateCin(match: string): boolean | undefined {
  const spaced = /^([A-Za-z]{1,2})[ -]/.exec(match);
  if (!spaced) return undefined;
  const letters = spaced[1]!;
  if (letters !== letters.toLowerCase()) return undefined;
  return letters.length === 1 || STOPWORD_SET.has(letters) ? false : undefined;
}

export const maCin: Recognizer = {
  entity: 'MA_CIN',
  prefilter: /\d/,
  patterns: [
    {
      name: 'cin',
      regex: anchored(`(?:[A-Za-z]{1,2}|${UPPER_SPACED})\\d{5,6}`),
      group: 1,
      score: 0.55,
    },
    {
      name: 'cin-spaced',
      regex: anchored('[A-Za-z]{1,2}[ \\-]\\d{5,6}'),
      group: 1,
      score: 0.45,
      requiresContext: true,
    },
  ],
  context: [
    'cin',
    'cnie',
    'c.i.n',
    'c.n.i.e',
    'cni',
    'carte nationale',
    "carte d'identité",
    "carte d'identité nationale",
    "carte nationale d'identité",
    "carte nationale d'identité électronique",
    "pièce d'identité",
    'identité',
    'la carte',
    'ma carte',
    'numéro de carte',
    'national id',
    'id card',
    'identity card',
    'national identity',
    'البطاقة الوطنية',
    'بطاقة التعريف',
    'بطاقة التعريف الوطنية',
    'البطاقة الوطنية للتعريف',
    'رقم البطاقة',
    'البطاقة',
    'بطاقة',
    'ب.ت.و',
    'ب ت و',
    'لاكارط',
    'لاكارت',
    'الكارط',
    'كارط',
    'لاكارط ناسيونال',
    'la karta',
    'lakarta',
    'karta',
    'lkarta',
    'la carte nationale',
    'bitaqa',
    'bita9a',
    'bitaka',
    'btaqa',
    'btaqti',
    'bitaqti',
    'karti',
    'cin dyali',
    'lcin',
    'dcin',
    'fcin',
  ],
  negativeContext: [
    'facture',
    'invoice',
    'commande',
    'order',
    'réf',
    'ref',
    'référence',
    'reference',
    'dossier',
    'ticket',
    'modèle',
    'model',
    'produit',
    'article',
    'colis',
    'vol',
    'flight',
    'lot',
    'série',
    'فاتورة',
    'الفاتورة',
    'طلبية',
    'ملف',
    'المرجع',
    'مرجع',
    'الطرد',
    'fatura',
    'lfatura',
  ],
  validate: validateCin,
};
