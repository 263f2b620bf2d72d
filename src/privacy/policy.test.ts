import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { MizanError } from '../errors.js';
import { DEFAULT_PRIVACY_POLICY, operatorFor, parsePrivacyPolicy, PRIVACY_POLICY_INVALID } from './policy.js';
import { ENTITY_TYPES, SENSITIVE_TYPES } from './types.js';

const rejects = (input: unknown, key: string, message: RegExp) =>
  assert.throws(
    () => parsePrivacyPolicy(input),
    (error: unknown) => {
      assert.ok(error instanceof MizanError);
      assert.equal(error.code, PRIVACY_POLICY_INVALID);
      assert.equal(error.status, 400);
      assert.equal(error.param, key);
      assert.ok(error.message.includes(key), error.message);
      assert.match(error.message, message);
      return true;
    },
  );

describe('DEFAULT_PRIVACY_POLICY', () => {
  it('pseudonymizes every type, sensitive categories included, and blocks nothing', () => {
    for (const type of ENTITY_TYPES)
      assert.equal(operatorFor(DEFAULT_PRIVACY_POLICY, type), 'pseudonymize', type);
    for (const type of SENSITIVE_TYPES) assert.equal(DEFAULT_PRIVACY_POLICY.operators[type], 'pseudonymize');
    assert.equal(DEFAULT_PRIVACY_POLICY.defaultOperator, 'pseudonymize');
  });
});

describe('parsePrivacyPolicy', () => {
  it('reads a YAML policy file', () => {
    const policy = parsePrivacyPolicy(
      parseYaml(
        'operators:\n  MA_CIN: block\n  EMAIL: redact\n  PERSON: hash\ndefault_operator: allow\nthreshold: 0.6\n',
      ),
    );
    assert.deepEqual(policy, {
      operators: { MA_CIN: 'block', EMAIL: 'redact', PERSON: 'hash' },
      defaultOperator: 'allow',
      threshold: 0.6,
    });
    assert.equal(operatorFor(policy, 'MA_PHONE'), 'allow');
  });

  it('reads a PrivacyPolicy serialized as JSON', () => {
    const policy = parsePrivacyPolicy(JSON.parse(JSON.stringify(DEFAULT_PRIVACY_POLICY)));
    assert.deepEqual(policy, {
      ...DEFAULT_PRIVACY_POLICY,
      operators: { ...DEFAULT_PRIVACY_POLICY.operators },
    });
  });

  it('gives the default policy for an empty file', () => {
    for (const empty of [{}, null, undefined]) {
      const policy = parsePrivacyPolicy(empty);
      for (const type of ENTITY_TYPES) assert.equal(operatorFor(policy, type), 'pseudonymize');
    }
  });

  it('applies the file default operator to the types it does not list', () => {
    const policy = parsePrivacyPolicy({ default_operator: 'redact' });
    assert.equal(operatorFor(policy, 'MA_CIN'), 'redact');
  });

  it('names the key of an unknown operator', () => {
    rejects({ operators: { MA_CIN: 'encrypt' } }, 'operators.MA_CIN', /must be one of allow, redact/);
  });

  it('names the key of an unknown entity type', () => {
    rejects({ operators: { CIN: 'redact' } }, 'operators.CIN', /unknown entity type/);
  });

  it('names unknown top-level keys, bad thresholds and a bad default', () => {
    rejects({ operator: {} }, '(top level)', /unknown key\(s\): operator/);
    rejects({ threshold: 2 }, 'threshold', /./);
    rejects({ default_operator: 'drop' }, 'default_operator', /must be one of/);
    rejects({ operators: ['MA_CIN'] }, 'operators', /./);
    rejects({ default_operator: 'allow', defaultOperator: 'redact' }, 'defaultOperator', /not both/);
  });
});
