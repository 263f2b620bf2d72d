import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMizanError } from '../../errors.js';
import { scan } from '../scan.js';
import { loginSubjectRef, MAX_LOGIN_SUBJECT_LENGTH } from './login-subject.js';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

const refuses = (user: string) =>
  assert.throws(
    () => loginSubjectRef(KEY, user, scan),
    (error) =>
      isMizanError(error) &&
      error.code === 'invalid_user' &&
      error.status === 400 &&
      !error.message.includes(user),
  );

describe('loginSubjectRef with the default recognizers', () => {
  for (const user of [
    'oidc-sub-123',
    '110169484474386276334',
    'auth0|5f7c8ec7c33c6c004bbafe82',
    'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  ]) {
    it(`names ${user} by a keyed pseudonym`, () => {
      const ref = loginSubjectRef(KEY, user, scan);
      assert.match(ref, /^sub_[0-9a-f]{32}$/);
      assert.equal(loginSubjectRef(KEY, user, scan), ref, 'stable');
      assert.notEqual(loginSubjectRef(OTHER_KEY, user, scan), ref, 'another tenant cannot match it');
    });
  }

  for (const user of [
    'BK482913',
    '0612345678',
    '+212 6 12 34 56 78',
    'citoyen@example.ma',
    'Mohammed Alaoui',
    '  ',
  ]) {
    it(`refuses ${JSON.stringify(user)} without echoing it`, () => refuses(user));
  }

  it('refuses a subject longer than an OpenID sub can be', () => {
    loginSubjectRef(KEY, 'x'.repeat(MAX_LOGIN_SUBJECT_LENGTH), scan);
    refuses('x'.repeat(MAX_LOGIN_SUBJECT_LENGTH + 1));
  });
});
