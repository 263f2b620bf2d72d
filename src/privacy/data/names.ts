/**
 * The PERSON recognizer's lookup tables, built once from the data lists: given and family names, cities, stop words
 * and cue phrases, as bits per folded word in hash tables (see lexicon.ts).
 */
import { KeyTable, WATCH_PERSON, keysOf, watchWords, withoutArticle } from './lexicon.js';
import cities from './cities.json' with { type: 'json' };
import family from './family-names.json' with { type: 'json' };
import given from './given-names.json' with { type: 'json' };
import stopwords from './name-stopwords.json' with { type: 'json' };
import { ADDRESS_LEADS, STREET_TYPES } from './address-words.js';
import * as cues from './person-cues.js';

// What a folded word is, as bits of one table (one lookup per word).
export const GIVEN = 1;
export const GIVEN_AMBIGUOUS = 2;
export const FAMILY = 4;
export const FAMILY_AMBIGUOUS = 8;
export const CITY = 16;
export const STOP = 32;
export const PARTICLE = 64;
export const PARTICLE_CAPITAL = 128;
export const HONORIFIC = 256;
export const COMPOUND = 512;
export const CUE = 1024;
export const PLACE_WORD = 2048;
export const REGNAL = 4096;
export const ADDRESS_LEAD = 8192;

/** Everything a folded word is, by hash. */
export const INFO = new KeyTable();
const mark = (keys: Iterable<string>, bit: number) => {
  for (const k of keys) INFO.add(k, bit);
};
mark(keysOf(given.names.flat()), GIVEN);
mark(keysOf(given.ambiguous), GIVEN_AMBIGUOUS);
mark(keysOf(family.names.flat()), FAMILY);
mark(keysOf(family.ambiguous), FAMILY_AMBIGUOUS);
mark(keysOf(cities.cities.flat()), CITY);
mark(keysOf([...stopwords.latin, ...stopwords.arabic]), STOP);
mark(keysOf(cues.PARTICLES.filter((w) => w === w.toLowerCase())), PARTICLE);
mark(keysOf(cues.PARTICLES.filter((w) => w !== w.toLowerCase())), PARTICLE_CAPITAL);
mark(keysOf(cues.NAME_HONORIFICS), HONORIFIC);
mark(keysOf(cues.INSTITUTION_WORDS), PLACE_WORD);
mark(keysOf(cues.REGNAL), REGNAL);
mark(keysOf(ADDRESS_LEADS), ADDRESS_LEAD);
mark(keysOf(STREET_TYPES), PLACE_WORD);
mark(keysOf(cues.COMPOUND_HEADS), COMPOUND);
const multiWord = [given.names.flat(), family.names.flat(), cities.cities.flat()].flatMap((l) =>
  keysOf(l).filter((k) => k.includes(' ')),
);
mark(
  multiWord.map((k) => k.slice(0, k.indexOf(' '))),
  COMPOUND,
);
/**
 * Gazetteer words as they read once a proclitic is stripped from the text ("ومحمد" → "محمد", "والعلوي" → "علوي"):
 * each word, and each word without its article.
 */
export const BARE = new KeyTable();
for (const [list, bit] of [
  [given.names.flat(), GIVEN],
  [given.ambiguous, GIVEN_AMBIGUOUS],
  [family.names.flat(), FAMILY],
  [family.ambiguous, FAMILY_AMBIGUOUS],
  [stopwords.arabic, STOP],
] as const) {
  for (const k of keysOf(list)) {
    if (k.includes(' ')) continue;
    BARE.add(k, bit);
    BARE.add(withoutArticle(k), bit);
  }
}
export const NOT_NAMES = new Set(cues.NOT_NAMES_AS_WRITTEN);
export const NOT_CUES = new Set(cues.NOT_CUES_AS_WRITTEN);
export type CueKind = 'naming' | 'darija' | 'form' | 'title' | 'role' | 'weak';
export interface Cue {
  keys: string[];
  kind: CueKind;
  /** Written with a capital in the list: must be written so in the text (or all in capitals, from 3 letters). */
  spelling: string | undefined;
}
/** Cue phrases by their first folded word, longest first. */
export const CUES = new Map<string, Cue[]>();
for (const [kind, list] of [
  ['naming', cues.NAMING_CUES],
  ['darija', cues.DARIJA_NAMING_CUES],
  ['form', cues.FORM_LABELS],
  ['title', cues.TITLE_CUES],
  ['role', cues.ROLE_CUES],
  ['weak', cues.WEAK_CUES],
] as const) {
  for (const phrase of list) {
    const keys = keysOf([phrase])[0]!.split(' ');
    const spelling = /^[A-Z]/.test(phrase) ? phrase : undefined;
    // Arabic cues are also found with a proclitic: "بالسيد", "للتلميذة" (looked up without it).
    for (const head of new Set([keys[0]!, withoutArticle(keys[0]!)])) {
      const bucket = CUES.get(head) ?? [];
      bucket.push({ keys: [head, ...keys.slice(1)], kind, spelling });
      bucket.sort((a, b) => b.keys.length - a.keys.length);
      CUES.set(head, bucket);
      if (head === keys[0]) INFO.add(head, CUE);
      else BARE.add(head, CUE);
    }
  }
}

// The words that can start a name or a cue, for the tokenizer's one lookup per word (capitalized Latin words are
// visited anyway).
const STARTS = GIVEN | FAMILY | PARTICLE | PARTICLE_CAPITAL | HONORIFIC | COMPOUND | CUE;
watchWords(
  [
    ...[given.names.flat(), family.names.flat(), cues.PARTICLES, cues.NAME_HONORIFICS, cues.COMPOUND_HEADS]
      .flatMap((l) => keysOf(l))
      .flatMap((k) => [k, withoutArticle(k)]),
    ...multiWord.map((k) => k.slice(0, k.indexOf(' '))),
    ...CUES.keys(),
  ].filter((k) => (INFO.of(k) | BARE.of(k)) & STARTS),
  WATCH_PERSON,
);
