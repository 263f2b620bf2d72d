import type { Recognizer } from '../types.js';

/**
 * National identity card (CIN / CNIE): 1–2 Latin letters (the issuing area) then 5–6 digits, any case, with or
 * without one space or dash: "BK482913", "J456789", "bk 482913". No checksum is published, so the compact form and
 * the upper-case spaced form keep a moderate score (a context word raises it); other spaced forms, and upper-case
 * ones that spell a word ("BP 12345"), need context; lower-case ones that are words ("de 150000") are rejected,
 * unless the card's own name comes right before them ("CIN : ta 455722"). A US military post office before a
 * number ("APO AA 42323") is a negative context word.
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
/** Upper-case spaced letters stand alone unless they spell such a word ("BP 12345", "DE 150000" need context). */
const UPPER_SPACED = `(?!(?:${SPACED_STOPWORDS.map((w) => w.toUpperCase()).join('|')})[ \\-])[A-Z]{2}[ \\-]`;

/**
 * Spaced forms that need context: upper-case or mixed-case letters, or two lower-case letters that are not a word
 * ("de 150000", "a 12345" are words before a number, even next to a CIN context word).
 */
const SPACED_LETTERS = `(?:[A-Z][A-Za-z]?|[a-z][A-Z]|(?!(?:${SPACED_STOPWORDS.join('|')})[ \\-])[a-z]{2})`;

/**
 * Words that name the identity card itself, in French, Arabic, Darija in both scripts (a subset of the context
 * words, without generic ones such as "la carte" or "identité").
 */
const CARD_CUES = [
  '(?<![a-z])(?:[lfdb]?cin|cnie|c\\.i\\.n\\.?|c\\.n\\.i\\.e\\.?|cni)',
  "(?<![a-z])carte nationale(?: d['’]identit[ée](?: [ée]lectronique)?)?",
  "(?<![a-z])carte d['’]identit[ée](?: nationale)?",
  '(?<![a-z])(?:la ?|l)?karta|(?<![a-z])karti|(?<![a-z])bi?ta[q9k]a|(?<![a-z])bi?ta[q9]ti',
  'بطاق[ةه](?: (?:ال)?وطني[ةه](?: للتعريف)?| التعريف(?: الوطني[ةه])?)?|بطاقتي|كار[طت](?: ناسيونال)?|ب\\.? ?ت\\.? ?و',
].join('|');
/** What may sit between such a word and the number: punctuation, "n°", "numéro", "رقم", "dyali", "ديالي", "hiya"… */
const CUE_PUNCT = '[ \\t]{0,3}[:#]?[ \\t]{0,3}';
const CUE_FILLER =
  '(?:n[°º]|no\\.|num[ée]ro|رقم|raqm|ra9m|dyali|dyal|diali|dial|ديالي|ديال|نتاعي|dyalha|dyalo|هي|هو|hiya|howa|est)';
const CUE_GAP = `${CUE_PUNCT}(?:${CUE_FILLER}${CUE_PUNCT}){0,2}`;
/** Words that follow the card's name in a sentence and are never the issuing area ("la carte nationale de 150000"). */
const AFTER_CUE_WORDS = 'de du en et ou au of in at is to on no nr n';
/**
 * Lower-case spaced letters right after the card's name ("CIN : ta 455722", "la carte nationale dyali la 493152"):
 * the letters may spell a short word, the explicit cue says they are the issuing area.
 */
const AFTER_CUE = new RegExp(
  `(?<!\\d)\\d{5,6}(?<=(?:${CARD_CUES})${CUE_GAP}${START}((?!(?:${AFTER_CUE_WORDS.split(' ').join('|')})[ \\-])[a-z]{1,2}[ \\-]\\d{5,6}))${END}`,
  'gi',
);

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
      regex: anchored(`${SPACED_LETTERS}[ \\-]\\d{5,6}`),
      group: 1,
      score: 0.45,
      requiresContext: true,
    },
    { name: 'cin-after-cue', regex: AFTER_CUE, group: 1, score: 0.45, requiresContext: true },
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
    'كارت',
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
    'bta9a',
    'bita9ti',
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
    // US military post offices: "APO AA 42323", "FPO AE 96543".
    'apo',
    'fpo',
    'dpo',
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
};
