/**
 * Builds the legal half of the demo corpus: one Markdown file per curated document of the Moroccan law collection
 * (shared/data/moroccan-law-corpus, see its README), `corpus/demo/laws/<id>.md`, with YAML front matter and one
 * `##` heading per article (and per chapter or section where the text gives one).
 *
 * The texts come from PDF extraction. Only safe repairs are applied, each listed below or in `arabic-fixes.json`:
 *  - all texts: page numbers and running headers removed; article headings that the extraction left inside the
 *    text ("المادة2", "ARTICLE 2" alone on a line, "…الدستور.المادة 3") restored; chapter and section titles moved
 *    from the end of the preceding article to a heading; lines re-joined into paragraphs;
 *  - French texts set in capitals with a broken font (Law 09-08, Law 53-05): glyphs mapped back, apostrophes put
 *    back where the extraction left a space ("L APPLICATION"), list letters restored ("a)"), then the text is set
 *    in lower case with capitals at sentence starts and for a short list of proper nouns;
 *  - Arabic texts: reversed lam-alef ligatures, words run together where a line break was lost and (Law 55.19)
 *    the stray "ه" repaired word by word from a reviewed table, digits separated from letters, Hijri/Gregorian dates and "( )20" counts put back in order, list
 *    numbers put before their item, tatweel removed;
 *  - per document (the `repairs` of SPECS): text that the two-column layout put under the wrong article moved
 *    back verbatim (Law 09-08 in French, whose articles are also put in numeric order), editorial footnotes of the Adala compilation removed, lost article headings restored with a
 *    visible note. Nothing is re-worded.
 * The output is deterministic: the same data gives byte-identical files.
 *
 *   npx tsx scripts/demo-corpus/build-laws.ts [--data ../shared/data] [--out corpus/demo/laws]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// Data

interface Provision {
  doc_id: string;
  doc_title: string;
  subset: string;
  source_url: string;
  article: string;
  provision_ref: string;
  lang: 'ar' | 'fr';
  text_normalized: string;
}

interface CuratedDoc {
  id: string;
  title: string;
  url: string;
  issued_date?: string;
}

function sharedDataDir(explicit: string | undefined): string {
  const candidates = [
    explicit,
    process.env.MIZAN_SHARED_DATA,
    path.resolve(here, '../../../shared/data'),
    path.resolve(process.cwd(), '../shared/data'),
  ];
  const found = candidates.find((c): c is string => c !== undefined && existsSync(c));
  if (!found) throw new Error('shared data not found: pass --data or set MIZAN_SHARED_DATA');
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Document specifications

/** A line of the text is named by a prefix of its trimmed content, which must match exactly one line. */
type Repair =
  /** Remove the lines from `from` to `to` (inclusive); an article marker inside goes too (its text merges). */
  | { kind: 'cut'; from: string; to?: string; why: string }
  /** Move the lines from `from` to `to` (inclusive) before the line `before` (a text line or a marker `§label`). */
  | { kind: 'move'; from: string; to?: string; before: string; why: string }
  /** Start article `label` at the line `before`, optionally with an editorial note shown above its text. */
  | { kind: 'heading'; label: string; before: string; note?: string; why: string }
  /** Rename an article marker. */
  | { kind: 'relabel'; from: string; to: string; note?: string; why: string }
  /** Literal replacement, which must occur exactly `count` times (default 1). */
  | { kind: 'replace'; find: string; with: string; count?: number; why: string }
  /** Drop everything from the line `from` to the end of the text. */
  | { kind: 'truncate'; from: string; why: string }
  /** Insert lines (a chapter title that the extraction dropped, taken from the data's chapter field) before a line. */
  | { kind: 'insert'; lines: string[]; before: string; why: string };

interface DocSpec {
  file: string;
  id: string;
  language: 'fra_Latn' | 'arb_Arab';
  title?: string;
  publisher: string;
  version: string;
  validFrom?: string;
  /** French text in capitals with broken glyphs: map glyphs (when not done upstream) and restore casing. */
  caps?: { mapGlyphs: boolean };
  /** The first line of an article is its own title ("Droit d'accès"): keep it as a paragraph. */
  articleTitles?: boolean;
  /** Put the articles in numeric order before the repairs (the extraction order of a two-column page is not). */
  sortArticles?: boolean;
  repairs?: Repair[];
  note: string;
}

const OFFICIAL =
  'Texte officiel (loi n° 2-00, art. 8) ; collection Ansvar-Systems/Moroccan-law-mcp, Apache-2.0';
const DGSSI = 'Royaume du Maroc (texte officiel publié via dgssi.gov.ma)';
const ADALA = 'Royaume du Maroc, ministère de la Justice (texte officiel publié via adala.justice.gov.ma)';
const COLLECTION = 'collection Ansvar-Systems/Moroccan-law-mcp, index du 2026-02-28';
const LAYOUT_NOTE =
  'mise en page sur deux colonnes : certains alinéas peuvent figurer sous un article voisin (ordre de l’extraction conservé)';

/** Law 09-08, French: the extraction mixed the two columns of the Bulletin officiel pages. */
const LOI_09_08_FR: Repair[] = [
  {
    kind: 'move',
    from: 'DROIT D OPPOSITION',
    to: 'EXPRESSE DE L ACTE AUTORISANT LE TRAITEMENT.',
    before: '§Article 10',
    why: 'article 9 (droit d’opposition) lost its heading and was extracted inside article 6',
  },
  {
    kind: 'heading',
    label: 'Article 9',
    before: 'DROIT D OPPOSITION',
    why: 'heading of article 9 missing from the extraction (the Arabic text numbers this article 9)',
  },
  {
    kind: 'move',
    from: 'B LA NOTIFICATION AUX TIERS AUXQUELS',
    to: 'IMPOSSIBLE.',
    before: '§Article 9',
    why: 'point b) of article 8 was extracted inside article 6',
  },
  {
    kind: 'move',
    from: 'D AU TRAITEMENT DE DONNÉES À CARACTÈRE PERSONNEL EFFECTUÉES',
    to: 'À DES FINS EXCLUSIVEMENT JOURNALISTIQUES, ARTISTIQUES OU LITTÉRAIRES.',
    before: '§Article 7',
    why: 'point d) of article 6 was extracted inside article 10',
  },
  {
    kind: 'move',
    from: 'F L INTERCONNEXION DE FICHIERS RELEVANT',
    to: '2. D UNE DÉCLARATION PRÉALABLE DANS LES AUTRES CAS.',
    before: '§Article 13',
    why: 'point 1. f) and point 2. of article 12 were extracted inside article 11',
  },
  {
    kind: 'move',
    from: 'SECTION PREMIÈRE. – D',
    to: 'DÉCLARATION PRÉALABLE',
    before: '§Article 13',
    why: 'section title: the Arabic text opens this section at article 13',
  },
  {
    kind: 'move',
    from: 'CHAPITRE III$',
    before: '§Article 12',
    why: 'chapter III opens at article 12 (as in the Arabic text)',
  },
  {
    kind: 'move',
    from: 'DES OBLIGATIONS DES RESPONSABLES DU TRAITEMENT',
    before: '§Article 12',
    why: 'title of chapter III, extracted as the first line of article 14',
  },
  { kind: 'replace', find: 'IINSTITUTION', with: 'INSTITUTION', why: 'drop-cap letter doubled' },
  {
    kind: 'replace',
    find: 'CHAPITRE IL',
    with: 'CHAPITRE II',
    count: 2,
    why: 'broken glyph (II read as IL)',
  },
  {
    kind: 'move',
    from: 'PAR DÉROGATION AUX DISPOSITIONS DE L ARTICLE 43 CI-DESSUS, LE',
    to: 'DONNÉES A CONSENTI EXPRESSÉMENT À LEUR TRANSFERT OU',
    before: '§Article 45',
    why: 'article 44 lost its heading and was extracted under article 47',
  },
  {
    kind: 'move',
    from: '1. SI LE TRANSFERT EST NÉCESSAIRE',
    to: 'CONTRACTUELLES OU RÈGLES INTERNES DONT IL FAIT L OBJET.',
    before: '§Article 45',
    why: 'article 44, continued',
  },
  {
    kind: 'heading',
    label: 'Article 44',
    before: 'PAR DÉROGATION AUX DISPOSITIONS DE L ARTICLE 43 CI-DESSUS, LE',
    why: 'heading of article 44 missing from the extraction',
  },
  {
    kind: 'move',
    from: 'CHAPITRE VI$',
    to: 'OU À L USAGE DE REGISTRES CENTRAUX ET DE FICHIERS',
    before: '§Article 45',
    why: 'chapter VI opens at article 45',
  },
  {
    kind: 'move',
    from: 'TOUTEFOIS, DOIT FIGURER AUDIT REGISTRE NATIONAL L IDENTITÉ DE LA',
    to: 'LOI.',
    before: '§Article 48',
    why: 'second paragraph of article 47 (registers open to the public) was extracted inside article 46',
  },
  {
    kind: 'move',
    from: 'EST PUNI D UNE AMENDE DE 20.000 À 200.000 DH PAR',
    to: 'D OPPOSITION PRÉVUS AUX ARTICLES 7, 8 ET 9 CI-DESSUS.',
    before: '§Article 54',
    why: 'article 53 lost its heading and was extracted under article 59 (the Arabic text has it as article 53)',
  },
  {
    kind: 'heading',
    label: 'Article 53',
    before: 'EST PUNI D UNE AMENDE DE 20.000 À 200.000 DH PAR',
    why: 'heading of article 53 missing from the extraction',
  },
  {
    kind: 'truncate',
    from: 'YYYYYY$',
    why: 'the page goes on with another text of the same Bulletin officiel (Law 42-08 on agricultural development)',
  },
];

const FN_NOTE = (what: string) => `> [Mizan] ${what}`;
const START_LOST_AR = FN_NOTE(
  'بداية هذه المادة (العنوان والفقرة الأولى) غير موجودة في النص المستخرج من المصدر.',
);

/** Law 09-08, Arabic (Adala): an annotated compilation; its footnotes quote decree 2-09-165 and the CNDP rules. */
const LOI_09_08_AR: Repair[] = [
  ...(
    [
      ['-2تم تنصيب اللجنة الوطنية لمراقبة حماية المعطيات', 'عدد 5891بتاريخ'],
      ['-3أنظر المادة 34من المرسوم', 'لطلب، يجب أن تكون صريحة، وعند اللزوم، في شكل معجم"'],
      ['-4انظر المادتين 36و 38من المرسوم', '-2تحديد السلطة أو المصلحة المعنية"'],
      ['-5انظر المادة 35من المرسوم', 'المعنوي، والسلطة العمومية، والمصلحة أو الهيئة التي ينتمي إليها'],
      ['-6انظر المادة 37من المرسوم', 'من القانون رقم 08.09ونصوصه التطبيقية.'],
      ['§المادة 40', 'تحديد السلطة أو المصلحة المعنية".'],
      ['-8انظر المادة 50من مقرر الوزير الأول', 'بالتوصل".'],
      ['-9انظر المادة 43من المرسوم', 'وينبغي أن يكون في وسع الشخص المعني، التعبير عن اختياره'],
      ['-10انظر المادة 24من المرسوم', 'أجل ثمانية أيام الذي تتوفر عليها اللجنة الوطنية لتبليغ قرار إخضاع'],
      ['-11انظر المادة 29من المرسوم', 'وذلك تطبيقا للفقرة - 1أ و - 1ج من المادة 12'],
      ['-12انظر المادة 31من المرسوم', 'سابقا، يتعين على المسؤول المذكور أو أي جهاز مؤهل'],
      ['-13انظر المادة 34من مقرر الوزير الأول', 'يحمل رقم التسجيل الأولي للتصريح'],
      ['-15انظر المادة 30من مقرر الوزير الأول', 'من القانون رقم ".09.08'],
      ['-16انظر المادة 26من المرسوم', 'عندما يسلم الوصل إلكترونيا، يمكن للمسؤول عن المعالجة'],
      ['-17انظر المادة 27من المرسوم', '-2الغاية أو الغايات من المعالجة المتوخاة'],
      [
        '-3الروابط المتوخاة أو أي شكل من أشكال العالقة',
        'ويتعين عليه أيضا إخبار اللجنة الوطنية في حالة حذف المعالجة".',
      ],
      ['§المادة 32', 'ثمانية أيام المخولة للجنة لتبليغ قرارها المعلل'],
      ['§المادة 48', '-23حلت عبارة "رئيس الحكومة"'],
      ['-30انظر المادة 21من مقرر الوزير الأول', 'لالستثناء التي يتمسك بها تأييدا لطلبه".'],
      ['-34انظر المادة 48من المرسوم', undefined],
      ['-35المادة 11من القانون رقم 2-00', '18( 1421ماي، )2000ص 1112؛ كما تم تغييره وتتميمه.'],
      ['"يتم إبالغ المسؤول عن المعالجة فورا', 'الصلة بالتصريح أو الإذن المسحوب'],
      ['-38انظر المادة 20من المرسوم', 'المكلفين بالمراقبة وبالمسؤول عن الأماكن'],
    ] as const
  ).map(([from, to]): Repair => ({
    kind: 'cut',
    from,
    ...(to === undefined ? {} : { to }),
    why: 'editorial footnote of the Adala compilation (a quotation of decree 2-09-165 or of the CNDP rules, or a publication note), not text of the law',
  })),
  ...(
    [
      ['اللجنة الوطنية، 2التي', 'اللجنة الوطنية، التي'],
      ['المعالجة 3أو من يمثله', 'المعالجة أو من يمثله'],
      ['هويته 4أن يحصل', 'هويته أن يحصل'],
      ['الفور 6ودون عوض', 'الفور ودون عوض'],
      ['تصحيح 8أو مسح', 'تصحيح أو مسح'],
      ['المعطيات 9المتعلقة به', 'المعطيات المتعلقة به'],
      ['مسبق 10إذا كانت', 'مسبق إذا كانت'],
      ['الحساسة 11المشار', 'الحساسة المشار'],
      ['أخرى 12غير تلك', 'أخرى غير تلك'],
      ['مرتبطة.13', 'مرتبطة.'],
      ['للمعلومات 14المذكورة', 'للمعلومات المذكورة'],
      ['الشخصي 15التي بالنظر', 'الشخصي التي بالنظر'],
      ['التصريح 16وصال', 'التصريح وصال'],
      ['المسبق 17للجنة', 'المسبق للجنة'],
      ['خبرة، 20بناء', 'خبرة، بناء'],
      ['بمقتضى مرسوم.24', 'بمقتضى مرسوم.'],
      ['الجريدة الرسمية.29', 'الجريدة الرسمية.'],
      ['العام 30على', 'العام على'],
      ['العموميين 31الملحقين', 'العموميين الملحقين'],
      ['نظامها الداخلي.32', 'نظامها الداخلي.'],
      ['صريح 34ومعلل', 'صريح ومعلل'],
      ['والحقوق المجاورة.35', 'والحقوق المجاورة.'],
      ['الآداب العامة.37', 'الآداب العامة.'],
      ['محاضر .38وتوجه', 'محاضر. وتوجه'],
    ] as const
  ).map(([find, to]): Repair => ({
    kind: 'replace',
    find,
    with: to,
    why: 'footnote call of a removed footnote',
  })),
  {
    kind: 'heading',
    label: 'المادة 8',
    before: 'أ) تحيين أو تصحيح أو مسح',
    note: START_LOST_AR,
    why: 'the extraction dropped the heading and first lines of article 8 (right of rectification); its points a) and b) follow',
  },
  {
    kind: 'heading',
    label: 'المادة 27',
    before: '.6أمام الحكومة بشأن القواعد المسطرية',
    note: START_LOST_AR,
    why: 'the end of article 27 (CNDP opinions, point 6, and the declarations it receives) survives; its start was dropped',
  },
  {
    kind: 'relabel',
    from: 'المادة 16-23',
    to: 'المادة 30',
    note: START_LOST_AR,
    why: 'the fragment labelled "16-23" is the end of article 30 (the CNDP powers 1 to 4, as in the French text)',
  },
  {
    kind: 'heading',
    label: 'المادة 32',
    before: 'رئيس مجلس النواب؛',
    note: START_LOST_AR,
    why: 'the end of article 32 (composition and term of the CNDP) survives; its start was dropped',
  },
  {
    kind: 'heading',
    label: 'المادة 43',
    before: 'يتم تقييم كفاية مستوى الحماية الذي تضمنه دولة معينة',
    note: START_LOST_AR,
    why: 'the second and third paragraphs of article 43 survive; its start was dropped',
  },
  ...(
    [
      ['الفرع الأول: تعاريف ونطاق التطبيق', '§المادة 1'],
      ['الفرع الأول: الإحداث والسلط والاختصاصات', '§المادة 27'],
      ['الفرع الثاني: تشكيل اللجنة الوطنية', '§المادة 32'],
      ['الباب الخامس: نقل المعطيات نحو بلد أجنبي', '§المادة 43'],
      ['الباب السابع: العقوبات', '§المادة 51'],
    ] as const
  ).map(([title, before]): Repair => ({
    kind: 'insert',
    lines: [title],
    before,
    why: 'chapter or section title given by the data (chapter field) but dropped from the extracted text',
  })),
  {
    kind: 'replace',
    find: 'الفرع الثالث: تنظيم اللجنة الوطنية وسيرها',
    with: '',
    why: 'section title whose articles (33 to 38) were dropped by the extraction: left, it would head article 39',
  },
];

const FIRST_CHAPTER: Repair = {
  kind: 'insert',
  lines: ['الباب الأول: أحكام عامة'],
  before: '§المادة 1',
  why: 'title of chapter I, given by the data (chapter field) but not in the extracted text',
};

const SPECS: DocSpec[] = [
  {
    file: 'data-protection-law-09-08.json',
    id: 'ma-loi-09-08-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version:
      'Bulletin officiel n° 5714 du 5 mars 2009 (traduction française ; texte arabe au BO n° 5711 du 23 février 2009)',
    validFrom: '2009-02-18',
    caps: { mapGlyphs: false },
    articleTitles: true,
    sortArticles: true,
    repairs: LOI_09_08_FR,
    note: 'texte en capitales à glyphes cassés : glyphes rétablis, apostrophes et lettres de liste restaurées, casse reconstituée (minuscules, majuscules en début de phrase et pour quelques noms propres) ; articles 9, 44 et 53 et alinéas déplacés par la mise en page sur deux colonnes remis à leur place ; en-têtes du Bulletin officiel et texte suivant (loi 42-08) retirés',
  },
  {
    file: 'adala-electronic-38.json',
    id: 'ma-adala-electronic-38-ar',
    language: 'arb_Arab',
    title: 'القانون رقم 09.08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي',
    publisher: ADALA,
    version: `adala.justice.gov.ma, version annotée (notes jusqu’en 2011) ; ${COLLECTION}`,
    validFrom: '2009-02-18',
    articleTitles: true,
    repairs: LOI_09_08_AR,
    note: 'ligatures lam-alef inversées corrigées mot à mot (table relue) ; notes de bas de page de la compilation Adala (citations du décret 2-09-165 et du règlement intérieur de la CNDP) retirées ; titres perdus des articles 8, 27, 30, 32 et 43 rétablis avec une note ; les articles 24, 26, 29, 31, 33 à 38, 40, 46 à 48 et 50 manquent dans l’extraction',
  },
  {
    file: 'adala-civil-5394.json',
    id: 'ma-adala-civil-5394-ar',
    language: 'arb_Arab',
    title:
      'المرسوم رقم 2.09.165 لتطبيق القانون رقم 09.08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي',
    publisher: ADALA,
    version: 'Bulletin officiel (édition arabe) n° 5744 du 18 juin 2009',
    validFrom: '2009-05-21',
    repairs: [
      {
        kind: 'relabel',
        from: 'المادة 27',
        to: 'المادة 1',
        note: FN_NOTE(
          'بداية هذه المادة غير موجودة في النص المستخرج من المصدر؛ الإحالة "المادة 27" أعيدت إلى النص.',
        ),
        why: 'article 1 was cut at its cross-reference to article 27 of the law, taken for a heading',
      },
      {
        kind: 'replace',
        find: 'من القانون رقم 09.08وتعرف اختصارا',
        with: 'المادة 27 من القانون رقم 09.08وتعرف اختصارا',
        why: 'the words taken for a heading, put back',
      },
      {
        kind: 'cut',
        from: '-1الجريدة الرسمية رقم 5744بتاريخ',
        why: 'publication footnote (kept in the front matter as the version)',
      },
    ],
    note: 'ligatures lam-alef inversées corrigées mot à mot (table relue) ; titres d’articles collés au texte rétablis ; début de l’article 1 absent de l’extraction',
  },
  {
    file: 'adala-administrative-159.json',
    id: 'ma-adala-administrative-159-ar',
    language: 'arb_Arab',
    title: 'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية',
    publisher: ADALA,
    version: COLLECTION,
    repairs: [FIRST_CHAPTER],
    validFrom: '2020-03-06',
    note: 'lettre « ه » insérée à la place d’espaces et ligatures lam-alef inversées corrigées mot à mot (tables relues) ; date de promulgation (dahir 1.20.06 du 6 mars 2020) tirée du décret d’application 2.22.141',
  },
  {
    file: 'adala-administrative-4543.json',
    id: 'ma-adala-administrative-4543-ar',
    language: 'arb_Arab',
    publisher: ADALA,
    version: 'Bulletin officiel (édition arabe) n° 7194 du 11 mai 2023',
    validFrom: '2023-05-08',
    repairs: [
      { kind: 'cut', from: '- 1الجريدة الرسمية عدد 7194', why: 'publication footnote (kept as the version)' },
      {
        kind: 'replace',
        find: '» «idarati.maللبوابة',
        with: '«idarati.ma» للبوابة',
        why: 'Latin word inside Arabic text extracted out of order',
      },
    ],
    note: 'ligatures lam-alef inversées corrigées mot à mot (table relue) ; dates hégirienne/grégorienne remises dans l’ordre',
  },
  {
    file: 'adala-administrative-8913.json',
    id: 'ma-adala-administrative-8913-ar',
    language: 'arb_Arab',
    publisher: ADALA,
    version: 'Bulletin officiel (édition arabe) n° 6919 du 21 septembre 2020',
    validFrom: '2020-09-18',
    repairs: [
      { kind: 'cut', from: '-1الجريدة الرسمية عدد 6919', why: 'publication footnote (kept as the version)' },
    ],
    note: 'ligatures lam-alef inversées corrigées mot à mot (table relue) ; dates remises dans l’ordre',
  },
  {
    file: 'adala-rights-freedoms-486.json',
    id: 'ma-adala-rights-freedoms-486-ar',
    language: 'arb_Arab',
    title: 'القانون رقم 31.13 المتعلق بالحق في الحصول على المعلومات',
    publisher: ADALA,
    version: COLLECTION,
    repairs: [FIRST_CHAPTER],
    note: 'ligatures lam-alef inversées et mots collés en fin de ligne corrigés mot à mot (tables relues) ; titres des articles 3 et 11 collés au texte rétablis',
  },
  {
    file: 'adala-rights-freedoms-5722.json',
    id: 'ma-adala-rights-freedoms-5722-ar',
    language: 'arb_Arab',
    publisher: ADALA,
    version: 'Bulletin officiel (édition arabe) n° 7340 du 3 octobre 2024',
    validFrom: '2024-10-03',
    repairs: [
      { kind: 'cut', from: '-1الجريدة الرسمية عدد 7340', why: 'publication footnote (kept as the version)' },
      FIRST_CHAPTER,
    ],
    note: 'ligatures lam-alef inversées et mots collés corrigés mot à mot (tables relues) ; titres d’articles collés au texte rétablis',
  },
  {
    file: 'cybersecurity-law-05-20.json',
    id: 'ma-loi-05-20-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version:
      'Bulletin officiel (traduction française) ; loi promulguée par le dahir n° 1-20-69 du 25 juillet 2020',
    validFrom: '2020-07-25',
    repairs: [
      {
        kind: 'replace',
        find: 'L e s e x p l o it a nt s d e s r é s e au x p u b l i c s d e',
        with: 'Les exploitants des réseaux publics de',
        why: 'letter-spaced justified line',
      },
      {
        kind: 'replace',
        find: 'L e s exploit ant s de s ré s e au x publ ic s de',
        with: 'Les exploitants des réseaux publics de',
        count: 2,
        why: 'letter-spaced justified lines',
      },
    ],
    note: `en-têtes et numéros de page retirés ; ${LAYOUT_NOTE}`,
  },
  {
    file: 'electronic-exchange-law-53-05.json',
    id: 'ma-loi-53-05-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version:
      'Bulletin officiel (traduction française) ; loi promulguée par le dahir n° 1-07-129 du 30 novembre 2007',
    validFrom: '2007-11-30',
    caps: { mapGlyphs: true },
    repairs: [
      { kind: 'replace', find: '–iREMPLIR', with: '– REMPLIR', why: 'broken glyph after a dash' },
      { kind: 'replace', find: 'SECION 1.', with: 'SECTION 1.', why: 'misprint in the source' },
    ],
    note: `texte en capitales à glyphes cassés : glyphes rétablis, apostrophes restaurées, casse reconstituée ; ${LAYOUT_NOTE}`,
  },
  {
    file: 'trust-services-law-43-20.json',
    id: 'ma-loi-43-20-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version: 'Bulletin officiel (traduction française) ; loi du 31 décembre 2020 (date de la collection)',
    validFrom: '2020-12-31',
    repairs: [
      {
        kind: 'relabel',
        from: 'Article 2-1',
        to: '',
        why: 'article 2-1 of the Code des obligations et des contrats, quoted in article 76',
      },
      {
        kind: 'relabel',
        from: 'Article 417-3',
        to: '',
        why: 'article 417-3 of the Code des obligations et des contrats, quoted in article 76',
      },
      {
        kind: 'replace',
        find: '– (troisième alinéa) : Toutefois, les actes',
        with: '« Article 2-1 – (troisième alinéa) : Toutefois, les actes',
        why: 'the words taken for a heading, put back',
      },
      {
        kind: 'replace',
        find: '– (troisième alinéa) : Tout acte sur lequel',
        with: '« Article 417-3 – (troisième alinéa) : Tout acte sur lequel',
        why: 'the words taken for a heading, put back',
      },
    ],
    note: `en-têtes retirés ; articles du Code des obligations et des contrats cités à l’article 76 réintégrés à cet article ; ${LAYOUT_NOTE}`,
  },
  {
    file: 'implementation-decree-2-22-687.json',
    id: 'ma-decret-2-22-687-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version:
      'Décret fait à Rabat le 16 novembre 2022 ; Bulletin officiel (traduction française) du 19 janvier 2023',
    validFrom: '2022-11-16',
    repairs: [
      {
        kind: 'replace',
        find: 'C a r t e s à m i c r o p r o c e s s e u r',
        with: 'Cartes à microprocesseur',
        why: 'letter-spaced line',
      },
      {
        kind: 'replace',
        find: 'p e r s on n a l i s é e s d e st i né e s à d e s',
        with: 'personnalisées destinées à des',
        why: 'letter-spaced line',
      },
      { kind: 'replace', find: 'p r e s t at io n s d e', with: 'prestations de', why: 'letter-spaced line' },
    ],
    note: `en-têtes retirés ; tableaux des annexes aplatis par l’extraction ; ${LAYOUT_NOTE}`,
  },
  {
    file: 'cloud-critical-infrastructure-decree-2-24-921.json',
    id: 'ma-decret-2-24-921-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version: 'Décret fait à Rabat le 22 octobre 2024 ; date de référence de la collection : 2025-02-20',
    validFrom: '2024-10-22',
    note: `en-têtes retirés ; ${LAYOUT_NOTE}`,
  },
  {
    file: 'telecommunications-law-24-96.json',
    id: 'ma-loi-24-96-fr',
    language: 'fra_Latn',
    publisher: DGSSI,
    version: `version consolidée publiée sur dgssi.gov.ma (articles 29 bis à 111 seulement) ; ${COLLECTION}`,
    note: 'version consolidée ; l’extraction commence à l’article 29 bis ; numéros de page retirés',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Arabic word tables

interface ArabicFixes {
  ha: Record<string, Record<string, string>>;
  glue: Record<string, string>;
  ligature: Record<string, string>;
  ligatureByDocument: Record<string, Record<string, string>>;
}

const ARABIC_FIXES = JSON.parse(readFileSync(path.join(here, 'arabic-fixes.json'), 'utf8')) as ArabicFixes;
const ARABIC_WORD = /[\u0621-\u064A\u0671-\u06D3]+/gu;

function replaceWords(text: string, table: Readonly<Record<string, string>> | undefined): string {
  if (!table) return text;
  return text.replace(ARABIC_WORD, (w) => table[w] ?? w);
}

// ---------------------------------------------------------------------------------------------------------------
// The text as a list of lines with article markers ("§label")

const MARK = '§';

function isMarker(line: string): boolean {
  return line.startsWith(MARK);
}

/** A line as anchors see it: trimmed, without the Symbol-font bullet. */
function anchorText(line: string): string {
  return line.trim().replace(/^[\uF0B7\uF02D]\s*/u, '');
}

/** A prefix ending with "$" must match the whole line. */
function matches(line: string, want: string): boolean {
  if (want.startsWith(MARK)) return line.trim() === want;
  if (isMarker(line)) return false;
  const l = anchorText(line);
  return want.endsWith('$') ? l === want.slice(0, -1) : l.startsWith(want);
}

function findLine(lines: readonly string[], prefix: string): number {
  const want = prefix.trim();
  const hits: number[] = [];
  for (let i = 0; i < lines.length; i++) if (matches(lines[i]!, want)) hits.push(i);
  if (hits.length !== 1) throw new Error(`anchor "${prefix}" matches ${hits.length} lines`);
  return hits[0]!;
}

/** Finds the first line at or after `from` that matches `prefix`. */
function findLineFrom(lines: readonly string[], prefix: string, from: number): number {
  const want = prefix.trim();
  for (let i = from; i < lines.length; i++) if (matches(lines[i]!, want)) return i;
  throw new Error(`end anchor "${prefix}" not found`);
}

function applyRepair(lines: string[], r: Repair, notes: Map<string, string>): string[] {
  switch (r.kind) {
    case 'cut': {
      const a = findLine(lines, r.from);
      const b = r.to === undefined ? a : findLineFrom(lines, r.to, a);
      return [...lines.slice(0, a), ...lines.slice(b + 1)];
    }
    case 'move': {
      const a = findLine(lines, r.from);
      const b = r.to === undefined ? a : findLineFrom(lines, r.to, a);
      const block = lines.slice(a, b + 1);
      const rest = [...lines.slice(0, a), ...lines.slice(b + 1)];
      const at = findLine(rest, r.before);
      return [...rest.slice(0, at), ...block, ...rest.slice(at)];
    }
    case 'heading': {
      const at = findLine(lines, r.before);
      if (r.note) notes.set(r.label, r.note);
      return [...lines.slice(0, at), MARK + r.label, ...lines.slice(at)];
    }
    case 'relabel': {
      const at = findLine(lines, MARK + r.from);
      if (r.to === '') return [...lines.slice(0, at), ...lines.slice(at + 1)];
      if (r.note) notes.set(r.to, r.note);
      return [...lines.slice(0, at), MARK + r.to, ...lines.slice(at + 1)];
    }
    case 'replace': {
      const text = lines.join('\n');
      const n = text.split(r.find).length - 1;
      if (n !== (r.count ?? 1)) throw new Error(`replace "${r.find}": ${n} occurrences`);
      return text.split(r.find).join(r.with).split('\n');
    }
    case 'truncate': {
      const at = findLine(lines, r.from);
      return lines.slice(0, at);
    }
    case 'insert': {
      const at = findLine(lines, r.before);
      return [...lines.slice(0, at), ...r.lines, ...lines.slice(at)];
    }
  }
}

/** "Article 29bis" → [29, "bis"]; "المادة 7" → [7, ""]. */
function articleNumber(label: string): [number, string] {
  const m = /(\d+)\s*([a-z]*)/u.exec(label);
  return m ? [Number(m[1]), m[2] ?? ''] : [Number.MAX_SAFE_INTEGER, ''];
}

function sortByArticle(lines: readonly string[]): string[] {
  const groups: { label: string; lines: string[] }[] = [];
  for (const l of lines) {
    if (isMarker(l)) groups.push({ label: l.slice(1), lines: [l] });
    else if (groups.length === 0) groups.push({ label: '', lines: [l] });
    else groups[groups.length - 1]!.lines.push(l);
  }
  const keyed = groups.map((g, i) => ({ g, i, n: articleNumber(g.label) }));
  keyed.sort((a, b) => a.n[0] - b.n[0] || a.n[1].localeCompare(b.n[1]) || a.i - b.i);
  return keyed.flatMap((k) => k.g.lines);
}

// ---------------------------------------------------------------------------------------------------------------
// Generic line clean-up

const BULLET = '• ';
const FR_RUNNING_HEADER = /^(BULLETIN OFFICIEL|(N[°º]|№) ?\d+ – .*\d{1,2}-\d{1,2}-\d{4}\)?|\*)$/u;
const PAGE_NUMBER = /^(-\s*\d{1,3}\s*-|\d{1,4})$/u;

function cleanLines(lines: readonly string[], language: DocSpec['language']): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    if (isMarker(raw)) {
      out.push(raw);
      continue;
    }
    let line = raw.replace(/\u0640/gu, '').replace(/\s+$/u, (s) => (s.length > 0 ? ' ' : ''));
    const t = line.trim();
    if (PAGE_NUMBER.test(t)) continue;
    if (language === 'fra_Latn' && FR_RUNNING_HEADER.test(t)) continue;
    // Private-use bullet of the Symbol font: one item per line.
    if (/[\uF0B7\uF02D]/u.test(line)) {
      const items = line
        .split(/[\uF0B7\uF02D]/u)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      for (const item of items) out.push(`${BULLET}${item}`);
      if (items.length === 0) out.push('');
      continue;
    }
    line = line.replace(/\u00A0/gu, ' ').replace(/([؛.])\s*-\s*\d{1,3}\s*-\s*$/u, '$1');
    out.push(line);
  }
  return out;
}

/** Article headings left inside the text: a line that is only the heading, or one glued after a sentence end. */
function restoreGluedHeadings(lines: readonly string[], language: DocSpec['language']): string[] {
  const labels = new Set(lines.filter(isMarker).map((l) => l.slice(1)));
  const out: string[] = [];
  for (const line of lines) {
    if (isMarker(line)) {
      out.push(line);
      continue;
    }
    const t = line.trim();
    if (language === 'arb_Arab') {
      const alone = /^المادة\s*:?\s*(\d+)$/u.exec(t);
      const glued = /^(.*[.؛:])\s*المادة\s*(\d+)$/u.exec(t);
      if (alone && !labels.has(`المادة ${alone[1]}`)) {
        out.push(`${MARK}المادة ${alone[1]}`);
        labels.add(`المادة ${alone[1]}`);
        continue;
      }
      if (glued && !labels.has(`المادة ${glued[2]}`)) {
        out.push(glued[1]!, `${MARK}المادة ${glued[2]}`);
        labels.add(`المادة ${glued[2]}`);
        continue;
      }
    } else {
      const alone = /^ARTICLE\s+(\d+)$/u.exec(t);
      if (alone && !labels.has(`Article ${alone[1]}`)) {
        out.push(`${MARK}Article ${alone[1]}`);
        labels.add(`Article ${alone[1]}`);
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Chapters and sections

const HEADING_START_FR =
  /^(CHAPITRE|Chapitre|SECTION|Section|TITRE|Titre)\s+([IVXLC]+\b|PREMI|[Pp]remi|PR[EÉ]LIMINAIRE|[Pp]r[ée]liminaire|\d+\b)/u;
const HEADING_START_AR = /^(الباب|الفرع|القسم)\s+[^:]{2,24}:/u;

interface Article {
  label: string;
  lines: string[];
  headingsBefore: string[];
  note?: string;
}

/** A chapter title extracted at the end of the previous article: the heading lines after the last sentence. */
function takeTrailingHeadings(lines: string[], language: DocSpec['language']): string[][] {
  const start = language === 'arb_Arab' ? HEADING_START_AR : HEADING_START_FR;
  const nonEmpty = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l.length > 0);
  let first = -1;
  for (let k = Math.max(0, nonEmpty.length - 7); k < nonEmpty.length; k++) {
    const x = nonEmpty[k]!;
    if (!start.test(x.l)) continue;
    const tail = nonEmpty.slice(k);
    // Title lines: short, no sentence end, not a numbered point (a stray line of the other column).
    const headingLike = tail.every(
      (y) =>
        y.l.length <= 110 &&
        !/[;؛,،]$/u.test(y.l) &&
        (start.test(y.l) || (!/\.$/u.test(y.l) && !/^\d/u.test(y.l))),
    );
    const size = tail.reduce((s, y) => s + y.l.length, 0);
    if (headingLike && size <= 320) {
      first = x.i;
      break;
    }
  }
  if (first < 0) return [];
  const block = lines.splice(first).map((l) => l.trim());
  const headings: string[][] = [];
  for (const l of block) {
    if (l.length === 0) continue;
    if (start.test(l) || headings.length === 0) headings.push([l]);
    else headings[headings.length - 1]!.push(l);
  }
  return headings;
}

function headingText(parts: readonly string[], language: DocSpec['language'], caps: boolean): string {
  const [head, ...rest] = parts.map((p) => p.trim().replace(/\s+/gu, ' '));
  let first = head ?? '';
  // Drop-cap letter repeated at the end of "SECTION 2. – A" before "AUTORISATION PRÉALABLE".
  const drop = /^(.*[–-])\s*([A-ZÀ-Ý])$/u.exec(first);
  if (drop && rest[0]?.startsWith(drop[2]!)) first = drop[1]!.trim();
  let text: string;
  if (language === 'arb_Arab') text = [first, ...rest].join(' ');
  else if (rest.length === 0) text = first;
  else if (/[–-]$/u.test(first)) text = `${first} ${rest.join(' ')}`;
  else if (/^(CHAPITRE|Chapitre|TITRE|Titre|SECTION|Section)\s+\S+\.?$/u.test(first))
    text = `${first} – ${rest.join(' ')}`;
  else text = [first, ...rest].join(' ');
  text = text.replace(/\s*[–-]\s*/gu, (m) => (m.includes('–') ? ' – ' : m)).replace(/\s+/gu, ' ');
  if (caps) text = restoreHeadingCase(text);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// French text in capitals

const GLYPHS: Readonly<Record<string, string>> = {
  m: 'É',
  b: 'É',
  g: 'À',
  n: 'È',
  o: 'Ê',
  l: 'Ç',
  s: 'Î',
  t: 'Ï',
  '[': 'X',
  '\\': 'Y',
  ']': 'Z',
  '¶': "'",
  '±': '–',
  '{': 'Ô',
  '©': '«',
  ª: '»',
  '°': 'Œ',
  '\u0080': 'Û',
  '\u0083': '°',
  '\u0087': '•',
};

function mapGlyphs(line: string): string {
  return [...line].map((c) => GLYPHS[c] ?? c).join('');
}

/** List letters of a capitals text: "A L IDENTITÉ…" starts point a) when a "B …" line follows in the article. */
function markListLetters(lines: string[]): void {
  let expected = 'A';
  const startsWith = (l: string, letter: string) => new RegExp(`^${letter} (?=\\S)`, 'u').test(l.trim());
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    const m = /^([A-I]) (?=\S)/u.exec(t);
    if (!m) continue;
    const letter = m[1]!;
    let isMarker = false;
    if (letter === expected && letter === 'A') isMarker = lines.slice(i + 1).some((l) => startsWith(l, 'B'));
    else if (letter === expected) isMarker = true;
    if (!isMarker) continue;
    lines[i] = `${letter.toLowerCase()}) ${t.slice(2)}`;
    expected = String.fromCharCode(letter.charCodeAt(0) + 1);
  }
}

const ELISION = /(?<!\p{L})(L|D|N|S|J|M|T|C|QU|LORSQU|PUISQU|QUOIQU|JUSQU|PRESQU) (?=[AEIOUYÉÈÊÀÂÎÔÛH])/gu;

function restoreApostrophes(line: string): string {
  return line.replace(ELISION, "$1'").replace(/(^|\s)O(?=[\s,])/gu, '$1OÙ');
}

/** A drop-cap letter repeated at the end of a title line: "SECTION I. – D" before "DISPOSITIONS GÉNÉRALES". */
function dropRepeatedInitials(lines: string[]): string[] {
  return lines.map((l, i) => {
    const m = /^((?:«\s*)?(?:SECTION|CHAPITRE|TITRE)\b.*\S)\s*–\s*([A-ZÀ-Ý])\s*$/u.exec(l.trim());
    const next = lines
      .slice(i + 1)
      .find((n) => n.trim().length > 0)
      ?.trim()
      .replace(/^«\s*/u, '');
    return m && next?.startsWith(m[2]!) ? `${m[1]} –` : l;
  });
}

/** Quoted text of the Bulletin officiel repeats « at every line: keep the first of a run. */
function dropRepeatedQuoteMarks(lines: string[]): string[] {
  let previousQuoted = false;
  return lines.map((l) => {
    const t = l.trim();
    if (t.length === 0) return l;
    const quoted = /^«\s/u.test(t);
    const out = quoted && previousQuoted ? t.replace(/^«\s*/u, '') : l;
    previousQuoted = quoted;
    return out;
  });
}

const PROPER: readonly [RegExp, string][] = [
  [/(?<!\p{L})royaume du maroc(?!\p{L})/gu, 'Royaume du Maroc'],
  [/(?<!\p{L})royaume(?!\p{L})/gu, 'Royaume'],
  [/(?<!\p{L})maroc(?!\p{L})/gu, 'Maroc'],
  [/(?<!\p{L})commission nationale(?!\p{L})/gu, 'Commission nationale'],
  [/(?<!\p{L})cndp(?!\p{L})/gu, 'CNDP'],
  [/(?<!\p{L})bulletin officiel(?!\p{L})/gu, 'Bulletin officiel'],
  [/(?<!\p{L})sa majesté le roi(?!\p{L})/gu, 'Sa Majesté le Roi'],
  [/(?<!\p{L})du roi(?!\p{L})/gu, 'du Roi'],
  [/(?<!\p{L})premier ministre(?!\p{L})/gu, 'Premier ministre'],
  [/(?<!\p{L})chambre des représentants(?!\p{L})/gu, 'Chambre des représentants'],
  [/(?<!\p{L})chambre des conseillers(?!\p{L})/gu, 'Chambre des conseillers'],
  [/(?<!\p{L})parlement(?!\p{L})/gu, 'Parlement'],
  [/(?<!\p{L})etat(s?)(?!\p{L})/gu, 'Etat$1'],
  [/(?<!\p{L})code des obligations et des contrats(?!\p{L})/gu, 'Code des obligations et des contrats'],
  [/(?<!\p{L})code de la famille(?!\p{L})/gu, 'Code de la famille'],
  [/(?<!\p{L})internet(?!\p{L})/gu, 'Internet'],
  [/(?<!\p{L})dh(?!\p{L})/gu, 'DH'],
  [/(?<!\p{L})n° /gu, 'n° '],
  [/(?<!\p{L})(chapitre|titre|section|livre) ([ivxlc]+)(?!\p{L})/gu, ''],
];

function restoreCase(paragraph: string): string {
  let s = paragraph.toLowerCase();
  for (const [re, to] of PROPER) {
    if (to === '') s = s.replace(re, (_m, w: string, n: string) => `${w} ${n.toUpperCase()}`);
    else s = s.replace(re, to);
  }
  // Sentence starts: the paragraph start (unless a list letter or dash item) and after ". ", "? ", "! ".
  if (!/^[a-i]\) /u.test(s))
    s = s.replace(
      /^((?:\d+\s*[.-]\s*|[«"]\s*)?)(\p{Ll})/u,
      (_m, pre: string, c: string) => pre + c.toUpperCase(),
    );
  s = s.replace(/([.?!]\s+(?:[«"]\s*)?)(\p{Ll})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
  // "Article 65-1. – sous réserve" → "… – Sous réserve"
  s = s.replace(
    /(article [\d-]+(?: bis)?\.?\s*–\s*)(\p{Ll})/giu,
    (_m, pre: string, c: string) => pre + c.toUpperCase(),
  );
  return s;
}

function restoreHeadingCase(heading: string): string {
  const s = restoreCase(heading);
  return s.replace(/( – )(\p{Ll})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Arabic text

function fixArabicLine(line: string, spec: DocSpec): string {
  let s = line;
  const sourceId = SOURCE_IDS.get(spec.id) ?? '';
  s = replaceWords(s, ARABIC_FIXES.ha[sourceId]);
  s = replaceWords(s, ARABIC_FIXES.glue);
  s = replaceWords(s, ARABIC_FIXES.ligatureByDocument[sourceId]);
  s = replaceWords(s, ARABIC_FIXES.ligature);
  return s;
}

/** List numbers extracted after their item (" .1يجب", " -1الثقة") or glued to it at an article start ("1يطبق"). */
function fixArabicListNumber(line: string, isFirstLine: boolean): string {
  const m = /^\s*([.-])\s*(\d{1,2})\s*(?=\S)/u.exec(line);
  if (m && line.trimStart().startsWith(m[1]!))
    return `${m[2]}${m[1] === '.' ? '.' : '-'} ${line.slice(m[0].length)}`;
  if (isFirstLine) {
    const g = /^(\d{1,2})(?=[\u0621-\u064A])/u.exec(line);
    if (g) return `${g[1]}. ${line.slice(g[0].length)}`;
  }
  return line;
}

function fixArabicParagraph(p: string): string {
  return (
    p
      // '" .1معطيات' (a quoted defined term, numbered) → '1. "معطيات'
      .replace(/^"\s*\.\s*(\d{1,2})\s*/u, '$1. "')
      // digits and letters never touch in the official text
      .replace(/(\d)(?=[\u0621-\u064A])/gu, '$1 ')
      .replace(/([\u0621-\u064A])(?=\d)/gu, '$1 ')
      // "عشرين ( )20يوما" → "عشرين (20) يوما"
      .replace(/(\S)\s*\(\s*\)\s*(\d+)/gu, '$1 ($2)')
      // "20 شوال 11( 1444 ماي، )2023" → "20 شوال 1444 (11 ماي 2023)،"
      .replace(/(\d{1,2})\s*\(\s*(\d{4})\s+([^\s()\d]+?)\s*([،.]?)\s*\)\s*(\d{4})/gu, '$2 ($1 $3 $5)$4')
      // "رقم .55.19" → "رقم 55.19." ; "رقم، 08.09" → "رقم 08.09،"
      .replace(/رقم\s*\.\s*(\d+\.\d+)/gu, 'رقم $1.')
      .replace(/رقم\s*"\s*\.\s*(\d+\.\d+)/gu, 'رقم $1".')
      .replace(/رقم\s*،\s*(\d+\.\d+)/gu, 'رقم $1،')
      // the law number is 09.08; the extraction reversed its two groups
      .replace(/\b08\.09\b/gu, '09.08')
      .replace(/ص\s*\.\s*(\d)/gu, 'ص. $1')
      // a comma glued to the next word ("المرتفق،إنجاز")
      .replace(/،(?=[\u0621-\u064A])/gu, '، ')
      // a sentence end glued to the next word ("القانون.يعاقب")
      .replace(/([\u0621-\u064A])\.(?=[\u0621-\u064A])/gu, '$1. ')
      .replace(/[ \t]{2,}/gu, ' ')
      .trim()
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraphs

const LIST_START_FR = /^(\d+\s*[.)-]\s|\d+°|[a-z]\)\s|[A-Z]\.\s*–|[–•-]\s?|«\s*Article|\(?[ivx]+\)\s)/u;
const LIST_START_AR = /^(\d+[.-]\s|[\u0621-\u064A]\)\s|[\u0621-\u064A]\.\s|• )/u;
const LIST_START_CAPS = /^(\d+\.\s|\d+\s*-\s|[a-i]\)\s|[A-Z]\.\s*–|[–•]\s|«\s*ARTICLE|ARTICLE\s+\d)/u;

function paragraphs(lines: readonly string[], spec: DocSpec): string[] {
  const arabic = spec.language === 'arb_Arab';
  const listStart = arabic ? LIST_START_AR : spec.caps ? LIST_START_CAPS : LIST_START_FR;
  const out: string[] = [];
  let current = '';
  let breakAfter = true;
  const flush = () => {
    if (current.trim()) out.push(current.trim());
    current = '';
  };
  let lineIndex = 0;
  for (const raw of lines) {
    const trailingSpace = /\s$/u.test(raw);
    const line = raw.trim();
    if (line.length === 0) {
      flush();
      breakAfter = true;
      continue;
    }
    const isTitle =
      spec.articleTitles === true && lineIndex === 0 && line.length <= 45 && !/[.:;؛،,]$/u.test(line);
    lineIndex++;
    if (breakAfter || listStart.test(line)) flush();
    if (current.length === 0) current = line;
    else if (!arabic && /\p{L}-$/u.test(current)) current += line;
    else current += ` ${line}`;
    breakAfter =
      isTitle || /[.:;؛!?»"]$/u.test(line) || (spec.caps !== undefined && trailingSpace && !/,$/u.test(line));
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Building one document

const SOURCE_IDS = new Map<string, string>();

interface Built {
  spec: DocSpec;
  markdown: string;
  articles: number;
  headings: string[];
}

function frenchArticleHeading(label: string): string {
  return label === 'Article 1' ? 'Article premier' : label;
}

function build(spec: DocSpec, curated: CuratedDoc, provisions: readonly Provision[]): Built {
  SOURCE_IDS.set(spec.id, curated.id);
  const arabic = spec.language === 'arb_Arab';
  let lines: string[] = [];
  for (const p of provisions) {
    lines.push(MARK + p.article);
    lines.push(...p.text_normalized.split('\n'));
  }
  if (spec.caps?.mapGlyphs) lines = lines.map((l) => (isMarker(l) ? l : mapGlyphs(l)));
  if (spec.sortArticles) lines = sortByArticle(lines);
  const notes = new Map<string, string>();
  for (const r of spec.repairs ?? []) lines = applyRepair(lines, r, notes);
  lines = cleanLines(lines, spec.language);
  lines = restoreGluedHeadings(lines, spec.language);
  if (spec.caps) lines = dropRepeatedInitials(dropRepeatedQuoteMarks(lines));

  // Split into articles; chapter titles at the end of an article head the next one.
  const articles: Article[] = [];
  const preamble: string[] = [];
  for (const l of lines) {
    if (isMarker(l)) articles.push({ label: l.slice(1), lines: [], headingsBefore: [] });
    else if (articles.length > 0) articles[articles.length - 1]!.lines.push(l);
    else if (l.trim()) preamble.push(l);
  }
  if (preamble.length > 0) {
    const heads = takeTrailingHeadings(preamble, spec.language);
    if (preamble.some((l) => l.trim())) throw new Error(`${spec.id}: text before the first article`);
    articles[0]!.headingsBefore.push(
      ...heads.map((h) => headingText(h, spec.language, spec.caps !== undefined)),
    );
  }
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    const note = notes.get(a.label);
    if (note !== undefined) a.note = note;
    const heads = takeTrailingHeadings(a.lines, spec.language).map((h) =>
      spec.caps ? h.map((l) => restoreApostrophes(l)) : h,
    );
    if (heads.length > 0 && i + 1 < articles.length)
      articles[i + 1]!.headingsBefore.push(
        ...heads.map((h) => headingText(h, spec.language, spec.caps !== undefined)),
      );
  }

  const seen = new Set<string>();
  const body: string[] = [];
  const headings: string[] = [];
  for (const a of articles) {
    if (seen.has(a.label)) throw new Error(`${spec.id}: duplicate article ${a.label}`);
    seen.add(a.label);
    let lines2 = a.lines;
    if (spec.caps) {
      lines2 = [...lines2];
      markListLetters(lines2);
      lines2 = lines2.map((l) => restoreApostrophes(l));
    }
    if (arabic) {
      let first = true;
      lines2 = lines2.map((l) => {
        if (!l.trim()) return l;
        const fixed = fixArabicListNumber(fixArabicLine(l, spec), first);
        first = false;
        return fixed;
      });
    }
    let paras = paragraphs(lines2, spec);
    if (spec.caps) paras = paras.map(restoreCase);
    if (arabic) paras = paras.map(fixArabicParagraph);
    else paras = paras.map((p) => p.replace(/[ \t]{2,}/gu, ' ').replace(/ ([,.])(?=\s|$)/gu, '$1'));
    paras = paras.filter((p) => p.length > 0);
    for (const h of a.headingsBefore) {
      const text = arabic ? fixArabicParagraph(fixArabicLine(h, spec)) : h;
      body.push(`## ${text}`, '');
      headings.push(text);
    }
    const heading = arabic ? a.label : frenchArticleHeading(a.label);
    body.push(`## ${heading}`, '');
    headings.push(heading);
    if (a.note) body.push(a.note, '');
    for (const p of paras) body.push(p, '');
    if (paras.length === 0 && !a.note)
      body.push(
        arabic
          ? '> [Mizan] نص هذه المادة غير موجود في النص المستخرج.'
          : '> [Mizan] Texte absent de l’extraction.',
        '',
      );
  }

  const title = (spec.title ?? curated.title).replace(/\s+/gu, ' ').trim();
  const front = [
    '---',
    `id: ${spec.id}`,
    `title: ${yamlString(title)}`,
    `publisher: ${yamlString(spec.publisher)}`,
    `source_uri: ${curated.url}`,
    `licence: ${yamlString(OFFICIAL)}`,
    `language: ${spec.language}`,
    'classification: public',
    `version: ${yamlString(spec.version)}`,
    ...(spec.validFrom ? [`valid_from: ${spec.validFrom}`] : []),
    'collection: lois',
    'demo: false',
    `extraction_note: ${yamlString(spec.note)}`,
    '---',
    '',
    `# ${title}`,
    '',
  ];
  const markdown = [...front, ...body]
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/\n*$/u, '\n');
  return { spec, markdown, articles: articles.length, headings };
}

/** A YAML scalar quoted as Prettier writes it with the project's `singleQuote`: single quotes unless the text has some. */
function yamlString(s: string): string {
  if (s.includes("'") && !s.includes('"')) return JSON.stringify(s);
  return `'${s.replace(/'/gu, "''")}'`;
}

// ---------------------------------------------------------------------------------------------------------------

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string', default: path.resolve(here, '../../corpus/demo/laws') },
    },
  });
  const data = path.join(sharedDataDir(values.data), 'moroccan-law-corpus');
  const rows = readFileSync(path.join(data, 'provisions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Provision)
    .filter((r) => r.subset === 'curated');
  const curatedFiles = readdirSync(path.join(data, 'curated')).filter((f) => f.endsWith('.json'));
  if (curatedFiles.length !== SPECS.length) throw new Error(`expected ${SPECS.length} curated documents`);
  const out = path.resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (f.endsWith('.md')) rmSync(path.join(out, f));
  let total = 0;
  for (const spec of SPECS) {
    const curated = JSON.parse(readFileSync(path.join(data, 'curated', spec.file), 'utf8')) as CuratedDoc;
    const provisions = rows.filter((r) => r.doc_id === curated.id);
    const built = build(spec, curated, provisions);
    const file = path.join(out, `${spec.id}.md`);
    writeFileSync(file, built.markdown);
    const bytes = Buffer.byteLength(built.markdown);
    total += bytes;
    console.log(`${spec.id}.md\t${built.articles} articles\t${bytes} bytes`);
  }
  console.log(`total\t${total} bytes`);
}

main();
