/**
 * Darija as citizens write to a public service, in Latin script ("Arabizi") and in Arabic script: greetings,
 * requests, questions and administrative words (many French), with the spelling variation real writers use
 * (ch/sh, 9/q, 3/a, 7/h, ou/u/o). Written for this project from general knowledge of Moroccan Darija; no
 * corpus went into it. It complements the encyclopaedic register of the open Darija data with conversation.
 * Each fragment is a pair [Latin, Arabic].
 */
type Fragment = readonly [string, string];

const greetings: Fragment[] = [
  ['salam', 'سلام'],
  ['slm', 'سلام'],
  ['salam 3alikom', 'السلام عليكم'],
  ['salamo 3alaykom', 'السلام عليكم'],
  ['sba7 lkhir', 'صباح الخير'],
  ['msa lkhir', 'مسا الخير'],
  ['salam khoya', 'سلام خويا'],
  ['salam khti', 'سلام ختي'],
  ['3afak', 'عافاك'],
  ['afak', 'عافاك'],
  ['llah ykhalik', 'الله يخليك'],
  ['smh li', 'سمح ليا'],
  ['3awnouni', 'عاونوني'],
];

const requests: Fragment[] = [
  ['bghit', 'بغيت'],
  ['bghit n3ref', 'بغيت نعرف'],
  ['bghit nsowel 3la', 'بغيت نسول على'],
  ['bghit nbeddel', 'بغيت نبدل'],
  ['bghit njedded', 'بغيت نجدد'],
  ['bghit ndir', 'بغيت ندير'],
  ['bghit nkhelles', 'بغيت نخلص'],
  ['bghit nakhod', 'بغيت ناخد'],
  ['khassni', 'خاصني'],
  ['khasni', 'خصني'],
  ['wach momkin nakhod', 'واش ممكن ناخد'],
  ['wach n9der nsawb', 'واش نقدر نصاوب'],
  ['kifach n9der njib', 'كيفاش نقدر نجيب'],
  ['kifach ndir l', 'كيفاش ندير ل'],
  ['chno khassni bach nakhod', 'شنو خاصني باش ناخد'],
  ['achno khasni bach ndir', 'اشنو خصني باش ندير'],
  ['fin n9der nl9a', 'فين نقدر نلقى'],
  ['fin khassni nmchi bach nsawb', 'فين خاصني نمشي باش نصاوب'],
  ['imta n9der nakhod', 'امتى نقدر ناخد'],
  ['ch7al khass nkhalles 3la', 'شحال خاص نخلص على'],
  ['ch7al kaysswa', 'شحال كيسوى'],
  ['mabghitch', 'مابغيتش'],
  ['ma3reftch kifach nakhod', 'ماعرفتش كيفاش ناخد'],
  ['ma l9itch', 'مالقيتش'],
  ['daba 3 ayam w ana kantsenna', 'دابا 3 ايام وانا كنتسنى'],
  ['mazal ma wslatnich', 'مازال ماوصلاتنيش'],
  ['dyea lia', 'ضاع ليا'],
  ['tsre9 lia', 'تسرق ليا'],
];

const objects: Fragment[] = [
  ['la carte nationale', 'لاكارط ناسيونال'],
  ['lbita9a lwatania', 'البطاقة الوطنية'],
  ['la cnie', 'لاكارط'],
  ['lbitaqa dyali', 'البطاقة ديالي'],
  ['le passeport', 'الباسبور'],
  ['lpasspor dyali', 'الباسبور ديالي'],
  ['permis', 'البيرمي'],
  ['lpermis dyal sya9a', 'البيرمي ديال السياقة'],
  ['l3e9d', 'العقد'],
  ['chahadat sokna', 'شهادة السكنى'],
  ['certificat de residence', 'شهادة السكنى'],
  ['acte de naissance', 'عقد الازدياد'],
  ['lwra9', 'الوراق'],
  ['lwraq dyali', 'الوراق ديالي'],
  ['dossier dyali', 'الدوسي ديالي'],
  ['rendez-vous', 'موعد'],
  ['lmaw3id', 'الموعد'],
  ['la cnss', 'الضمان الاجتماعي'],
  ['lcnss dyali', 'السي ان اس اس ديالي'],
  ['amo tadamon', 'امو تضامن'],
  ['l mo9ata3a', 'المقاطعة'],
  ['lmoqata3a', 'المقاطعة'],
  ['la commune', 'الجماعة'],
  ['jama3a', 'الجماعة'],
  ['lme7kama', 'المحكمة'],
  ['lbanka', 'البنكة'],
  ['compte bancaire', 'الكونط'],
  ['lflous dyali', 'الفلوس ديالي'],
  ['ddriba', 'الضريبة'],
  ['la facture dyal dow', 'الفاكتورة ديال الضو'],
  ['lma w dow', 'الما والضو'],
  ['nata2ij lbac', 'نتائج الباك'],
  ['code massar', 'كود مسار'],
  ['l9raya dyal wlidi', 'القراية ديال وليدي'],
  ['lmadrasa', 'المدرسة'],
  ['la bourse', 'المنحة'],
  ['lminha', 'المنحة'],
  ['sbitar', 'السبيطار'],
  ['tbib', 'الطبيب'],
  ['dwa', 'الدوا'],
  ['lkhedma', 'الخدمة'],
  ['chi khedma', 'شي خدمة'],
  ['retraite', 'التقاعد'],
  ['la demande', 'الطلب'],
  ['talab dyali', 'الطلب ديالي'],
  ['formulaire', 'الاستمارة'],
  ['site', 'السيت'],
  ['l application', 'لابليكاسيون'],
  ['dar', 'الدار'],
  ['lkra', 'الكرا'],
  ['tomobil', 'الطوموبيل'],
];

const tails: Fragment[] = [
  ['', ''],
  ['', ''],
  ['3afak', 'عافاك'],
  ['chokran', 'شكرا'],
  ['merci', 'ميرسي'],
  ['llah ykhalik', 'الله يخليك'],
  ['daba', 'دابا'],
  ['lyoum', 'اليوم'],
  ['ghda', 'غدا'],
  ['had simana', 'هاد السيمانة'],
  ['f had chhar', 'فهاد الشهر'],
  ['bla ma nmchi', 'بلا ما نمشي'],
  ['mn dar', 'من الدار'],
  ['f casa', 'فكازا'],
  ['f rbat', 'فالرباط'],
  ['f tanja', 'فطنجة'],
  ['f mrakech', 'فمراكش'],
  ['wach kayn chi 7al', 'واش كاين شي حل'],
  ['wach kayna chi tari9a', 'واش كاينة شي طريقة'],
  ['ila kan momkin', 'الا كان ممكن'],
  ['o ma3reftch fin nmchi', 'وماعرفتش فين نمشي'],
  ['w ma3endich lwe9t', 'وماعنديش الوقت'],
  ['7it tle3 lia mochkil', 'حيت طلع ليا مشكل'],
  ['walakin ma khdmatch', 'ولكن ماخدماتش'],
  ['bzaf dyal lwe9t', 'بزاف ديال الوقت'],
  ['gha bghit n3ref', 'غي بغيت نعرف'],
];

const questions: Fragment[] = [
  ['wach kayn chi 7ad hna', 'واش كاين شي حد هنا'],
  ['chno ndir daba', 'شنو ندير دابا'],
  ['fin ghadi nmchi', 'فين غادي نمشي'],
  ['wach had chi normal', 'واش هادشي نورمال'],
  ['wach khassni nmchi b rasi', 'واش خاصني نمشي براسي'],
  ['chkoun li ghadi y3tini', 'شكون لي غادي يعطيني'],
  ['imta ghadi tkoun wajda', 'امتى غادي تكون واجدة'],
  ['ch7al d nhar khassni ntsenna', 'شحال د النهار خاصني نتسنى'],
  ['wach momkin tchre7 lia', 'واش ممكن تشرح ليا'],
  ['ma fhamt walo', 'مافهمت والو'],
  ['3lach ma jawbounich', 'علاش ماجاوبونيش'],
  ['kayn chi numero ntasel bih', 'كاين شي نمرة نتاصل بيه'],
  ['mli mchit galou lia nrje3 ghda', 'ملي مشيت قالو ليا نرجع غدا'],
  ['ana mrid o ma n9derch nmchi', 'انا مريض وما نقدرش نمشي'],
  ['bent dyali bghat tsejjel f lmadrasa', 'بنتي بغات تسجل فالمدرسة'],
  ['weldi ma t9belch f lminha', 'ولدي ماتقبلش فالمنحة'],
  ['mrati bghat dir l passport', 'مراتي بغات دير الباسبور'],
  ['kan3ich f lbadia o bghit nsejjel', 'كنعيش فالبادية وبغيت نسجل'],
  ['had chi ma m3qolch', 'هادشي ماشي معقول'],
  ['safi fhamt chokran', 'صافي فهمت شكرا'],
  ['wakha ghadi nchouf', 'واخا غادي نشوف'],
  ['mzyan bzaf', 'مزيان بزاف'],
  ['la machi hakka', 'لا ماشي هكا'],
  ['iyeh hadchi li bghit', 'ايه هادشي لي بغيت'],
  ['walakin ana ma3ndi ta flous', 'ولكن انا ماعندي حتى فلوس'],
  ['rah glst sa3a kamla', 'راه كلست ساعة كاملة'],
  ['3tini smiya dyal lmas2oul', 'عطيني سمية ديال المسؤول'],
];

const spellings: [RegExp, string[]][] = [
  [/ch/g, ['ch', 'sh', 'ch', 'x']],
  [/9/g, ['9', 'q', '9']],
  [/ou/g, ['ou', 'u', 'o']],
  [/7/g, ['7', 'h', '7']],
  [/kh/g, ['kh', '5', 'kh', 'kh']],
];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

function respell(text: string, random: () => number): string {
  let out = text;
  for (const [pattern, variants] of spellings) out = out.replace(pattern, pick(variants, random));
  if (random() < 0.1) return out.toUpperCase();
  return random() < 0.2 ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** One conversational Darija message, in Latin script (`script` 0) or Arabic script (1). */
export function darijaMessage(random: () => number, script: 0 | 1 = 0): string {
  const parts: Fragment[] = [];
  if (random() < 0.35) parts.push(pick(greetings, random));
  if (random() < 0.3) parts.push(pick(questions, random));
  else parts.push(pick(requests, random), pick(objects, random), pick(tails, random));
  if (random() < 0.25) parts.push(pick(questions, random));
  const text = parts
    .map((p) => p[script])
    .filter((p) => p.length > 0)
    .join(' ');
  const end = pick(['', '', '?', '!', '.', '??'], random);
  return script === 0 ? respell(text, random) + end : text + (end === '?' ? '؟' : end);
}
