import type { Recognizer } from '../types.js';

/**
 * Massar student code: one letter then 9 digits ("D166027860"), only with a context word. A Massar login
 * (`D166027860@taalim.ma`) needs no context: the taalim.ma domain is the ministry's student domain, so the whole
 * login is reported as MA_MASSAR (validated, so it wins over the EMAIL reading of the same span even when an e-mail
 * context word lifts that one to the maximum). Other addresses at taalim.ma stay EMAIL; scanning for EMAIL alone
 * reports the login as EMAIL.
 */
export const maMassar: Recognizer = {
  entity: 'MA_MASSAR',
  requiresContext: true,
  prefilter: /\d/,
  patterns: [
    {
      name: 'massar',
      regex: /(?<![\w@./\\-])[A-Z]\d{9}(?:@taalim\.ma)?(?![\w@])(?![.-]\w)/gi,
      score: 0.5,
    },
  ],
  context: [
    'massar',
    'code massar',
    'مسار',
    'رمز مسار',
    'رقم مسار',
    'منظومة مسار',
    'رمز التلميذ',
    'التلميذ',
    'تلميذ',
    'التلميذة',
    'الطالب',
    'المتمدرس',
    'élève',
    'code élève',
    'identifiant élève',
    'étudiant',
    'cne',
    'code national',
    "code national de l'étudiant",
    'tilmid',
    'tilmida',
    'student',
    'taalim',
  ],
  validate: (match) => (/@taalim\.ma$/i.test(match) ? true : undefined),
};
