/**
 * Lexicons of the Law 09-08 sensitive categories, for the SENSITIVE_* recognizers: terms that reveal a category,
 * and the words that tie a term to a person ("je suis", "mon fils", "عندي", "3ndi"). Written for this project (see
 * README.md). Entries are matched on folded words (lower case, no accents, Arabic letter variants unified, Arabic
 * proclitics ignored: "بالسكري" matches "السكري"); "(a|b|)" groups expand to each choice.
 *
 * Prefixes: "!" a term that names its own person ("mon parti", "حكم علي": it needs no cue); "^" a term that counts
 * only right after a possessive ("mon parti", never "je suis parti"); "~" a term that is another noun after an
 * article ("une enceinte" is a loudspeaker); ">" a term that is another noun before "ل" ("حامل لشهادة" holds a diploma);
 * "+" a term whose span takes the next word ("من أصل" + the origin); "=" a term that counts only right after its
 * cue ("je suis noire", not "j'ai un chat noir"). Latin-script terms also match with Darija's
 * article glued on ("lcancer", "lsida").
 */

export const SENSITIVE_TERMS = {
  SENSITIVE_HEALTH: [
    // French
    ...'diabète diabétique(|s) insuline cancer(|s) tumeur leucémie lymphome chimio chimiothérapie radiothérapie'.split(
      ' ',
    ),
    ...'vih sida séropositi(f|ve|fs|ves) hépatite tuberculose asthme asthmatique épilepsie épileptique'.split(
      ' ',
    ),
    ...'autisme autiste(|s) trisomi(e|que) handicap handicapé(|e|s|es) malvoyant(|e) aveugle sourd(|e) muet(|te)'.split(
      ' ',
    ),
    ...'paralysé(|e) paraplégique tétraplégique dialyse dialysé(|e) hypertension hypertendu(|e) alzheimer parkinson'.split(
      ' ',
    ),
    ...'dépression dépressi(f|ve) bipolaire schizophrène schizophrénie ~enceinte grossesse avortement'.split(
      ' ',
    ),
    ...'stérile infertilité toxicomane alcoolique cardiaque'.split(' '),
    'insuffisance (rénale|cardiaque|respiratoire)',
    'sclérose en plaques',
    'fausse couche',
    'maladie (chronique|mentale|psychiatrique|grave|génétique|héréditaire|rare|de crohn)',
    'troubles (psychiatriques|mentaux|bipolaires|autistiques)',
    'greffe (de rein|du rein|rénale|du foie|de moelle|du cœur)',
    'sous traitement',
    'test (génétique|adn)',
    'analyse génétique',
    'mutation (génétique|brca|du gène)',
    'brca(|1|2)',
    'porteu(r|se) (du|d un) gène',
    ...'drépanocytose thalassémie hémophilie hémophile mucoviscidose'.split(' '),
    // Arabic
    ...'السكري السكر السرطان سرطان الكانسير ورم اللوكيميا الشيميو'.split(' '),
    'مرض السكري',
    ...'الضغط الطونسيو الكونصير كونصير'.split(' '),
    '(تصفية|غسيل) (الدم|الكلى|الكلي)',
    'العلاج الكيميائي',
    ...'السيدا الإيدز السل الربو الصرع التوحد متوحد توحدي التريزومي إعاقة معاق معاقة'.split(' '),
    'التهاب الكبد',
    ...'مكفوف كفيف أعمى أصم أبكم مشلول شلل الدياليز'.split(' '),
    '(القصور|الفشل) الكلوي',
    'ضغط الدم',
    ...'الطانسيو الزهايمر باركنسون الاكتئاب مكتئب مكتئبة الفصام السكيزوفرينيا >حامل الحمل'.split(' '),
    ...'الإجهاض إجهاض العقم مدمن مدمنة الإدمان'.split(' '),
    'فيروس نقص المناعة',
    'التصلب اللويحي',
    'ثنائي القطب',
    'متلازمة داون',
    'مرض (نفسي|عقلي|مزمن|وراثي|خبيث)',
    'اضطراب نفسي',
    'فحص جيني',
    'تحليل (جيني|الحمض النووي)',
    'الحمض النووي',
    'طفرة جينية',
    'فقر الدم المنجلي',
    'التلاسيميا',
    'الهيموفيليا',
    // Darija in Latin script
    ...'sokkar sokar sukkar skkar diabet diabete kanser lkanser sida tension tansyon dyaliz m3a9 m3e9 mo3a9'.split(
      ' ',
    ),
    ...'7amla tawa7od depri'.split(' '),
    // English
    ...'diabetes diabetic hiv aids hepatitis tuberculosis asthma asthmatic epilepsy epileptic autism autistic'.split(
      ' ',
    ),
    ...'disabled disability blind deaf dialysis hypertension depression depressed bipolar schizophrenia'.split(
      ' ',
    ),
    ...'schizophrenic pregnant miscarriage infertile chemotherapy chemo alzheimer alzheimers parkinsons addicted'.split(
      ' ',
    ),
    ...'alcoholic wheelchair'.split(' '),
    'hiv positive',
    'kidney failure',
    'heart disease',
    'multiple sclerosis',
    'down syndrome',
    'sickle cell',
    'cystic fibrosis',
    'genetic (test|disorder|condition|mutation)',
    'dna test',
    'hereditary disease',
  ],
  SENSITIVE_ETHNIC_ORIGIN: [
    ...'amazigh amazighe berbère(|s) rifain(|e|s) soussi(|a) chleuh sahraoui(|e) hassani(|e) arabe subsaharien(|ne)'.split(
      ' ',
    ),
    ...'kabyle touareg =noir(|e|s|es)'.split(' '),
    '+d (origine|ascendance)',
    'origine ethnique',
    ...'أمازيغي أمازيغية بربري بربرية ريفي ريفية سوسي سوسية شلح شلحة صحراوي صحراوية حساني حسانية'.split(' '),
    '+من (أصل|أصول)',
    ...'chel7 chl7 chal7 rifi riafi soussi amazighi sahraoui 3robi'.split(' '),
    '+(men|mn) (asl|assl|osol|2asl)',
    ...'berber arab ethnicity'.split(' '),
    'ethnic origin',
    'of (berber|amazigh|african|arab) descent',
  ],
  SENSITIVE_POLITICAL: [
    ...'militant(|e|s|es) sympathisant(|e|s|es) encarté(|e) opposant(|e)'.split(' '),
    'membre (du|d un|de ce|de mon) parti',
    'adhérent(|e) (du|au|d un) parti',
    '^parti',
    ...'pjd rni usfp pps psu pam istiqlal istiqlalien(|ne) polisario hirak annahj'.split(' '),
    'parti (de l istiqlal|de la justice et du développement|authenticité et modernité|socialiste unifié)',
    'rassemblement national des indépendants',
    'union socialiste des forces populaires',
    'al adl wal ihsane',
    'adl wal ihsane',
    'mouvement du 20 février',
    ...'communiste socialiste islamiste gauchiste séparatiste indépendantiste monarchiste'.split(' '),
    'de (gauche|droite)',
    'voté pour',
    ...'مناضل مناضلة معارض معارضة يساري يسارية شيوعي اشتراكي'.split(' '),
    '(عضو|منخرط|منخرطة) (في|ف|ب) (حزب|الحزب)',
    '!حزبي',
    'حزب (الاستقلال|العدالة والتنمية|الأصالة والمعاصرة|التقدم والاشتراكية|الحركة الشعبية)',
    'التجمع الوطني للأحرار',
    'الاتحاد الاشتراكي',
    'العدل والإحسان',
    'النهج الديمقراطي',
    'الحزب الاشتراكي الموحد',
    'فيدرالية اليسار',
    'البوليساريو',
    'حراك الريف',
    '!(صوتت|كنصوت|نصوت) (على|ل|لصالح)',
    ...'البام البيجيدي'.split(' '),
    ...'l7izb hizb mnadil mnadila'.split(' '),
    '!(sawtt|kansawt|kansawet|nsawt|sawt) 3la',
    'party member',
    'member of the party',
    ...'activist communist socialist islamist separatist'.split(' '),
    'voted for',
  ],
  SENSITIVE_RELIGION: [
    ...'chrétien(|ne|s|nes) musulman(|e|s|es) juif juive juifs athée(|s) agnostique(|s)'.split(' '),
    'converti(|e|s|es) (à l|au|a l) (islam|christianisme|judaïsme|catholicisme|protestantisme|bouddhisme)',
    ...'chiite(|s) sunnite(|s) bahaï(|e|s) ahmadi(|e|s) évangélique(|s) catholique(|s) protestant(|e|s|es)'.split(
      ' ',
    ),
    ...'bouddhiste(|s) hindou(|e|s) apostat(|e) apostasie baptisé(|e) pratiquant(|e|s|es) croyant(|e)'.split(
      ' ',
    ),
    ...'christianisme judaïsme bouddhisme chiisme'.split(' '),
    'non (pratiquant|croyant|jeûneur)',
    'ne jeûne pas',
    'ne crois pas (en dieu|en allah|à dieu)',
    'ne fais pas (le ramadan|la prière)',
    ...'مسيحي مسيحية نصراني نصرانية يهودي يهودية ملحد ملحدة لاديني لادينية مرتد مرتدة شيعي شيعية'.split(' '),
    ...'سني سنية بهائي بهائية أحمدي مسلم مسلمة متدين متدينة المسيحية اليهودية مفطر مفطرة'.split(' '),
    '!اعتنقت (المسيحية|اليهودية|الإسلام)',
    '!تنصرت',
    '!تشيعت',
    '!ارتددت',
    'de confession (juive|chrétienne|musulmane|catholique|protestante)',
    'لا (أصوم|أصلي|أؤمن)',
    ...'mse7i msi7i masi7i mesi7i yhoudi yahoudi mol7id mul7id mol7ida chi3i mselem mslm tnassart tchayya3t'.split(
      ' ',
    ),
    'ma (kansomch|kanseliwch|kanamench)',
    ...'christian muslim jewish jew atheist agnostic shia sunni bahai ahmadi apostate'.split(' '),
    'convert(|ed) to (islam|christianity|judaism|catholicism)',
    'practicing (muslim|christian|jew)',
    'don t believe in god',
  ],
  SENSITIVE_UNION: [
    ...'syndiqué(|e|s|es) syndicaliste(|s)'.split(' '),
    'délégué(|e) syndical(|e)',
    'membre (du|d un|de mon) syndicat',
    'adhérent(|e) (au|du|d un) syndicat',
    '^syndicat',
    ...'umt cdt ugtm fdt untm odt'.split(' '),
    'union marocaine du travail',
    'confédération démocratique du travail',
    'union générale des travailleurs du maroc',
    ...'نقابي نقابية'.split(' '),
    '(عضو|منخرط|منخرطة) (في|ف|ب) (نقابة|النقابة)',
    'مندوب (نقابي|النقابة|ديال النقابة)',
    '!نقابتي',
    'الاتحاد المغربي للشغل',
    'الكونفدرالية الديمقراطية للشغل',
    'الاتحاد العام للشغالين بالمغرب',
    'الاتحاد العام للشغالين',
    'الفيدرالية الديمقراطية للشغل',
    'الاتحاد الوطني للشغل',
    'المنظمة الديمقراطية للشغل',
    ...'n9abi nakabi sandika n9aba nnaqaba naqaba nn9aba'.split(' '),
    ...'unionized unionised unionist'.split(' '),
    'union member',
    'member of the union',
    'trade unionist',
    'shop steward',
    '^union',
  ],
  SENSITIVE_SEX_LIFE: [
    ...'homosexuel(|le|s|les) gay(|s) lesbienne(|s) bisexuel(|le|s|les) transgenre(|s) queer lgbt lgbtq'.split(
      ' ',
    ),
    ...'hétérosexuel(|le) vierge virginité adultère impuissant impuissance'.split(' '),
    'orientation sexuelle',
    'vie sexuelle',
    'relation(|s) (sexuelle|sexuelles|hors mariage|extraconjugale|extraconjugales)',
    'rapports sexuels',
    'trans(|sexuel|sexuelle)',
    'couch(é|ée|er) avec',
    ...'مثلي مثلية سحاقية شاذ عذراء العذرية البكارة'.split(' '),
    'مثلي الجنس',
    'مزدوج الميول',
    'متحول جنسيا',
    '(علاقة|علاقات) (جنسية|رضائية|خارج الزواج|خارج إطار الزواج|برا الزواج)',
    '(3ala9a|3la9a|3ala9at) (bla|barra|bra) (zwaj|zawaj)',
    'الخيانة الزوجية',
    'الميول الجنسية',
    'التوجه الجنسي',
    ...'mitli mithli zamel'.split(' '),
    ...'homosexual lesbian bisexual transgender virgin'.split(' '),
    'sexual orientation',
    'sex life',
    'affair with',
  ],
  SENSITIVE_CRIMINAL: [
    ...'condamné(|e|s|es) condamnation incarcéré(|e) emprisonné(|e) détenu(|e) inculpé(|e) récidiviste'.split(
      ' ',
    ),
    'casier judiciaire',
    'en prison',
    '(en |)détention (préventive|provisoire)',
    'الاعتقال الاحتياطي',
    'sorti(|e) de prison',
    '(ans|mois|peine) de prison',
    'fait de la prison',
    'garde à vue',
    'mis(|e) en examen',
    '+poursuivi(|e) pour',
    'accusé(|e) de (vol|meurtre|corruption|fraude|trafic|viol|agression|escroquerie|détournement)',
    'avec sursis',
    'libération conditionnelle',
    'ancien détenu',
    'repris de justice',
    'mandat d arrêt',
    'arrêté(|e) par la police',
    'trafic de drogue',
    ...'محكوم مدان سجين سجينة معتقل معتقلة سجنت اعتقلت السجن الحبس سوابق متهم متهمة'.split(' '),
    '!حكم علي',
    'حكم (عليه|عليها)',
    'محكوم (عليه|عليها|علي)',
    'السجل العدلي',
    'سوابق (قضائية|عدلية)',
    '!دخلت (للحبس|الحبس|للسجن|السجن|لحبس)',
    '!خرجت من (الحبس|السجن)',
    '!(تشديت|تشدّيت|تعتقلت)',
    'الحراسة النظرية',
    'موقوف التنفيذ',
    'سراح مؤقت',
    'الإفراج المشروط',
    'شدوني البوليس',
    ...'l7abs l7bs 7bs l7ebs lhabs 7abs sajn lsijn tched chedouni sawabi9 ma7koum'.split(' '),
    '7kmo 3liya',
    '!(dkhlt|dkhelt|khrjt|khrejt) (l7bs|l7abs|lhabs|l7ebs|lhbs)',
    '!(tchedit|tchdit|tchdit)',
    'tl9it l7kam',
    ...'convicted jail prison imprisoned incarcerated arrested'.split(' '),
    '(criminal|a) conviction',
    'criminal record',
    'served time',
    'on parole',
    'on probation',
    'ex convict',
    'charged with (theft|murder|fraud|assault|possession|robbery)',
    'sentenced to',
  ],
} as const;

/** Words that make the next terms about the speaker or a close person: "je", "j'ai", "أنا", "ana", "ابني". */
export const FIRST_PERSON = [
  ...'je j moi i ana rani kan kont wlit'.split(' '),
  ...'أنا انا عندي لدي أعاني كنعاني أتابع أتناول أصبت تشخصت شخصوني أتعالج كنتعالج راني كنت صرت'.split(' '),
  ...'ابني ابنتي بنتي ولدي أولادي زوجي زوجتي أمي أبي والدي والدتي أخي أختي خويا ختي راجلي مراتي صديقي'.split(
    ' ',
  ),
  ...'ابنه ابنها زوجها زوجته أخوه أخته عائلتي عائلتنا أسرتي أخضع كنخضع قضيت عنده عندها عندو'.split(' '),
  ...'3ndi 3andi 3endi andi 3ndo 3ando 3ndha 3andha weldi wldi bnti binti mrati rajli khoya khouya khay khti'.split(
    ' ',
  ),
  ...'mama mmi bba sahbi sa7bi familti 3a2ilti'.split(' '),
];

/** Third-person pronouns: the term must follow at once ("il est diabétique"; not "il est important de…"). */
export const THIRD_PERSON = [...'il elle ils elles he she they هو هي هما هم huwa howa hiya hia'.split(' ')];

/** Possessives: right before a term ("mon diabète", "my chemo"), or before a relation noun ("mon fils"). */
export const POSSESSIVES = 'mon ma mes son sa ses notre nos my his her our'.split(' ');

/** Relation nouns after a possessive: "mon fils", "ma mère", "my husband". */
export const RELATIONS = [
  ...'fils fille enfant enfants bébé père mère mari femme épouse époux frère sœur soeur frères sœurs soeurs famille'.split(
    ' ',
  ),
  ...'oncle tante cousin cousine neveu nièce conjoint conjointe fiancé fiancée ami amie collègue voisin voisine'.split(
    ' ',
  ),
  ...'son daughter child children kid kids father mother dad mom husband wife brother sister friend partner'.split(
    ' ',
  ),
  ...'uncle aunt cousin family'.split(' '),
];

/** Possessives after a term, in Darija: "sokkar dyali", "السكر ديالي". */
export const POST_POSSESSIVES = 'dyali diali dyalo dyalou dyalha dialha ديالي ديالو ديالها ديالنا'.split(' ');

/** Words between a person cue and a term that do not loosen the tie: copulas, articles, states, prepositions. */
export const BRIDGES = [
  ...'suis es est sommes sont étais était été ai as a avons ont avais avait eu me m se s ne n pas plus'.split(
    ' ',
  ),
  ...'un une le la les l d de du des au aux en à a sous pour avec et aussi très toujours déjà encore'.split(
    ' ',
  ),
  ...'actuellement depuis devenu devenue né née atteint atteinte atteints malade souffre souffrant souffrante'.split(
    ' ',
  ),
  ...'diagnostiqué diagnostiquée suivi suivie traité traitée soigné soignée opéré opérée prends prend fais fait'.split(
    ' ',
  ),
  ...'vis vit membre adhérent adhérente inscrit inscrite traitement voté vote votais'.split(' '),
  // Durations and counts: "condamné à deux ans de prison", "قضيت ستة أشهر في السجن"
  ...'un deux trois quatre cinq six sept huit neuf dix mois an ans année années semaines jours'.split(' '),
  ...'one two three four five six months years weeks'.split(' '),
  ...'واحد اثنين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة عشر شهر أشهر شهور سنة سنوات سنتين عام أعوام'.split(
    ' ',
  ),
  ...'3am 3amayn chhar chhour'.split(' '),
  ...'am m was were is are have has had ve been being with from of a an the on also still now currently very'.split(
    ' ',
  ),
  ...'suffer suffers suffering diagnosed living live take taking treated member'.split(' '),
  ...'mnkhart mnkharta 3odw 3ozw منخرطة مندوب'.split(' '),
  ...'مريض مريضة مصاب مصابة من في ب ل مع مرض بمرض داء علاج دواء منذ عضو منخرط كان كانت أيضا'.split(' '),
  ...'w o u و and b f l fl bl m3a mrid mrida traitement dwa dyal chi wa7ed wahed fih fiha kayakhod dkhel dkhelt'.split(
    ' ',
  ),
];

/**
 * Membership and state words that belong to the span when they lead a term: "membre du PJD", "منخرط في النقابة",
 * "mrid b lcancer", "مصاب بالسكري". LEAD_LINKS may sit between them and the term.
 */
export const LEADS = [
  ...'membre adhérent adhérente militant militante sympathisant sympathisante délégué déléguée member'.split(
    ' ',
  ),
  ...'mnkhart mnkharta 3odw 3ozw mrid mrida عضو منخرط منخرطة مناضل مناضلة مندوب مصاب مصابة مريض مريضة'.split(
    ' ',
  ),
];
export const LEAD_LINKS = 'du de des la le l d au aux à a f fi b bl fl of the في ف ب بداء بمرض'.split(' ');

/** Words that cut a cue from a later term: the term is a topic, not a fact about the person. */
export const BLOCKERS = [
  ...'sur concernant propos si que qui comment pourquoi quand où savoir information informations article'.split(
    ' ',
  ),
  ...'loi campagne journée lutte prévention travaille travail travaillé parle parler langue mais'.split(' '),
  ...'about regarding whether if how what why law work works working speak speaks language but'.split(' '),
  ...'عن حول بخصوص قانون حملة أعمل اعمل كنخدم أتكلم نتكلم كنهضر لغة اللغة لكن هل كيف'.split(' '),
  ...'3la wach chno kifach 3lach ndwi kanhder khdam khdama kankhdem'.split(' '),
];

/** Darija first-person present verbs ("kantbe3", "كنتبع") are cues; these words only look like one. */
export const NOT_VERBS = ['kanoun', 'kanun', 'كنيسة', 'الكنيسة', 'كندا', 'كنز', 'كنوز'];
