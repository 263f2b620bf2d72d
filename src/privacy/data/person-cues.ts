/**
 * Words around person names, for the PERSON recognizer: phrases that introduce a name, name particles, and words
 * that make a name part of a place or institution. Written for this project (see README.md). Entries are matched
 * on folded words (lower case, no accents, Arabic letter variants unified); punctuation inside an entry is ignored.
 */

/** Phrases after which the next one to three words are a name (capitalized in French and English). */
export const NAMING_CUES = [
  "je m'appelle",
  'je me nomme',
  'mon nom est',
  "mon nom c'est",
  'mon prénom est',
  'mon nom complet est',
  'mon nom de famille est',
  "moi c'est",
  'le nommé',
  'la nommée',
  'dénommé',
  'dénommée',
  'my name is',
  "my name's",
  'my full name is',
  'my first name is',
  'my last name is',
  'i am called',
  'call me',
  'named',
  'اسمي',
  'إسمي',
  'واسمي',
  'اسمي هو',
  'اسمي الكامل',
  'اسمي الكامل هو',
  'سميتي',
  'سميتي هي',
];

/** Darija in Latin script: names after these are often written in lower case, and are accepted so. */
export const DARIJA_NAMING_CUES = [
  'smiti',
  'smitii',
  'smiyti',
  'smiti hiya',
  'smiyti hiya',
  'ana smiti',
  'smiya dyali',
  'smiya diali',
  'smia dyali',
  'smiya dyali hiya',
  'smito',
  'smitou',
  'smitha',
  'ismi',
  'esmi',
];

/** Form labels: a name follows only when a colon does ("Nom : ALAOUI"). */
export const FORM_LABELS = [
  'nom',
  'prénom',
  'nom complet',
  'nom et prénom',
  'prénom et nom',
  'nom de famille',
  'name',
  'full name',
  'first name',
  'last name',
  'surname',
  'الاسم',
  'الإسم',
  'الاسم الكامل',
  'الاسم الشخصي',
  'الاسم العائلي',
  'النسب',
  'الاسم والنسب',
];

/**
 * Titles: a capitalized word follows in Latin script; in Arabic script a known name must follow. Single-letter and
 * two-letter abbreviations ("M.", "Me", "Dr") must be written with a capital; "M" also needs its dot.
 */
export const TITLE_CUES = [
  'M',
  'Mr',
  'Mme',
  'Mlle',
  'Mrs',
  'Ms',
  'Me',
  'Dr',
  'Pr',
  'miss',
  'mister',
  'monsieur',
  'madame',
  'mademoiselle',
  'docteur',
  'professeur',
  'prof',
  'maître',
  'Si',
  'haj',
  'hajj',
  'hadj',
  'lhaj',
  'el hadj',
  'el haj',
  'cher',
  'chère',
  'dear',
  'السيد',
  'السيدة',
  'والسيد',
  'والسيدة',
  'للسيد',
  'للسيدة',
  'السيد المحترم',
  'السيدة المحترمة',
  'الآنسة',
  'الأستاذ',
  'الأستاذة',
  'للأستاذ',
  'الدكتور',
  'الدكتورة',
  'الحاج',
  'الحاجة',
  'المرحوم',
  'المرحومة',
  'سي',
  'السي',
  // "named", "so-called": also said of bodies and things ("تسمى الوكالة"), so a known name must follow.
  'اسمه',
  'اسمها',
  'سميتو',
  'سميتها',
  'يدعى',
  'تدعى',
  'يسمى',
  'تسمى',
  'المدعو',
  'المدعوة',
  'المسمى',
  'المسماة',
];

/** Roles before a name: a known given or family name must follow ("التلميذة سلمى أجدع", "l'élève Youssef"). */
export const ROLE_CUES = [
  ...'élève étudiant étudiante patient patiente citoyen citoyenne candidat candidate agent employé employée'.split(
    ' ',
  ),
  ...'client cliente collègue pupil student patient'.split(' '),
  ...'التلميذ التلميذة الطالب الطالبة المواطن المواطنة المريض المريضة الموظف الموظفة الطفل الطفلة'.split(' '),
  ...'المتهم المتهمة الضحية المستخدم المستخدمة الأجير الأجيرة المشتكي المشتكية السائق الزبون الزبونة'.split(
    ' ',
  ),
];

/** Weak cues: they make a known given or family name certain ("je suis Youssef", "أنا يوسف"), nothing else. */
export const WEAK_CUES = [
  'ana',
  'je suis',
  "c'est",
  'moi',
  'i am',
  "i'm",
  'this is',
  'avec',
  'with',
  'bonjour',
  'bonsoir',
  'salut',
  'salam',
  'slm',
  'hello',
  'hi',
  'hey',
  'merci',
  'thanks',
  'thank you',
  'أنا',
  'انا',
  'مع',
  'شكرا',
  'مرحبا',
  'ابني',
  'ابنتي',
  'بنتي',
  'ولدي',
  'زوجي',
  'زوجتي',
  'mon fils',
  'ma fille',
  'mon mari',
  'ma femme',
  'my son',
  'my daughter',
  'my husband',
  'my wife',
];

/**
 * Particles inside names: "El Alaoui", "Ben Jelloun", "Ait Taleb", "Ou Hammou", "Id Brahim", "بن علي", "آيت". Those
 * written with a capital here count only when capitalized in the text ("ou" and "id" are also common words).
 */
export const PARTICLES = [
  'el',
  'al',
  'ben',
  'bent',
  'bin',
  'ibn',
  'Bel',
  'Bou',
  'ait',
  'Ou',
  'Id',
  'ould',
  'oulad',
  'abou',
  'abu',
  'بن',
  'ابن',
  'بنت',
  'آيت',
  'أيت',
  'ولد',
  'أولاد',
  'أبو',
  'بو',
  'إد',
];

/** Honorifics that are part of a name ("Moulay Ahmed", "Lalla Fatima"). */
export const NAME_HONORIFICS = ['moulay', 'lalla', 'مولاي', 'لالة', 'للا'];

/** Words joined to the next one in names written in two parts ("Abdel Aziz", "عبد الله", "نور الدين"). */
export const COMPOUND_HEADS = [
  'abd',
  'abdel',
  'abdal',
  'abdul',
  'abde',
  'abdou',
  'عبد',
  'ابو',
  'بو',
  'بن',
  'نور',
];

/** A name right after one of these is a place or an institution ("rue Allal Ben Abdellah", "مستشفى ابن سينا"). */
export const INSTITUTION_WORDS = [
  ...'rue avenue av bd boulevard place impasse allée route derb hay quartier résidence lotissement cité zanqa zan9a zenqa'.split(
    ' ',
  ),
  ...'lycée école collège université faculté institut hôpital chu clinique centre mosquée stade aéroport gare'.split(
    ' ',
  ),
  ...'fondation prix complexe palais tour parc jardin théâtre musée bab souk port barrage hôtel club promotion'.split(
    ' ',
  ),
  ...'street avenue road square school university hospital mosque airport foundation prize'.split(' '),
  ...'شارع زنقة درب حي إقامة تجزئة ساحة طريق مستشفى المستشفى مسجد ثانوية إعدادية مدرسة جامعة كلية معهد'.split(
    ' ',
  ),
  ...'مؤسسة ملعب مطار مركز جائزة قصر ضريح حديقة باب سوق مدار مركب خزانة'.split(' '),
  // Saints' names, tribes and villages: "Sidi Kacem", "سيدي موسى بن علي", "أولاد علي", "دوار"
  ...'sidi oulad ouled douar zaouia dar commune tribu سيدي أولاد اولاد دوار زاوية دار جماعة قبيلة'.split(' '),
];

/** Regnal numbers: "Mohammed VI", "Hassan II", "محمد السادس" name kings, avenues and institutions. */
export const REGNAL = [
  ...'i ii iii iv v vi'.split(' '),
  ...'الأول الثاني الثالث الرابع الخامس السادس'.split(' '),
];

/** Words that fold to a name but are not one as written: "على" (on) folds to "علي" (Ali). */
export const NOT_NAMES_AS_WRITTEN = ['على', 'وعلى', 'فعلى'];

/** Words that fold to a cue but are not one as written: "أسمى" (highest) folds to "اسمي" (my name). */
export const NOT_CUES_AS_WRITTEN = ['أسمى', 'اسمى', 'الأسمى'];
