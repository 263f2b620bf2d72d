import { identifyLanguage } from '../language/identify.js';
import type { LanguageLabel } from '../language/labels.js';
import { normalizeForSearch } from '../language/normalize/index.js';
import { arabiziToArabic } from '../language/transliterate/arabizi.js';
import { tifinaghToLatin } from '../language/transliterate/tifinagh.js';
import { CONCEPTS } from './lexicon.js';

export interface SearchTerms {
  language: LanguageLabel;
  terms: { text: string; weight: number }[];
}

/** The question's own words count most; a transliteration almost as much; bridged concepts less. */
const WEIGHT = { asked: 1, transliterated: 0.8, bridged: 0.5 } as const;

/** Articles and clitics glued to Darija and Arabic words: "l7o9o9", "lbita9a", "الحقوق", "بالبطاقة". */
const PREFIXES = ['al', 'el', 'l', 'ال', 'بال', 'فال', 'وال', 'لل', 'و', 'ب', 'ل', 'ف'];

interface ConceptIndex {
  words: Map<string, number[]>;
  phrases: { text: string; concept: number }[];
}

let index: ConceptIndex | undefined;

function conceptIndex(): ConceptIndex {
  if (index) return index;
  const words = new Map<string, number[]>();
  const phrases: ConceptIndex['phrases'] = [];
  CONCEPTS.forEach((forms, concept) => {
    for (const form of forms) {
      const normalized = normalizeForSearch(form);
      if (normalized.includes(' ')) phrases.push({ text: ` ${normalized} `, concept });
      else words.set(normalized, [...(words.get(normalized) ?? []), concept]);
    }
  });
  return (index = { words, phrases });
}

function conceptsIn(text: string): Set<number> {
  const { words, phrases } = conceptIndex();
  const normalized = normalizeForSearch(text);
  const found = new Set<number>();
  for (const token of normalized.split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < 2) continue;
    const candidates = [token, ...PREFIXES.filter((p) => token.startsWith(p) && token.length - p.length >= 2).map((p) => token.slice(p.length))];
    for (const candidate of candidates) for (const concept of words.get(candidate) ?? []) found.add(concept);
  }
  const padded = ` ${normalized.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const { text: phrase, concept } of phrases) if (padded.includes(phrase)) found.add(concept);
  return found;
}

/**
 * What to search for, for a question in any of the platform's languages: the question itself; Darija in Latin
 * script also in Arabic script, Tamazight in Tifinagh also in Latin script; and the lexicon's bridges to the
 * French, Arabic and English words of the concepts it names. `identified`: the question's language, when known.
 */
export function searchTerms(question: string, identified?: LanguageLabel): SearchTerms {
  const language = identified ?? identifyLanguage(question).lang;
  const terms: SearchTerms['terms'] = [{ text: question, weight: WEIGHT.asked }];
  const variants = [question];
  if (language === 'ary_Latn') variants.push(arabiziToArabic(question));
  if (language === 'zgh_Tfng') variants.push(tifinaghToLatin(question));
  for (const variant of variants.slice(1)) terms.push({ text: variant, weight: WEIGHT.transliterated });
  const concepts = new Set(variants.flatMap((v) => [...conceptsIn(v)]));
  for (const concept of concepts) terms.push({ text: CONCEPTS[concept]!.join(' '), weight: WEIGHT.bridged });
  return { language, terms };
}
