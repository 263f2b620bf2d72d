import { hmacHex } from './vault-crypto.js';

/**
 * How a person is named in storage: a keyed hash, under the tenant's `subject` key, of the pseudonymous subject
 * their login gives (an OpenID `sub`, or the OpenAI `user` field an application sends for its signed-in user).
 * Never the identifier itself, so the audit log and the rights registry hold nothing that names anyone, and a
 * subject of one tenant cannot be matched with another tenant's.
 */
export const subjectRef = (tenantSubjectKey: Uint8Array, loginSubject: string): string =>
  `sub_${hmacHex(tenantSubjectKey, `login-subject:${loginSubject}`).slice(0, 32)}`;
