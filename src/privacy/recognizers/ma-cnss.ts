import type { Recognizer } from '../types.js';

/**
 * CNSS registration (immatriculation) number: 9 digits, no published checksum, so only with a context word
 * ("CNSS", "immatriculation", "الضمان الاجتماعي"…). Contiguous, 3-3-3, or with the last digits apart.
 */

const START = '(?<![\\w+])(?<!\\d[ .\\-/])';
const END = '(?![ .\\-/]?\\d)';

export const maCnss: Recognizer = {
  entity: 'MA_CNSS',
  requiresContext: true,
  prefilter: /\d/,
  patterns: [
    {
      name: 'cnss-9',
      regex: new RegExp(
        `${START}(?:\\d{9}|\\d{3}([ .\\-])\\d{3}\\1\\d{3}|\\d{7,8}[ \\-/]\\d{1,2})${END}`,
        'g',
      ),
      score: 0.5,
    },
  ],
  context: [
    'cnss',
    'c.n.s.s',
    'caisse nationale de sécurité sociale',
    'sécurité sociale',
    'immatriculation',
    "numéro d'immatriculation",
    'immatriculé',
    'affiliation',
    "numéro d'affiliation",
    'affilié',
    'assuré',
    'amo',
    'social security',
    'الضمان الاجتماعي',
    'الصندوق الوطني للضمان الاجتماعي',
    'رقم التسجيل',
    'رقم التسجيل في الضمان الاجتماعي',
    'رقم الانخراط',
    'الانخراط',
    'رقم التأمين',
    'المؤمن',
    'الضمان',
    'سي ان اس اس',
    'damane',
    'daman',
    'dman',
    'lcnss',
    'cnss dyali',
  ],
};
