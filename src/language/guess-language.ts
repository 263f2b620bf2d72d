import type { LanguageGuess } from '../pipeline/flow-context.js';

/**
 * A first, script-based guess of the language labels the platform uses. It tells scripts apart reliably and
 * uses a few frequent words to split Darija from MSA and French from English; the statistical identifier of
 * the language layer replaces it.
 */
const MIN_LETTERS = 3;
const METHOD = 'script-heuristic';

const DARIJA_ARABIC =
  /(^|\s)(ديال|ديالي|واش|بغيت|كيفاش|شنو|علاش|دابا|بزاف|ماشي|فين|هاد|هادي|كاين|عافاك|نقدر|مزيان)(?=\s|$|[؟?!.,،])/u;
const DARIJA_LATIN =
  /\b(dyal|dial|wach|bghit|kifach|chno|3lach|daba|bzaf|machi|fin|had|kayn|3afak|n9der|mzyan|salam|khoya|labas|wa7ed)\b/iu;
const ARABIZI_DIGIT = /\p{L}[2379]\p{L}|\b[2379]\p{L}{2,}/u;
const FRENCH = /\b(le|la|les|des|est|une|pour|que|je|vous|nous|avec|dans|sur|pas|mon|ma|carte|bonjour)\b/iu;
const ENGLISH = /\b(the|is|are|and|you|what|how|my|with|for|this|please|hello|can)\b/iu;
const AMAZIGH_LATIN = /[ɣḍṭṛẓɛčǧ]/u;

export function guessLanguage(text: string): LanguageGuess {
  const counts = { arabic: 0, tifinagh: 0, latin: 0 };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2d30 && c <= 0x2d7f) counts.tifinagh++;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f)) counts.arabic++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
  }
  const total = counts.arabic + counts.tifinagh + counts.latin;
  if (total < MIN_LETTERS) return { label: 'und', confidence: 0, method: METHOD };
  if (counts.tifinagh >= counts.arabic && counts.tifinagh >= counts.latin) {
    return { label: 'zgh_Tfng', confidence: counts.tifinagh / total, method: METHOD };
  }
  if (counts.arabic >= counts.latin) {
    const darija = DARIJA_ARABIC.test(text);
    return { label: darija ? 'ary_Arab' : 'arb_Arab', confidence: darija ? 0.7 : 0.5, method: METHOD };
  }
  if (AMAZIGH_LATIN.test(text)) return { label: 'zgh_Latn', confidence: 0.6, method: METHOD };
  if (DARIJA_LATIN.test(text) || ARABIZI_DIGIT.test(text))
    return { label: 'ary_Latn', confidence: 0.6, method: METHOD };
  if (ENGLISH.test(text) && !FRENCH.test(text)) return { label: 'eng_Latn', confidence: 0.5, method: METHOD };
  return { label: 'fra_Latn', confidence: FRENCH.test(text) ? 0.6 : 0.3, method: METHOD };
}
