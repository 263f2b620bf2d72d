import type { Candidate, Recognizer } from '../types.js';

/**
 * E-mail addresses. Found from each "@" outwards (local part up to 64 characters back, then a domain with a
 * letters-only top-level label), so the cost is bounded per "@" and long runs of letters cost nothing.
 * Student logins at taalim.ma are also reported by MA_MASSAR, which wins on that span (see ma-massar.ts).
 */

const LOCAL_CHAR = /[A-Za-z0-9._%+\-\u00C0-\u024F]/;
const LOCAL_MAX = 64;
const DOMAIN =
  /[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;

export const EMAIL_SCORE = 0.9;

export function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  let at = text.indexOf('@');
  let lastEnd = 0;
  while (at !== -1) {
    let start = at;
    while (start > lastEnd && at - start < LOCAL_MAX + 1 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    const tooLong = at - start > LOCAL_MAX || (start > lastEnd && LOCAL_CHAR.test(text.charAt(start - 1)));
    while (start < at && text.charAt(start) === '.') start++;
    DOMAIN.lastIndex = at + 1;
    const domain = !tooLong && start < at && text.charAt(at - 1) !== '.' ? DOMAIN.exec(text) : null;
    if (domain) {
      const end = at + 1 + domain[0].length;
      out.push({ start, end, score: EMAIL_SCORE, pattern: 'email' });
      lastEnd = end;
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return out;
}

export const email: Recognizer = {
  entity: 'EMAIL',
  patterns: [],
  find: findEmails,
  context: [
    'email',
    'e-mail',
    'mail',
    'courriel',
    'adresse électronique',
    'adresse mail',
    'البريد الإلكتروني',
    'البريد الالكتروني',
    'الإيميل',
    'ايميل',
    'لإيميل',
    'imail',
    'lmail',
  ],
};
