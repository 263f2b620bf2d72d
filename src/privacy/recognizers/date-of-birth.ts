import type { Recognizer } from '../types.js';

/**
 * Date of birth: a date — numeric day/month/year or year/month/day with "/", "." or "-", or with a month name in
 * French, English, Arabic (Moroccan, Middle-Eastern, Algerian-Tunisian and Levantine names) or Darija in Latin
 * script — reported only in a birth context ("né le", "date de naissance", "تاريخ الازدياد", "مزداد", "mzyad f",
 * "born on", "DOB"…). A date elsewhere is not personal data by itself.
 */

const MONTHS_LATIN = [
  'janv(?:ier|\\.)?',
  'f[ée]v(?:rier|r?\\.)?',
  'mars',
  'avr(?:il|\\.)?',
  'mai',
  'juin',
  'juil(?:let|\\.)?',
  'ao[uû]t',
  'sept(?:embre|\\.)?',
  'oct(?:obre|\\.)?',
  'nov(?:embre|\\.)?',
  'd[ée]c(?:embre|\\.)?',
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:tember)?',
  'october',
  'november',
  'december',
  // Moroccan month names (يناير … دجنبر) as Darija is typed in Latin script, with the vowels people write or drop
  // and the French, Spanish or German spellings they borrow: "yanayr", "fbrayr", "abril", "mayo", "yunyu",
  // "yulyuz", "ghosht", "chtenber", "oktober", "nonbir", "dojenber".
  'y[ae]?nn?a[yi]e?r',
  'f[aei]?bra[yi]e?r',
  'mar[ei]?s',
  '[ai]bri?l',
  'ma[yi][ou]?',
  'y[ou]{1,2}n[yi][ou]{1,2}',
  'y[ou]{1,2}l[yi][ou]{1,2}z?',
  'gh[aeiou]{0,2}[cs]ht',
  '[cs]h[aeiou]{0,2}t[aeiou]{0,2}nb[aeiou]{0,2}r',
  '[ou][kc]t[ou]b[aeiou]{0,2}r',
  'n[ou]{1,2}[nf]b[aeiou]{0,2}r',
  'd[aeiou]{0,2}[jz][aeiou]{0,2}nb[aeiou]{0,2}r',
];
const MONTHS_ARABIC = [
  'يناير',
  'فبراير',
  'مارس',
  '[أإا]بريل',
  'ماي',
  'مايو',
  'يونيو',
  'يونيه',
  'يوليوز',
  'يوليو',
  'يوليه',
  'غشت',
  '[أا]غسطس',
  'شتنبر',
  'سبتمبر',
  '[أا]كتوبر',
  'نونبر',
  'نوفمبر',
  'دجنبر',
  'ديسمبر',
  'جانفي',
  'فيفري',
  '[أا]فريل',
  'جوان',
  'جويلية',
  '[أا]وت',
  'كانون الثاني',
  'شباط',
  '[آا]ذار',
  'نيسان',
  '[أا]يار',
  'حزيران',
  'تموز',
  'آب',
  '[أا]يلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];
const MONTH = `(?:${[...MONTHS_LATIN, ...MONTHS_ARABIC].join('|')})(?![A-Za-z\\u0621-\\u064A])`;
const MONTH_ENGLISH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const START = '(?<![\\w/.\\-])';
const END = '(?![\\w])(?![/.\\-]\\d)';
const DAY = '\\d{1,2}(?:er|ère|e|th|st|nd|rd)?';
const YEAR = '(?:\\d{4}|\\d{2})';

const NUMERIC = `${START}(?:\\d{1,2}([/.\\-])\\d{1,2}\\1${YEAR}|\\d{4}([/.\\-])\\d{1,2}\\2\\d{1,2})${END}`;
/** "12 mars 1990", "1er mars 1990", "12-Mar-1990", "12 من شهر مارس سنة 1990". */
const WITH_MONTH = `${START}${DAY}(?:[ ]{1,3}|[ ]?[\\-/][ ]?)(?:de[ ]+|(?:من[ ]+)?(?:شهر[ ]+)?)${MONTH}\\.?,?(?:[ ]{1,3}|[ ]?[\\-/][ ]?)(?:(?:سنة|عام)[ ]+)?${YEAR}${END}`;
/** "March 12, 1990": anchored on the year, the whole date captured in a lookbehind (group 1). */
const MONTH_FIRST = `(?<!\\d)\\d{4}(?<=(?<![\\w])(${MONTH_ENGLISH}[ ]{1,3}${DAY},?[ ]{1,3}\\d{4}))${END}`;

const daysIn = (month: number, year: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function dayMonthOk(day: number, month: number, year: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

function yearOk(year: number, digits: number): boolean {
  return digits === 2 || (year >= 1900 && year <= new Date().getUTCFullYear());
}

export function validateDate(match: string): boolean | undefined {
  const numbers = (match.match(/\d+/g) ?? []).map((n) => ({ value: Number(n), digits: n.length }));
  if (numbers.length === 3) {
    const [a, b, c] = numbers as [(typeof numbers)[0], (typeof numbers)[0], (typeof numbers)[0]];
    if (a.digits === 4)
      return yearOk(a.value, 4) && dayMonthOk(c.value, b.value, a.value) ? undefined : false;
    const year = c.digits === 2 ? 2000 + c.value : c.value;
    if (!yearOk(c.value, c.digits)) return false;
    return dayMonthOk(a.value, b.value, year) || dayMonthOk(b.value, a.value, year) ? undefined : false;
  }
  if (numbers.length === 2) {
    const [day, year] = numbers as [(typeof numbers)[0], (typeof numbers)[0]];
    return day.value >= 1 && day.value <= 31 && yearOk(year.value, year.digits) ? undefined : false;
  }
  return false;
}

export const dateOfBirth: Recognizer = {
  entity: 'DATE_OF_BIRTH',
  requiresContext: true,
  prefilter: /\d/,
  patterns: [
    { name: 'date', regex: new RegExp(`${NUMERIC}|${WITH_MONTH}`, 'gi'), score: 0.6 },
    { name: 'date-month-first', regex: new RegExp(MONTH_FIRST, 'gi'), group: 1, score: 0.6 },
  ],
  context: [
    'né le',
    'née le',
    'nés le',
    'nées le',
    'né(e) le',
    'né à',
    'née à',
    'né(e) à',
    'né en',
    'née en',
    'née',
    'date de naissance',
    'date et lieu de naissance',
    'lieu et date de naissance',
    'naissance',
    'ddn',
    'date of birth',
    'birth date',
    'birthdate',
    'birthday',
    'born on',
    'born',
    'dob',
    'd.o.b',
    'تاريخ الازدياد',
    'تاريخ ومكان الازدياد',
    'الازدياد',
    'ازدياد',
    'تاريخ الولادة',
    'الولادة',
    'تاريخ الميلاد',
    'عيد ميلاد',
    'مزداد',
    'مزدادة',
    'المزداد',
    'ولد في',
    'ولدت في',
    'ولد بتاريخ',
    'ولدت بتاريخ',
    'المولود',
    'المولودة',
    'مولود',
    'مولودة',
    'تزاديت',
    'تزاد',
    'تزادت',
    'mzyad',
    'mzyada',
    'mzyda',
    'mzayad',
    'mezyad',
    'tzadit',
    'tzadt',
    'tzad',
    'tzadet',
    'zdt',
    'zdit',
    'zedt',
    'zadt',
    'mzyoud',
    'mzyouda',
    'mzayda',
    'زدت',
    'زديت',
    'tarikh lizdiyad',
    "tarikh l'izdiyad",
    'tari5 lizdiyad',
    'lizdiyad',
    'izdiyad',
    '3id milad',
    '3id miladi',
    'tarikh lwilada',
  ],
  validate: validateDate,
};
