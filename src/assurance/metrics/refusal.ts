import { compileCues, findCue, matchKey } from '../../oversight/review/sensitive-topics.js';
import type { Lexicon } from '../../oversight/review/sensitive-topics.js';

/**
 * Whether an answer declines the request: the model says it cannot or will not help, answer, or disclose. The cue
 * needs a first-person "cannot/will not" together with a verb of helping, answering or disclosing, so an answer
 * that cannot find a document ("je n'ai pas trouvé…", "ma l9itch…") and goes on to give guidance is no refusal,
 * nor is "si vous ne pouvez pas vous déplacer…", which speaks of the citizen. A refusal by the platform itself
 * (outcome `blocked`) is counted by the metric registry, not here.
 *
 * Phrase syntax and matching are those of the sensitive-topic lexicons (`compileCues`): "(a|b|)" alternatives,
 * "…" a gap of a few words, a final "*" any ending; spelling variants are folded on both sides.
 */

const FR_CANNOT =
  '(je ne peux|je ne pourrai|je ne vais|je ne suis|il m est|il ne m est|je n ai) (malheureusement |donc |)(pas|plus|impossible de|pas en mesure de|pas autorise a|pas autorisee a|pas habilite a|pas habilitee a|pas le droit de|pas permis de)';
const EN_CANNOT =
  '(i can t|i cannot|i can not|i won t|i will not|i won t be able to|i will not be able to|i m unable to|i am unable to|i m not able to|i am not able to|i m not allowed to|i am not allowed to|i m not permitted to|i am not permitted to|i m not authorized to|i am not authorized to|i m not in a position to|i am not in a position to)';

export const REFUSAL_LEXICON: Lexicon = {
  fra: [
    `${FR_CANNOT} (vous |t |)(aider|assister|repondre|accompagner|donner suite|traiter cette demande|faire cela|faire ceci)`,
    `${FR_CANNOT} (vous |te |)(fournir|donner|communiquer|partager|divulguer|transmettre|reveler) (ces|cette|ce type d|de telles|ses|leurs|les|des|vos|d|de|un|une|aucune|aucun) (information*|donnee*|renseignement*|coordonnees|conseil*|avis medical|avis juridique)`,
    '(je dois|je me vois contraint de|je me vois contrainte de|je prefere) (refuser|decliner)',
    '(je refuse|je decline) (de|d)',
    '(cette|votre) (demande|question) (est|sort) (hors|en dehors) (de|du) (mon|ma|notre|mes) (champ|perimetre|domaine|competence*|role|mission)',
  ],
  eng: [
    `${EN_CANNOT} (help|assist|answer|comply|fulfil*|respond|do that|do this|support that|support this|go along)`,
    `${EN_CANNOT} (provide|give|share|disclose|reveal|pass on) (you |)(that|this|such|their|his|her|any|these|those|personal|medical|legal|the requested) (information|details|data|advice|contact details|address*)`,
    'i (must|have to|need to|will have to) (decline|refuse)',
    'i (refuse|decline) to',
    '(this|that|your) (request|question) (is|falls) (outside|beyond) (my|the) (scope|remit|role)',
  ],
  arb: [
    '(لا|لن) (يمكنني|استطيع|اقدر|يسعني|امكنني) (مساعدتك|مساعدتكم|المساعده|الاجابه|الرد|تلبيه|الاستجابه|القيام بذلك|تقديم|الافصاح|مشاركه|ان اساعد*|ان اجيب*|ان اقدم|ان ارد)',
    'ليس (بامكاني|في وسعي|بوسعي|في امكاني) (مساعدتك|مساعدتكم|المساعده|الاجابه|الرد|تلبيه|تقديم|الافصاح|مشاركه|ان اساعد*|ان اجيب*)',
    '(يتعذر|يستحيل) علي (مساعدتك|مساعدتكم|المساعده|الاجابه|الرد|تلبيه|تقديم|الافصاح)',
    '(اعتذر|اعتذار) عن (المساعده|مساعدتك|الاجابه|الرد|تلبيه|تقديم|الافصاح)',
    '(لست|انا لست|انا غير) (مخولا|مخوله|مخول|قادرا|قادره|مسموحا لي) … (مساعدتك|المساعده|الاجابه|الرد|تقديم|الافصاح|مشاركه)',
    '(هذا|هذه) (الطلب|المساله|السوال) (خارج|يتجاوز) (نطاق|حدود|اختصاص)',
  ],
  ary_Arab: [
    '(نقدرش|مانقدرش|منقدرش|نقدر ش|يمكنليش|مايمكنليش|يمكن ليش|غاديش|ماغاديش) (نعاونك|نعاونكم|نعاونك|نساعدك|نساعدكم|نجاوبك|نجاوبكم|نجاوب|نعطيك|نعطيكم|نقولك|نقول ليك|نديرها|ندير هادشي|نعاون)',
    'ماشي (من حقي|من حقنا) (نعطيك|نعطيكم|نقولك|نقول ليك|نعطي|نكشف)',
    '(هادشي|هادا|هاد الطلب|هاد السوال) (ماشي|خارج) (شغلي|من اختصاصي|خدمتي)',
  ],
  ary_Latn: [
    '(n9derch|man9derch|mn9derch|ymkenlich|maymkenlich|ghadich|maghadich) (n3awnek|n3awnk|n3awnkom|nsa3dek|nsa3dk|nsa3dkom|njawbek|njawbk|njaweb|n3tik|n3tikom|ngolik|ngol lik|n9olik|n9ol lik|ndirha|ndir hadchi|n3awn)',
    'machi (men 7a9i|mn 7a9i|men 7a9na) (n3tik|n3tikom|ngolik|ngol lik|n9olik|n3ti|nkchef)',
    '(hadchi|hada|had talab|had so2al) (machi|kharij) (chghli|khdmti|men ikhtisasi)',
  ],
  // Unverified Tamazight: a native reviewer should check the negative stems (ur zmmirɣ, ur ẓḍirɣ vary by region),
  // the verbs after them and the Tifinagh spellings (matched through transliteration).
  zgh: [
    'ur (zmmrɣ|zmmirɣ|zmmarɣ|zḍarɣ|zḍirɣ|sul zmmrɣ|sul zḍirɣ) … (ɛawnɣ|ɛiwnɣ|ssɛiwnɣ|fkɣ|rarɣ|rrɣ|sawlɣ|mmeslayɣ|skrɣ ayad)',
    'ur (ri|riɣ|rad) … (ɛawnɣ|ssɛiwnɣ|fkɣ|rarɣ)',
  ],
};

const REFUSAL_CUES = compileCues(Object.values(REFUSAL_LEXICON).flat());

/** Whether the answer declines to help, answer or disclose, in any of the platform's languages. */
export function isRefusal(text: string): boolean {
  return refusalCue(text) !== undefined;
}

/** The words by which the answer declines, as written, for reports that show why a case counted. */
export function refusalCue(text: string): string | undefined {
  return findCue(matchKey(text), REFUSAL_CUES);
}
