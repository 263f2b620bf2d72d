import { compileCues, matchKey } from '../../oversight/review/sensitive-topics.js';
import type { LexiconFamily } from '../../oversight/review/sensitive-topics.js';

/**
 * The decision an answer states to an eligibility-like question ("ai-je droit à l'ASD ?", "wach n9der nstafed?"):
 * positive (eligible, entitled, approved), negative (not eligible, refused) or unclear (no decision, a conditional
 * one, a question back, or both in one answer, as in "not eligible for A, eligible for B").
 *
 * Negation-aware in three ways:
 * - negated forms are negative cues of their own, written out where negation wraps the verb (French "n'êtes
 *   pas éligible", Darija "ma3ndekch l7e9", "ماغاديش تستافد": their stems never match a positive cue);
 * - where a negator word precedes the verb (MSA لا / لن / ليس / غير, Darija ماشي, Tamazight ur), a positive cue
 *   right after such a word counts as negative ("لا يحق لك", "غير مؤهل للاستفادة", "ur dark lḥqq");
 * - a cue in a sentence that is a question or holds a conditional ("si", "if", "إذا", "ila") states no decision.
 * And a positive cue in a sentence about appealing ("vous avez le droit de contester") grants no benefit.
 */

interface DecisionCues {
  positive: readonly string[];
  negative: readonly string[];
  /** Words that, right before a positive cue, negate it. */
  negators: readonly string[];
  /** Words that make a whole sentence conditional: no decision is stated in it. */
  conditions: readonly string[];
  /** Words of appeal: "vous avez le droit de contester", "يحق لك الطعن" grant a right, not the benefit asked for. */
  appeals: readonly string[];
}

export const DECISION_LEXICON: Readonly<Record<LexiconFamily, DecisionCues>> = {
  fra: {
    positive: [
      '(vous etes|tu es|vous serez|tu seras) (bien |donc |tout a fait |effectivement |)(eligible*|admissible*|beneficiaire*)',
      '(vous avez|tu as|vous aurez|tu auras) (bien |donc |effectivement |)(droit|le droit) (a|au|aux|de beneficier|de percevoir|de toucher)',
      '(vous pouvez|tu peux|vous pourrez|tu pourras) (bien |donc |effectivement |)(beneficier|pretendre|toucher|percevoir)',
      '(vous remplissez|tu remplis) (bien |donc |)(les|toutes les) (conditions|criteres)',
      '(votre|ta) (demande|candidature|dossier) (a ete|est) (acceptee|accepte|approuvee|approuve|validee|valide|retenue|retenu)',
    ],
    negative: [
      '(vous n etes|tu n es|vous ne serez|tu ne seras) (malheureusement |donc |)(pas|plus) (eligible*|admissible*|beneficiaire*)',
      '(vous n avez|tu n as|vous n aurez|tu n auras) (malheureusement |donc |)(pas|plus|aucun) (droit|le droit) (a|au|aux|de beneficier|de percevoir|de toucher)',
      '(vous ne pouvez|tu ne peux|vous ne pourrez|tu ne pourras) (malheureusement |donc |)(pas|plus) (beneficier|pretendre|toucher|percevoir)',
      '(vous ne remplissez|tu ne remplis) (malheureusement |donc |)pas (les|toutes les) (conditions|criteres)',
      '(votre|ta) (demande|candidature|dossier) (a ete|est) (rejete*|refuse*)',
      '(vous etes|tu es) (ineligible*|non eligible*|inadmissible*|exclu|exclue)',
    ],
    negators: [],
    conditions: ['si', 'a condition', 'sous reserve'],
    appeals: ['contester', 'contestation', 'recours', 'reclamation', 'faire appel'],
  },
  eng: {
    positive: [
      '(you are|you re|you will be|you ll be|you would be|you d be) (still |indeed |therefore |)(eligible|entitled|qualified)',
      '(you|you do|you will|you ll|you still) qualify',
      'you (can|will be able to) (claim|benefit from|receive the (benefit|support|allowance|grant))',
      'you meet (the|all the|all) (conditions|criteria|requirements)',
      'your (application|request|claim) (has been|was|is) (approved|accepted|granted)',
    ],
    negative: [
      '(you are|you re|you will|you ll|you would|you d) (not|no longer) (be |)(eligible|entitled|qualified)',
      '(you do not|you don t|you won t|you will not|you no longer|you didn t|you did not) qualify',
      '(you are|you re) ineligible',
      'you (cannot|can t|can not|will not be able to|won t be able to) (claim|benefit from|receive the (benefit|support|allowance|grant))',
      '(you do not|you don t) meet (the|all the|all) (conditions|criteria|requirements)',
      'your (application|request|claim) (has been|was|is) (rejected|refused|denied|declined)',
    ],
    negators: [],
    conditions: ['if', 'unless', 'whether', 'provided that'],
    appeals: ['appeal*', 'contest', 'challenge', 'complain*', 'complaint*'],
  },
  arb: {
    positive: [
      '(انت|انتم|انتي) (مؤهل|مؤهله|مؤهلون|مؤهلين|مؤهلا|مستحق|مستحقه|مستحقا)',
      '(مؤهل|مؤهله|مؤهلا|مؤهلون|مؤهلين|مستحق|مستحقا) (للاستفاده|للحصول|لهذا الدعم|لهذه المنحه)',
      'يحق (لك|لكم)',
      '(لك|لكم|لديك|لديكم) الحق',
      'من (حقك|حقكم)',
      '(يمكنك|يمكنكم|بامكانك|بامكانكم|تستطيع|تستطيعين|تستطيعون) (الاستفاده|ان تستفيد|ان تستفيدي|ان تستفيدوا)',
      '(تستوفي|تستوفين|تستوفون) (الشروط|جميع الشروط|شروط)',
      '(ستستفيد|ستستفيدين|ستستفيدون|سوف تستفيد)',
      '(تم|قد تم) (قبول|الموافقه علي) (طلبك|ملفك)',
    ],
    negative: [
      'غير (مؤهل|مؤهله|مؤهلا|مؤهلين|مؤهلون|مستحق|مستحقه|مستحقا)',
      '(لست|لستم|لستي) (مؤهلا|مؤهله|مؤهلين|مستحقا|مستحقه)',
      '(تم|قد تم) رفض (طلبك|ملفك)',
      '(طلبك|ملفك) (مرفوض|مرفوضه)',
      'لن (تستفيد|تستفيدي|تستفيدوا|تستفيدين|تستفيدون)',
    ],
    negators: ['لا', 'لن', 'لم', 'ليس', 'لست', 'لستم', 'غير'],
    conditions: ['اذا', 'لو', 'بشرط', 'شريطه', 'طالما', 'في حال'],
    appeals: ['الطعن', 'تطعن', 'التظلم', 'تتظلم', 'الاعتراض', 'تعترض', 'الاستئناف', 'تستانف', 'الشكايه'],
  },
  ary_Arab: {
    positive: [
      '(عندك|عندكم) (الحق|حق) (الدعم|المنحه|المساعده|التعويض|ف|في|تستافد|تاخد|تقبض|تشد)',
      '(غادي|غا|غادا) (تستافد|تستافدي|تستافدو|تستفد|تستفدي)',
      '(تقدر|تقدري|تقدرو|يمكن ليك|يمكنلك) (تستافد|تستافدي|تستافدو|تستفد|تستفدي)',
      '(داخل|داخله|داخلين|دخلتي) (فالشروط|ف الشروط)',
      'فيك الشروط',
      '(الطلب|الملف) ديالك (تقبل|تقبلات|قبلوه|تقبلو)',
    ],
    negative: [
      '(عندكش|ماعندكش|معندكش|عندكمش|ماعندكمش) (الحق|حق)',
      '(غاديش|ماغاديش|تقدرش|ماتقدرش|تقدريش|ماتقدريش|يمكنلكش|مايمكنلكش) (تستافد|تستافدي|تستافدو|تستفد|تستفدي)',
      '(تستافدش|ماتستافدش|تستفدش|ماتستفدش)',
      '(داخلش|ماداخلش|فيكش|مافيكش|دخلتيش|مادخلتيش) … الشروط',
      '(الطلب|الملف) ديالك (ترفض|ترفضات|رفضوه|ترفضو)',
    ],
    negators: ['ماشي'],
    // MSA إذا too: Darija writers borrow it.
    conditions: ['الا', 'ايلا', 'يلا', 'لاكان', 'كون', 'اذا'],
    appeals: ['الطعن', 'تطعن', 'تشكي', 'الشكايه', 'تعرض'],
  },
  ary_Latn: {
    positive: [
      '(3ndek|3andek|3ndk|3andk|3ndkom|3andkom) (l7e9|l7aq|l7a9|7e9|7a9|lhaq) (f|fi|fl|l|tstafed|tstafd|takhod|tched|t9bed|dda3m|da3m|lminha|minha|l3awn)',
      '(ghadi|gha|ghat) (tstafed|tstafd|tstafdi|tstafdo|tstafad)',
      '(t9der|t9dri|t9dro|ymken lik|ymkenlik) (tstafed|tstafd|tstafdi|tstafdo|tstafad)',
      '(dakhel|dakhla|dakhlin|dkhlti) (f|fl) (chorot|churut|chorout|les conditions|conditions)',
      'fik (chorot|churut|chorout|les conditions)',
      '(demande|talab|dossier|lmlf|ttalab) dyalek (t9bel|t9blat|tqbel|tqblat|9blouh|accepta|taccepta)',
    ],
    negative: [
      '(3ndekch|ma3ndekch|m3ndekch|3ndkch|ma3ndkch|3andekch|ma3andekch|3ndkomch|ma3ndkomch) (l7e9|l7aq|l7a9|7e9|7a9|lhaq)',
      '(ghadich|maghadich|t9derch|mat9derch|t9driche|mat9drich|t9drich|ymkenlikch) (tstafed|tstafd|tstafdi|tstafdo|tstafad)',
      '(tstafdch|matstafdch|tstafedch|matstafedch|ghatstafdch|maghatstafdch)',
      '(dakhelch|madakhelch|fikch|mafikch|dkhltich|madkhltich) … (chorot|churut|chorout|conditions)',
      '(demande|talab|dossier|lmlf|ttalab) dyalek (trfd|trfdat|trefdat|tr9dat|rfdouh|refusaw|trefusa)',
    ],
    negators: ['machi', 'mashi'],
    // French si too: Arabizi writers switch to French for it.
    conditions: ['ila', 'ilakan', 'lakan', 'ida', 'kon', 'si'],
    appeals: ['t3n', 'ta3n', 'tt3n', 'recours', 'reclamation', 'tchki', 'chikaya'],
  },
  // Unverified Tamazight (Tachelhit and Central Atlas forms, matched in Tifinagh through transliteration): a native
  // reviewer should check the stems and especially the negative ones (ur tzmmirt, ur tẓḍirt), and whether the
  // conditional words (mk, ig…) should make a sentence unclear; none is listed yet.
  zgh: {
    positive: [
      '(dark|ɣurk|ɣurm|darm) (lḥqq|lḥeqq)',
      'lḥqq (nnk|nnm)',
      '(tzmmrt|tẓḍart|tzḍart) ad (tfaydt|tstafdt|tstfadt|tawit|tamẓt)',
      '(rad|ad) (tfaydt|tstafdt|tstfadt)',
    ],
    negative: ['(tzmmirt|tẓḍirt|tzḍirt) ad (tfaydt|tstafdt|tstfadt|tawit|tamẓt)'],
    negators: ['ur'],
    conditions: [],
    appeals: ['ṭṭɛn', 'ṭɛn', 'ad tṭɛnt', 'recours'],
  },
};

interface CompiledCues {
  positive: RegExp;
  negative: RegExp;
  negators: ReadonlySet<string>;
  conditions: RegExp | null;
  appeals: RegExp;
}

/** Marker words folded like the text they are compared with, so that spelling variants meet. */
const foldedWords = (words: readonly string[]): ReadonlySet<string> =>
  new Set(words.map((word) => matchKey(word).key));

/** Global copies of the compiled cues: every occurrence is weighed, not only the first. */
const allOccurrences = (entries: readonly string[]): RegExp => {
  const cues = compileCues(entries);
  return new RegExp(cues.source, `${cues.flags}g`);
};

const COMPILED: readonly CompiledCues[] = Object.values(DECISION_LEXICON).map((family) => ({
  positive: allOccurrences(family.positive),
  negative: allOccurrences(family.negative),
  negators: foldedWords(family.negators),
  conditions: family.conditions.length > 0 ? compileCues(family.conditions) : null,
  appeals: compileCues(family.appeals),
}));

/** A sentence with its end punctuation, so that questions can be told apart. */
const SENTENCE = /[^.!?؟;\n]+[.!?؟;\n]*/gu;
const QUESTION_MARK = /[?؟]/u;

export type Decision = 'positive' | 'negative' | 'unclear';

export function extractDecision(text: string): Decision {
  let positive = 0;
  let negative = 0;
  for (const [sentence] of text.matchAll(SENTENCE)) {
    if (QUESTION_MARK.test(sentence)) continue;
    const key = matchKey(sentence).key;
    for (const cues of COMPILED) {
      if (cues.conditions?.test(key)) continue;
      negative += [...key.matchAll(cues.negative)].length;
      if (cues.appeals.test(key)) continue;
      for (const match of key.matchAll(cues.positive)) {
        const before = key.slice(0, match.index).trimEnd();
        const previousWord = before.slice(before.lastIndexOf(' ') + 1);
        if (cues.negators.has(previousWord)) negative++;
        else positive++;
      }
    }
  }
  if (positive > 0 && negative === 0) return 'positive';
  if (negative > 0 && positive === 0) return 'negative';
  return 'unclear';
}
