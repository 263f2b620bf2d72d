import { compileCues, findCue, matchKey } from './sensitive-topics.js';
import type { Lexicon } from './sensitive-topics.js';

/**
 * A citizen asking to talk to a person instead of the assistant: the gateway hands the conversation over to an
 * agent. A request needs a wish ("je veux", "bghit", "أريد", "riɣ") and a way of talking to someone ("parler à un
 * conseiller", "nhder m3a chi wa7ed"), or a direct demand ("je veux un humain", "transfer me to an agent"): a
 * person merely mentioned ("un agent m'a dit…", "the agent said…", "je veux parler de l'agent qui…") is no request.
 */

const FR_WISH =
  '(je veux|je voudrais|j aimerais|je souhaite|je souhaiterais|je prefere|je prefererais|puis je|est ce que je peux|est ce qu on peut|est il possible de|pourrais je|je peux|je demande a|laissez moi|il me faut|svp|s il vous plait|merci de)';
const FR_PERSON =
  '(humain|humaine|une personne|personne reelle|vraie personne|etre humain|quelqu un|agent|agente|conseiller|conseillere|fonctionnaire|employe|employee|operateur|operatrice|responsable|interlocuteur|interlocutrice|service client)';
const EN_WISH =
  '(i want|i wanna|i d like|i would like|i wish|i need|can i|could i|may i|let me|please|i d prefer|i prefer|i would prefer|is it possible to|how can i|how do i)';
const EN_PERSON =
  '(human|person|agent|someone|somebody|representative|rep|officer|official|staff|operator|advisor|adviser|employee|human being|civil servant|clerk|supervisor)';
const AR_PERSON = '(شخص|موظف|موظفه|انسان|بشري|كائن بشري|مستشار|مستشاره|احد|احد الموظفين|مسوول|عون|شخص حقيقي)';
const ARY_PERSON = '(واحد|بنادم|انسان|موظف|مسوول|حد|عون|بشر|عبد|مستشار)';
const ARY_LATN_PERSON =
  '(l |l|)(wa7ed|bnadem|insan|muwaddaf|mowadaf|mouwadaf|fonctionnaire|agent|mas2oul|mas2ol|7ed|conseiller|humain|responsable|3abd)';
const ZGH_PERSON = '(yan|yiwn|kra n yan|ufgan|afgan|bnadm|ubnadm|awdam|lmuwaddaf|agent|amsxdam|umsxdam)';

/** Tamazight entries are unverified: a native reviewer should check them (see the issue report). */
export const HUMAN_REQUEST_LEXICON: Lexicon = {
  fra: [
    `${FR_WISH} … (parler|discuter|echanger|m entretenir|etre en contact|etre mis en contact|etre mise en contact|etre mis en relation|etre mise en relation) (a|avec|au|aux) … ${FR_PERSON}`,
    `${FR_WISH} … (contacter|joindre|avoir|voir|appeler) (un|une|le|la|l|quelqu) … ${FR_PERSON}`,
    '(je veux|je voudrais|j aimerais|je demande|je prefere|je prefererais) (un|une) (vrai |vraie |)(humain|personne|agent|conseiller|conseillere|fonctionnaire|etre humain|interlocuteur|operateur)',
    '(mettez|mets|passez|passe|transferez|transfere|redirigez|redirige) moi (en contact|en relation|a|avec|vers|au)',
    '(un humain|une personne|un vrai agent|un agent|un conseiller|une vraie personne) (svp|s il vous plait|s il te plait|please|merci)',
    'je ne veux pas (parler|discuter|echanger) (a|avec) (un robot|une machine|une ia|un bot|un chatbot)',
  ],
  eng: [
    `${EN_WISH} … (talk|speak|chat|get through|be connected|be transferred|be put through|get in touch) (to|with) … ${EN_PERSON}`,
    '(talk|speak|chat) (to|with) (a|an) (real |live |actual |)(human|human being|real person|live agent|human agent)',
    '(i want|i need|give me|get me|i d like|i would like) (a|an) (real |actual |live |)(human|person|agent|representative|operator|human being)',
    `(connect|transfer|put) me (to|through to|with) … ${EN_PERSON}`,
    '(human|real person|live agent|representative|operator) please',
    '(i don t want|i do not want) (to talk to|to speak to|to chat with) (a|the) (bot|robot|machine|ai|chatbot)',
  ],
  arb: [
    `(اريد|اود|ارغب|هل يمكنني|هل يمكن|هل استطيع|ممكن|اطلب|افضل|اتمني|من فضلك|ارجو) … (التحدث|الحديث|التكلم|الكلام|التواصل|اتحدث|اتكلم|اتواصل|احالتي|تحويلي) (مع|الي|ب) … ${AR_PERSON}`,
    '(اريد|اطلب|افضل) (موظفا|شخصا|انسانا|مستشارا)',
    `(حولني|احلني|اوصلني|وصلني|صلني) (الي|مع|ب) … ${AR_PERSON}`,
    'لا اريد (التحدث|التكلم|الحديث) (مع|الي) (اله|الروبوت|روبوت|الذكاء الاصطناعي)',
  ],
  ary_Arab: [
    `(بغيت|بغينا|نقدر|ممكن|خليني|عافاك|واش نقدر|واش ممكن|نتمني) … (نهضر|نهدر|نتكلم|نتواصل|نحكي|نشوف|نتهضر|نسول) (مع|م) (شي |)${ARY_PERSON}`,
    'بغيت (شي |)(بنادم|انسان|موظف|مسوول)',
    `(دوزني|حولني|وصلني|صيفطني) … ${ARY_PERSON}`,
    'ما بغيتش (نهضر|نتكلم|نهدر) مع (الروبو|روبو|الماكينه|الذكاء الاصطناعي)',
  ],
  ary_Latn: [
    `(bghit|bghina|n9der|momkin|mumkin|mmkn|khallini|khlini|3afak|wach n9der|wach momkin) … (nhder|nhdar|ntkellem|ntkalem|ntwasel|n7ki|nchof|nsowel|nsewwel) (m3a|ma3a|m3) (chi |)${ARY_LATN_PERSON}`,
    'bghit (chi |)(bnadem|insan|muwaddaf|lmuwaddaf|fonctionnaire|agent|humain|mas2oul)',
    `(dawzni|7awlni|wasalni|wsselni|sifetni) … ${ARY_LATN_PERSON}`,
    'ma bghitch (nhder|ntkellem|nhdar) (m3a|ma3a) (robot|rubu|lmachina|ia)',
  ],
  zgh: [
    `(riɣ|bɣiɣ|is zmmrɣ|is zḍarɣ|ttxil|is izmmr|is iẓḍar) … (ad sawlɣ|ad sawalɣ|ad mslayɣ|ad mmeslayɣ|ad hḍrɣ|ad hdrɣ|ad msawalɣ|sawl) (d|akd|ak d|dd|s) … ${ZGH_PERSON}`,
    'riɣ (yan |)(ufgan|afgan|bnadm|lmuwaddaf)',
  ],
};

const HUMAN_REQUEST_CUES = compileCues(Object.values(HUMAN_REQUEST_LEXICON).flat());

/** The words by which the user asks to talk to a person, as written, or undefined. */
export function asksForHuman(text: string): string | undefined {
  return findCue(matchKey(text), HUMAN_REQUEST_CUES);
}
