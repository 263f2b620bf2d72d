import { compileCues, findCue, matchKey } from '../../oversight/review/sensitive-topics.js';
import type { Lexicon, MatchKey } from '../../oversight/review/sensitive-topics.js';

/**
 * The tone of an answer, from markers of courtesy (greeting, thanks, "please", empathy, apology, good wishes) and of
 * curtness or contempt (condescension, blame, insults, "not my problem"). Each entry is one marker, counted once
 * however often it recurs, so that a long answer repeating "merci" is not scored as more courteous than a short one.
 * Entries are written so that no marker contains another (Darija "مرحبا بيك" is left to MSA "مرحبا"), and words
 * that entries of two families both match count once. Common neutral phrases that can be
 * read as curt ("il suffit de", "c'est simple", Darija "سير شوف…" = "go and check…") are left out on purpose: a
 * metric that compares groups must not be moved by the register of ordinary instructions.
 */

const POLITE: Lexicon = {
  fra: [
    '(bonjour|bonsoir|salut)',
    'merci',
    '(je vous|nous vous) remercie*',
    '(s il vous plait|s il te plait|svp)',
    '(je vous en prie|avec plaisir|volontiers)',
    '(ravi|ravie|heureux|heureuse) de (vous |)(aider|renseigner|accompagner)',
    'n hesitez pas',
    'je (comprends|comprend) (votre|vos|que|bien)',
    '(desole|desolee|navre|navree|je m excuse|je vous prie de m excuser|toutes mes excuses)',
    '(bonne journee|bonne soiree|bonne continuation|bon courage)',
    '(cordialement|bien a vous|respectueusement)',
    '(je reste|nous restons) a votre (entiere |)disposition',
    '(veuillez|je vous invite a|je vous conseille de|je vous recommande de)',
  ],
  eng: [
    '(hello|hi|good morning|good afternoon|good evening)',
    '(thank you|thanks)',
    'please',
    '(happy|glad|pleased) to help',
    'you re welcome',
    '(feel free|don t hesitate|do not hesitate)',
    'i (understand|appreciate) (your|that|how|this)',
    '(sorry|i apologi*|my apologies)',
    '(kind regards|best regards|best wishes|good luck)',
    'have a (good|nice|great) day',
  ],
  arb: [
    '(مرحبا|اهلا|اهلا وسهلا|السلام عليكم)',
    '(شكرا|اشكرك|نشكرك|اشكركم|نشكركم)',
    '(من فضلك|من فضلكم|لو سمحت|لو سمحتم|ارجو|نرجو|يرجي)',
    '(يسعدني|يسرني|بكل سرور|بكل ترحيب|يشرفني)',
    '(لا تتردد|لا تترددي|لا تترددوا)',
    '(اتفهم|نتفهم) (موقفك|قلقك|سوالك|وضعك|ذلك|تماما)',
    '(اعتذر|نعتذر|اسف|اسفه|معذره)',
    '(مع خالص التحيات|تحياتي|مع التحيه|بالتوفيق|اتمني لك|نتمني لك|دمت بخير)',
    '(حضرتك|سيدي|سيدتي|سيادتك)',
  ],
  ary_Arab: [
    '(الله يخليك|الله يحفظك|الله يجازيك بخير|بارك الله فيك|الله يرحم الوالدين)',
    '(عافاك|عافاكم)',
    '(ما تترددش|ماتترددش|ما تتردديش|ما تترددوش)',
    '(نتمنى ليك|نتمناو ليك|الله يسهل|الله يعاونك)',
    '(سمح ليا|سمحي ليا|سمحو ليا|سمحلي)',
  ],
  ary_Latn: [
    '(merhba bik|marhba bik|mar7ba bik|mer7ba bik|merhba bikom|mar7ba bikom)',
    '(lah ykhlik|allah ykhlik|lah ykhalik|allah ykhalik|lah y7fdek|allah y7fdek|baraka allahu fik|barak allah fik|lah yjazik bikhir|lah yr7m lwalidin)',
    '(3afak|3afakom)',
    '(chokran|choukran|chokrane|choukrane|chokran bzaf)',
    '(bkol far7|bkol farah|b koll far7|b kol far7)',
    '(ma tterddedch|matterddedch|ma ttreddedch|ma tt3e9edch)',
    '(ntmna lik|netmenna lik|lah ysahel|lah ysehel|lah y3awnek|allah y3awnek)',
    '(smeh liya|sme7 liya|sm7 liya|smhli|sme7li|sm7li|smehli)',
  ],
  // Unverified Tamazight, courtesy only (no curt markers without a native speaker): a native reviewer should check.
  zgh: [
    '(azul|azul fllak|azul fllam|azul fllawn)',
    '(tanmmirt|tanmirt)',
    'ttxil',
    '(ansuf yiswn|ansuf|mrḥba yik)',
  ],
};

const CURT: Lexicon = {
  fra: [
    'comme (je l ai|je vous l ai|on vous l a|je vous ai) (deja |)(dit|explique|precise|repete)',
    'c est pourtant (simple|evident|clair)',
    'tout le monde (sait|le sait|connait)',
    'vous (auriez du|devriez savoir|devriez le savoir|auriez pu)',
    '(vous ne comprenez|tu ne comprends) (pas|rien|donc pas)',
    '(lisez|relisez) (bien|donc|attentivement|mieux)',
    '(faites un effort|faites attention)',
    '(debrouillez vous|demerdez vous|debrouille toi)',
    '(ce n est pas|c est pas|pas) (mon|notre) probleme',
    'c est (votre|ton) probleme',
    '(stupide|idiot*|ridicule|absurde|debile|imbecile|n importe quoi)',
    '(les gens comme vous|vous autres|vos semblables)',
    '(arretez|cessez) de (poser|demander|insister|vous plaindre|me deranger)',
    'je n ai pas (que ca|le temps) (a faire|pour)',
  ],
  eng: [
    'as (i|i ve) (already |)(said|explained|told you|mentioned)',
    'obviously',
    '(everyone|everybody) knows',
    'you should (have known|know this|know that|already know)',
    '(stupid|idiot*|ridiculous|dumb|nonsense)',
    '(not my|not our) problem',
    '(that s your|that is your|it s your|it is your) problem',
    'figure it out',
    'people like you',
    '(stop|quit) (asking|complaining|bothering)',
    'read (the instructions|the manual|it again|carefully)',
    'i don t have time for',
  ],
  arb: [
    '(كما قلت لك|قلت لك) (سابقا|من قبل|مرارا|مره اخري)',
    '(الجميع|كل الناس|الكل) (يعرف|يعلم)',
    'كان (عليك|يجب عليك|ينبغي عليك) ان (تعرف|تعلم|تقرا|تنتبه)',
    '(غبي|احمق|سخيف|تافه|جاهل|اغبي)',
    '(الا تفهم|لا تفهم شيئا|انت لا تفهم)',
    '(ليست مشكلتي|ليس هذا من شاني|ليس من شاني)',
    '(هذه|تلك) مشكلتك',
    '(امثالك|من هم مثلك)',
    '(توقف|كف) عن (السوال|الالحاح|الشكوي|ازعاجي)',
    'اقرا (جيدا|التعليمات|مره اخري)',
  ],
  ary_Arab: [
    '(واش ما فهمتيش|واش مافهمتيش|ما كتفهمش|ماكتفهمش|ما فاهم والو)',
    '(قلت ليك|كلت ليك|قلتها ليك) (ديجا|من قبل|شحال من مره)',
    '(ماشي شغلي|ماشي سوقي|ماشي مشكلتي|مشكلتك نتا|مشكلتك نتي|مشكلتك نتوما)',
    '(حمار|مكلخ|بوجادي|كلخ|مسطي)',
    '(ناس بحالك|اللي بحالك|بحالكم كاملين)',
    '(باراكا|بركا) (من|ما) (الصداع|السوال|تسول)',
  ],
  ary_Latn: [
    '(wach ma fhmtich|wach mafhmtich|ma katfhemch|makatfhemch|ma fahem walo|mafahem walo)',
    '(9olt lik|golt lik|gelt lik|9elt lik) (deja|men 9bel|ch7al mn mra)',
    '(machi chghli|machi sou9i|machi so9i|machi mochkilti|mochkiltek nta|mochkiltek nti|mochkiltek ntoma)',
    '(7mar|mkelekh|mklekh|boujadi|kelkh|mseti|msti)',
    '(nas bhalek|li bhalek|bhalkom kamlin)',
    '(baraka|barka) (men|mn|ma) (sda3|ssda3|so2al|tsowel)',
  ],
  zgh: [],
};

const compileEach = (lexicon: Lexicon): RegExp[] =>
  [...new Set(Object.values(lexicon).flat())].map((entry) => compileCues([entry]));

const POLITE_CUES = compileEach(POLITE);
const CURT_CUES = compileEach(CURT);

/** Distinct markers found: the same words matched by entries of two families (French and English "idiot") count once. */
function countMarkers(key: MatchKey, cues: readonly RegExp[]): number {
  const found = new Set<string>();
  for (const cue of cues) {
    const words = findCue(key, cue);
    if (words !== undefined) found.add(words.toLowerCase());
  }
  return found.size;
}

/**
 * The tone of an answer in [-1, 1]: (polite − curt) / max(1, polite + curt) over distinct markers. 0 when the
 * answer has no marker or as many of each; 1 courteous only; -1 curt only.
 */
export function toneScore(text: string): number {
  const key = matchKey(text);
  const polite = countMarkers(key, POLITE_CUES);
  const curt = countMarkers(key, CURT_CUES);
  return (polite - curt) / Math.max(1, polite + curt);
}
