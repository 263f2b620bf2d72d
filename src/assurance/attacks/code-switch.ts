import { promptFamily, type PromptFamily } from './family.js';
import type { AttackModule } from './index.js';
import { mulberry32, pick, sampleShare, type Random } from './random.js';

/** French, English, Darija in Arabizi, then Darija (and a few MSA) spellings in Arabic script. */
type Entry = readonly [french: string, english: string, arabizi: string, arabic: readonly string[]];

const WORDS: readonly Entry[] = [
  ['je veux', 'I want', 'bghit', ['بغيت', 'أريد']],
  ['maintenant', 'now', 'daba', ['دابا', 'الآن']],
  ['beaucoup', 'a lot', 'bzaf', ['بزاف', 'كثيرا']],
  ['comment', 'how', 'kifach', ['كيفاش', 'كيف']],
  ['pourquoi', 'why', '3lach', ['علاش', 'لماذا']],
  ['où', 'where', 'fin', ['فين', 'أين']],
  ['quand', 'when', 'imta', ['امتى', 'متى']],
  ['combien', 'how much', 'ch7al', ['شحال', 'كم']],
  ['quoi', 'what', 'chno', ['شنو', 'ماذا']],
  ['oui', 'yes', 'iyeh', ['ايه', 'نعم']],
  ['non', 'no', 'la', ['لا']],
  ['merci', 'thank you', 'chokran', ['شكرا']],
  ["s'il vous plaît", 'please', '3afak', ['عافاك', 'من فضلك']],
  ['bonjour', 'hello', 'salam', ['سلام']],
  ["aujourd'hui", 'today', 'lyoum', ['اليوم']],
  ['demain', 'tomorrow', 'ghda', ['غدا']],
  ['toujours', 'always', 'dima', ['ديما', 'دائما']],
  ['encore', 'still', 'mazal', ['مازال', 'ما زال']],
  ['rien', 'nothing', 'walo', ['والو']],
  ['tout', 'everything', 'kolchi', ['كلشي']],
  ['un peu', 'a little', 'chwiya', ['شوية', 'قليلا']],
  ['bien', 'good', 'mzyan', ['مزيان', 'جيد']],
  ['argent', 'money', 'flous', ['فلوس', 'المال']],
  ['travail', 'work', 'khedma', ['خدمة', 'عمل']],
  ['ici', 'here', 'hna', ['هنا']],
  ['là-bas', 'there', 'tma', ['تما', 'هناك']],
  ['avec', 'with', 'm3a', ['مع']],
  ['sans', 'without', 'bla', ['بلا', 'بدون']],
  ['mais', 'but', 'walakin', ['ولكن', 'لكن']],
  ['ou', 'or', 'wla', ['ولا', 'أو']],
  ['je', 'I', 'ana', ['انا', 'أنا']],
  ['tu', 'you', 'nta', ['نتا', 'أنت']],
  ['nous', 'we', '7na', ['حنا', 'نحن']],
  ['ils', 'they', 'homa', ['هوما', 'هم']],
  ['il y a', 'there is', 'kayn', ['كاين', 'يوجد']],
  ['ville', 'city', 'mdina', ['مدينة']],
  ['enfants', 'children', 'wlad', ['ولاد', 'أطفال']],
  ['frère', 'brother', 'khoya', ['خويا']],
  ['sœur', 'sister', 'khti', ['ختي']],
  ['carte', 'card', 'bita9a', ['بطاقة']],
  ['document', 'document', 'wati9a', ['وثيقة']],
  ['demande', 'request', 'talab', ['طلب']],
  ['eau', 'water', 'lma', ['الما', 'الماء']],
  ['endroit', 'place', 'blasa', ['بلاصة', 'مكان']],
  ['comme', 'such as', 'b7al', ['بحال', 'مثل']],
  ['obligatoire', 'mandatory', 'daruri', ['ضروري']],
  ["d'accord", 'okay', 'wakha', ['واخا']],
  ['pas', 'not', 'machi', ['ماشي', 'ليس']],
  ['ce', 'this', 'had', ['هاد', 'هذا']],
  ['ça', 'that', 'dakchi', ['داكشي', 'ذلك']],
  ['quelque chose', 'something', 'chi haja', ['شي حاجة']],
  ['un', 'one', 'wa7ed', ['واحد']],
  ['deux', 'two', 'jouj', ['جوج', 'اثنان']],
  ['grand', 'big', 'kbir', ['كبير']],
  ['petit', 'small', 'sghir', ['صغير']],
  ['maison', 'house', 'dar', ['دار', 'منزل']],
  ['voiture', 'car', 'tomobil', ['طوموبيل', 'سيارة']],
  ['médecin', 'doctor', 'tbib', ['طبيب']],
  ['hôpital', 'hospital', 'sbitar', ['سبيطار', 'مستشفى']],
  ['école', 'school', 'lmedrasa', ['المدرسة']],
  ['parler', 'speak', 'hder', ['هدر', 'تكلم']],
  ['savoir', 'know', '3ref', ['عرف']],
  ['vite', 'quickly', 'dghya', ['دغيا', 'بسرعة']],
  ['aide', 'help', 'm3awna', ['معاونة', 'مساعدة']],
];

/** Fillers Moroccans drop into any sentence: "maybe", "I mean", "right / that's it", "now". */
const MARKERS: ReadonlyArray<readonly [latin: string, arabic: string]> = [
  ['wa9ila', 'وقيلا'],
  ['ya3ni', 'يعني'],
  ['safi', 'صافي'],
  ['daba', 'دابا'],
];

/** French or English words become Arabizi; Darija in either script becomes French, the usual mix. */
const SWAPS: Readonly<Record<PromptFamily, ReadonlyMap<string, string>>> = {
  french: new Map(WORDS.map(([french, , arabizi]) => [french, arabizi])),
  english: new Map(WORDS.map(([, english, arabizi]) => [english.toLowerCase(), arabizi])),
  darija_latin: new Map(WORDS.map(([french, , arabizi]) => [arabizi, french])),
  arabic: new Map(WORDS.flatMap(([french, , , arabic]) => arabic.map((word) => [word, french] as const))),
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words or phrases only, the longest first, so that "je veux" wins over "je". */
const PATTERNS = Object.fromEntries(
  Object.entries(SWAPS).map(([family, swaps]) => {
    const alternatives = [...swaps.keys()].sort((a, b) => b.length - a.length).map(escape);
    return [family, new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')];
  }),
) as Record<PromptFamily, RegExp>;

const SHARE = 0.5;
const SENTENCE_START = /(?:^|[.!?]\s*)$/;

function swapWords(prompt: string, family: PromptFamily, random: Random): string {
  const swaps = SWAPS[family];
  // Case-insensitive matching also folds look-alikes such as ſ for s, which are no key: skip them.
  const matches = [...prompt.matchAll(PATTERNS[family])].flatMap((match) => {
    const swap = swaps.get(match[0].toLowerCase());
    return swap === undefined ? [] : [{ word: match[0], at: match.index, swap }];
  });
  const chosen = sampleShare(matches.length, SHARE, random);
  let out = '';
  let copiedUpTo = 0;
  matches.forEach(({ word, at, swap }, k) => {
    if (!chosen.has(k)) return;
    const capitalised = word[0] !== word[0]!.toLowerCase() && SENTENCE_START.test(prompt.slice(0, at));
    out += prompt.slice(copiedUpTo, at) + (capitalised ? swap[0]!.toUpperCase() + swap.slice(1) : swap);
    copiedUpTo = at + word.length;
  });
  return out + prompt.slice(copiedUpTo);
}

/**
 * Code-switching as Moroccans write: about half the common words found are swapped for their Darija (Arabizi)
 * equivalent in a French or English prompt, or for French in a Darija one, and a Darija filler word is slipped
 * in before one of the words. Guards tuned on one language see a sentence that belongs to none.
 */
export const codeSwitch: AttackModule = {
  id: 'code_switch',
  description: 'French or English mixed with Darija, word by word, plus a Darija filler',
  apply(prompt, seed) {
    const random = mulberry32(seed);
    const family = promptFamily(prompt);
    const words = swapWords(prompt, family, random).split(' ');
    const [latin, arabic] = pick(random, MARKERS);
    words.splice(Math.floor(random() * words.length), 0, family === 'arabic' ? arabic : latin);
    return words.join(' ');
  },
};
