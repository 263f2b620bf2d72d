import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { email, findEmails } from './email.js';
import { assertFinds, assertNothing, withInvisible } from './test-support.js';

const VALID: [string, string][] = [
  ['Mon email est ahmed.benali@gmail.com.', 'ahmed.benali@gmail.com'],
  ['Écrivez à f.zahra+cndp@menara.ma', 'f.zahra+cndp@menara.ma'],
  ['البريد الإلكتروني: karim_99@um5.ac.ma', 'karim_99@um5.ac.ma'],
  ['imail dyali salma.el-idrissi@yahoo.fr 3afak', 'salma.el-idrissi@yahoo.fr'],
  ['(contact@service-public.gov.ma)', 'contact@service-public.gov.ma'],
  ['mailto:Prenom.Nom@EXAMPLE.MA', 'Prenom.Nom@EXAMPLE.MA'],
  ['adresse: hélène.durand@orange.fr', 'hélène.durand@orange.fr'],
];

const INVALID: string[] = [
  'écrivez à user@ ou @domain.com',
  'a@b',
  'réunion @ 14h30',
  'user@domain.c0m',
  'x.@example.com',
];

describe('EMAIL recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(email, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(email, text));
  }

  it('finds consecutive addresses separately', () => {
    const text = 'a@x.ma,b@y.ma c@z.ma';
    assert.deepEqual(
      findEmails(text).map((c) => text.slice(c.start, c.end)),
      ['a@x.ma', 'b@y.ma', 'c@z.ma'],
    );
  });

  it('ignores a local part longer than 64 characters', () => {
    assertNothing(email, `${'a'.repeat(65)}@example.com`);
  });

  it('finds an address with a zero-width space inside', () => {
    const marked = withInvisible('ahmed@gmail.com', 5);
    assertFinds(email, `mail: ${marked}`, marked);
  });
});
