import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import {
  applyOperators,
  HASH_HEX_LENGTH,
  OPERATORS,
  PERSONAL_DATA_BLOCKED,
  PRIVACY_ENTITIES_INVALID,
  PRIVACY_HASH_KEY_MISSING,
} from './operators.js';
import { DEFAULT_PRIVACY_POLICY, OPERATOR_NAMES, type OperatorName, type PrivacyPolicy } from './policy.js';
import type { Entity, EntityType } from './types.js';
import { ConversationVault } from './vault.js';
import { deriveTenantKeys } from './vault-crypto.js';

/** Hand-made entities: each (type, value) is located in `text` in order, as a detector would report it. */
const entitiesIn = (
  text: string,
  spans: ReadonlyArray<readonly [EntityType, string]>,
  score = 0.9,
): Entity[] => {
  let from = 0;
  return spans.map(([type, value]) => {
    const start = text.indexOf(value, from);
    assert.ok(start >= 0, `${value} is not in the text after ${from}`);
    from = start + value.length;
    return {
      type,
      start,
      end: from,
      text: value,
      score,
      explanation: { recognizer: type, pattern: 'test', baseScore: score },
    };
  });
};

const policyOf = (operators: PrivacyPolicy['operators'], defaultOperator: OperatorName = 'pseudonymize') => ({
  operators,
  defaultOperator,
});

const hashKey = deriveTenantKeys(Buffer.alloc(32, 7), 'ten_a').hash;

describe('operators', () => {
  const text = 'Je suis Amina Alaoui, CIN BK482913, tél 0612345678.';
  const spans = [
    ['PERSON', 'Amina Alaoui'],
    ['MA_CIN', 'BK482913'],
    ['MA_PHONE', '0612345678'],
  ] as const;

  it('registers one operator per name', () => {
    assert.deepEqual(Object.keys(OPERATORS).sort(), [...OPERATOR_NAMES].sort());
    for (const name of OPERATOR_NAMES) assert.equal(OPERATORS[name].name, name);
  });

  it('leaves the text unchanged when the operator is allow', () => {
    const result = applyOperators(
      text,
      entitiesIn(text, spans),
      policyOf({}, 'allow'),
      new ConversationVault(),
    );
    assert.equal(result.text, text);
    assert.deepEqual(result.counts, { PERSON: { allow: 1 }, MA_CIN: { allow: 1 }, MA_PHONE: { allow: 1 } });
  });

  it('writes the type label when the operator is redact', () => {
    const vault = new ConversationVault();
    const result = applyOperators(text, entitiesIn(text, spans), policyOf({}, 'redact'), vault);
    assert.equal(result.text, 'Je suis ⟦PERSON⟧, CIN ⟦MA_CIN⟧, tél ⟦MA_PHONE⟧.');
    assert.equal(vault.size, 0);
  });

  it('writes numbered tokens from the vault when the operator is pseudonymize', () => {
    const vault = new ConversationVault();
    const result = applyOperators(text, entitiesIn(text, spans), DEFAULT_PRIVACY_POLICY, vault);
    assert.equal(result.text, 'Je suis ⟦PERSON_1⟧, CIN ⟦MA_CIN_1⟧, tél ⟦MA_PHONE_1⟧.');
    assert.equal(vault.valueOf('⟦MA_CIN_1⟧'), 'BK482913');
    assert.deepEqual(result.applied, [
      { type: 'PERSON', operator: 'pseudonymize' },
      { type: 'MA_CIN', operator: 'pseudonymize' },
      { type: 'MA_PHONE', operator: 'pseudonymize' },
    ]);
  });

  it('numbers tokens per type in order of first appearance', () => {
    const two = 'CIN BK482913, puis CIN J456789, puis encore BK482913 et Youssef.';
    const entities = entitiesIn(two, [
      ['MA_CIN', 'BK482913'],
      ['MA_CIN', 'J456789'],
      ['MA_CIN', 'BK482913'],
      ['PERSON', 'Youssef'],
    ]);
    const result = applyOperators(two, entities, DEFAULT_PRIVACY_POLICY, new ConversationVault());
    assert.equal(result.text, 'CIN ⟦MA_CIN_1⟧, puis CIN ⟦MA_CIN_2⟧, puis encore ⟦MA_CIN_1⟧ et ⟦PERSON_1⟧.');
    assert.deepEqual(result.counts, { MA_CIN: { pseudonymize: 3 }, PERSON: { pseudonymize: 1 } });
  });

  it('writes a 12-hex HMAC under the tenant key when the operator is hash', () => {
    const result = applyOperators(
      text,
      entitiesIn(text, spans),
      policyOf({}, 'hash'),
      new ConversationVault(),
      {
        hashKey,
      },
    );
    const match = /CIN ⟦MA_CIN:([0-9a-f]+)⟧/.exec(result.text);
    assert.ok(match, result.text);
    assert.equal(match[1]!.length, HASH_HEX_LENGTH);
    assert.ok(!result.text.includes('BK482913'));

    const otherTenant = deriveTenantKeys(Buffer.alloc(32, 7), 'ten_b').hash;
    const other = applyOperators(
      text,
      entitiesIn(text, spans),
      policyOf({}, 'hash'),
      new ConversationVault(),
      {
        hashKey: otherTenant,
      },
    );
    assert.notEqual(other.text, result.text);
  });

  it('refuses to hash without the tenant hash key', () => {
    assert.throws(
      () => applyOperators(text, entitiesIn(text, spans), policyOf({}, 'hash'), new ConversationVault()),
      (error: unknown) => error instanceof MizanError && error.code === PRIVACY_HASH_KEY_MISSING,
    );
  });

  it('throws personal_data_blocked naming the type and never the value when the operator is block', () => {
    const vault = new ConversationVault();
    assert.throws(
      () => applyOperators(text, entitiesIn(text, spans), policyOf({ MA_CIN: 'block' }), vault),
      (error: unknown) => {
        assert.ok(error instanceof MizanError);
        assert.equal(error.code, PERSONAL_DATA_BLOCKED);
        assert.equal(error.status, 422);
        assert.match(error.message, /MA_CIN/);
        assert.ok(!error.message.includes('BK482913'));
        assert.ok(!JSON.stringify(error.toJSON()).includes('BK482913'));
        return true;
      },
    );
    // Nothing was pseudonymized before the refusal.
    assert.equal(vault.size, 0);
  });

  it('names every blocked type when several are blocked', () => {
    assert.throws(
      () =>
        applyOperators(
          text,
          entitiesIn(text, spans),
          policyOf({ MA_CIN: 'block', PERSON: 'block' }),
          new ConversationVault(),
        ),
      /PERSON, MA_CIN/,
    );
  });

  it('mixes operators per type and falls back to the default operator', () => {
    const policy = policyOf({ MA_PHONE: 'redact', PERSON: 'allow' }, 'pseudonymize');
    const result = applyOperators(text, entitiesIn(text, spans), policy, new ConversationVault());
    assert.equal(result.text, 'Je suis Amina Alaoui, CIN ⟦MA_CIN_1⟧, tél ⟦MA_PHONE⟧.');
    assert.deepEqual(result.counts, {
      PERSON: { allow: 1 },
      MA_CIN: { pseudonymize: 1 },
      MA_PHONE: { redact: 1 },
    });
  });

  it('leaves entities below the policy threshold alone', () => {
    const entities = entitiesIn(text, spans).map((e) => (e.type === 'PERSON' ? { ...e, score: 0.3 } : e));
    const result = applyOperators(
      text,
      entities,
      { ...DEFAULT_PRIVACY_POLICY, threshold: 0.5 },
      new ConversationVault(),
    );
    assert.equal(result.text, 'Je suis Amina Alaoui, CIN ⟦MA_CIN_1⟧, tél ⟦MA_PHONE_1⟧.');
    assert.equal(result.counts.PERSON, undefined);
  });

  it('accepts entities in any order and replaces at the original offsets', () => {
    const result = applyOperators(
      text,
      entitiesIn(text, spans).reverse(),
      policyOf({}, 'redact'),
      new ConversationVault(),
    );
    assert.equal(result.text, 'Je suis ⟦PERSON⟧, CIN ⟦MA_CIN⟧, tél ⟦MA_PHONE⟧.');
  });

  it('fails closed when entities overlap, leave the text, or do not match it', () => {
    const [person, cin] = entitiesIn(text, spans);
    const bad: Entity[][] = [
      [person!, { ...cin!, start: person!.end - 1 }],
      [{ ...cin!, end: text.length + 1 }],
      [{ ...cin!, text: 'AB000000' }],
      [{ ...cin!, start: cin!.end }],
    ];
    for (const entities of bad) {
      assert.throws(
        () => applyOperators(text, entities, DEFAULT_PRIVACY_POLICY, new ConversationVault()),
        (error: unknown) => error instanceof MizanError && error.code === PRIVACY_ENTITIES_INVALID,
      );
    }
  });

  it('keeps Arabic text around the spans intact', () => {
    const arabic = 'سميتي فاطمة الزهراء، رقم البطاقة \u200eAB123456\u200e والهاتف ٠٦١٢٣٤٥٦٧٨';
    const entities = entitiesIn(arabic, [
      ['PERSON', 'فاطمة الزهراء'],
      ['MA_CIN', 'AB123456'],
      ['MA_PHONE', '٠٦١٢٣٤٥٦٧٨'],
    ]);
    const vault = new ConversationVault();
    const result = applyOperators(arabic, entities, DEFAULT_PRIVACY_POLICY, vault);
    assert.equal(result.text, 'سميتي ⟦PERSON_1⟧، رقم البطاقة \u200e⟦MA_CIN_1⟧\u200e والهاتف ⟦MA_PHONE_1⟧');
    // The Eastern Arabic writing of the number is the same phone as its Western writing.
    assert.equal(vault.tokenFor('MA_PHONE', '06 12 34 56 78'), '⟦MA_PHONE_1⟧');
  });
});

describe('pseudonymize across messages', () => {
  it('gives the same token to the same value in every message of one conversation', () => {
    const vault = new ConversationVault();
    const first = 'Mon numéro est 06 12 34 56 78 et ma CIN bk482913.';
    const second = 'Rappelez le 0612345678 pour la CIN BK 482913, ou le +212 6-12-34-56-78.';
    const a = applyOperators(
      first,
      entitiesIn(first, [
        ['MA_PHONE', '06 12 34 56 78'],
        ['MA_CIN', 'bk482913'],
      ]),
      DEFAULT_PRIVACY_POLICY,
      vault,
    );
    const b = applyOperators(
      second,
      entitiesIn(second, [
        ['MA_PHONE', '0612345678'],
        ['MA_CIN', 'BK 482913'],
        ['MA_PHONE', '+212 6-12-34-56-78'],
      ]),
      DEFAULT_PRIVACY_POLICY,
      vault,
    );
    assert.equal(a.text, 'Mon numéro est ⟦MA_PHONE_1⟧ et ma CIN ⟦MA_CIN_1⟧.');
    assert.equal(b.text, 'Rappelez le ⟦MA_PHONE_1⟧ pour la CIN ⟦MA_CIN_1⟧, ou le ⟦MA_PHONE_1⟧.');
    assert.equal(vault.size, 2);
    // The value restored is the first writing the user used.
    assert.equal(vault.valueOf('⟦MA_PHONE_1⟧'), '06 12 34 56 78');
  });

  it('never shares tokens or values between two conversations', () => {
    const one = new ConversationVault();
    const two = new ConversationVault();
    const textOne = 'CIN BK482913';
    const textTwo = 'CIN J456789';
    applyOperators(textOne, entitiesIn(textOne, [['MA_CIN', 'BK482913']]), DEFAULT_PRIVACY_POLICY, one);
    const b = applyOperators(
      textTwo,
      entitiesIn(textTwo, [['MA_CIN', 'J456789']]),
      DEFAULT_PRIVACY_POLICY,
      two,
    );
    // Both conversations number from 1, and each token means its own conversation's value only.
    assert.equal(b.text, 'CIN ⟦MA_CIN_1⟧');
    assert.equal(one.valueOf('⟦MA_CIN_1⟧'), 'BK482913');
    assert.equal(two.valueOf('⟦MA_CIN_1⟧'), 'J456789');
    assert.ok(two.entries().every((entry) => entry.value !== 'BK482913'));
  });
});
