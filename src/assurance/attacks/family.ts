/**
 * A rough guess at the language family of a prompt, enough to write an attack's wrapper in the prompt's own
 * language. It deliberately avoids the language-identification model: attacks must be pure and cheap, and a wrong
 * guess only changes the wrapper's language.
 */
export type PromptFamily = 'arabic' | 'darija_latin' | 'french' | 'english';

const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

const wordSet = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));
const FRENCH_WORDS = wordSet(`le la les un une des du de et est je tu vous nous il elle ils pour dans
  sur avec pas que qui quel quelle comment mon ma mes votre vos ce cette au aux ne`);
const ENGLISH_WORDS = wordSet(`the an and is are was you your my i we it to of for in with what how why
  where which this that please can do does not be`);
/** Frequent Arabizi words that are not French or English words. */
const DARIJA_WORDS = wordSet(`wach dyal dial bghit kifach chno achno daba bzaf hna ana nta nti kayn kayna hadi
  hadchi mzyan ghir bach wla lli rah wakha machi chi`);
const FRENCH_ACCENT = /[àâçéèêëîïôûùüÿœ]/;
/** Digits standing for letters inside a word: 3lach, ch7al, 9ahwa. */
const ARABIZI_DIGIT = /\p{L}[379]|[379]\p{L}/u;

export function promptFamily(prompt: string): PromptFamily {
  const arabic = prompt.match(ARABIC_LETTER)?.length ?? 0;
  const latin = prompt.match(LATIN_LETTER)?.length ?? 0;
  if (arabic > latin) return 'arabic';
  const votes: Record<Exclude<PromptFamily, 'arabic'>, number> = { darija_latin: 0, french: 0, english: 0 };
  for (const word of prompt.toLowerCase().match(WORD) ?? []) {
    if (DARIJA_WORDS.has(word) || ARABIZI_DIGIT.test(word)) votes.darija_latin++;
    else if (FRENCH_WORDS.has(word) || FRENCH_ACCENT.test(word)) votes.french++;
    else if (ENGLISH_WORDS.has(word)) votes.english++;
  }
  if (votes.darija_latin > votes.french && votes.darija_latin > votes.english) return 'darija_latin';
  return votes.french > votes.english ? 'french' : 'english';
}
