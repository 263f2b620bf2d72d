import { errors } from '../../errors.js';
import { subjectRef } from '../subject-ref.js';
import type { Entity } from '../types.js';

/** Longer than any OpenID `sub` (255 ASCII characters at most, OpenID Connect Core §2) needs. */
export const MAX_LOGIN_SUBJECT_LENGTH = 256;

/**
 * The storage name (`subjectRef`) of the person an application names in OpenAI's `user`: the pseudonymous subject
 * of their login. Refuses, with 400 `invalid_user`, a value that is blank, too long, or holds personal data (a CIN,
 * a phone number, an e-mail address…): people are identified by a pairwise pseudonym, not by an identifier
 * (CNDP opinion D-120-2020, LAW.md R15). Only the types found are named, never the value.
 */
export function loginSubjectRef(
  tenantSubjectKey: Uint8Array,
  user: string,
  scan: (text: string) => Entity[],
): string {
  if (user.trim() === '') throw errors.invalidRequest('invalid_user', '`user` is empty', 'user');
  if (user.length > MAX_LOGIN_SUBJECT_LENGTH) {
    throw errors.invalidRequest(
      'invalid_user',
      `\`user\` is longer than ${MAX_LOGIN_SUBJECT_LENGTH} characters: send the pseudonymous subject of the user's login (the OpenID \`sub\`)`,
      'user',
    );
  }
  const found = [...new Set(scan(user).map((entity) => entity.type))];
  if (found.length > 0) {
    throw errors.invalidRequest(
      'invalid_user',
      `\`user\` looks like personal data (${found.join(', ')}): send the pseudonymous subject of the user's login (the OpenID \`sub\`), never an identifier such as a CIN, a phone number or an e-mail address`,
      'user',
    );
  }
  return subjectRef(tenantSubjectKey, user);
}
