import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../errors.js';
import type { EntityType } from './types.js';
import { canonicalValue, ConversationVault, formatPseudonym, parsePseudonym } from './vault.js';

describe('canonicalValue', () => {
  const sameValue: ReadonlyArray<readonly [EntityType, string, string]> = [
    ['MA_PHONE', '06 12 34 56 78', '0612345678'],
    ['MA_PHONE', '06.12.34.56.78', '0612345678'],
    ['MA_PHONE', '+212 6 12 34 56 78', '0612345678'],
    ['MA_PHONE', '00212612345678', '0612345678'],
    ['MA_PHONE', '+212 (0)6 12 34 56 78', '0612345678'],
    ['MA_PHONE', '٠٦١٢٣٤٥٦٧٨', '0612345678'],
    ['MA_PHONE', '06\u200e12\u200f34\u061c5678', '0612345678'],
    ['MA_RIB', '011 519 0000012050005349 21', '011519000001205000534921'],
    ['PAYMENT_CARD', '4111-1111-1111-1111', '4111111111111111'],
    ['MA_ICE', '۰۰۱۵۶۱۱۹۱۰۰۰۰۶۶', '001561191000066'],
    ['MA_CIN', 'bk 482913', 'BK482913'],
    ['MA_CIN', 'ＢＫ４８２９１３', 'BK482913'],
    ['IBAN', 'ma64 0115 1900 0001 2050 0053 4921', 'MA640115190000012050005349 21'.replace(' ', '')],
    ['EMAIL', ' Amina.Alaoui@Gmail.com ', 'amina.alaoui@gmail.com'],
    ['PERSON', '  Amina   ALAOUI ', 'amina alaoui'],
    ['PERSON', 'مُحَمَّد  العلوي', 'محمد العلوي'],
    ['MA_PLATE', '12345-أ-6', '12345أ6'],
  ];
  for (const [type, writing, canonical] of sameValue) {
    it(`reads ${JSON.stringify(writing)} as ${canonical} for ${type}`, () => {
      assert.equal(canonicalValue(type, writing), canonical);
    });
  }

  it('compares a span with nothing the rule keeps as written', () => {
    assert.equal(canonicalValue('MA_PHONE', 'n/a'), 'n/a');
    assert.notEqual(canonicalValue('MA_CIN', '--'), canonicalValue('MA_CIN', '//'));
  });

  it('keeps different values apart', () => {
    assert.notEqual(canonicalValue('MA_PHONE', '0612345678'), canonicalValue('MA_PHONE', '0612345679'));
    assert.notEqual(canonicalValue('PERSON', 'Amina Alaoui'), canonicalValue('PERSON', 'Amina Alami'));
  });
});

describe('pseudonym format', () => {
  it('parses what it formats and nothing else', () => {
    assert.deepEqual(parsePseudonym(formatPseudonym('SENSITIVE_ETHNIC_ORIGIN', 12)), {
      type: 'SENSITIVE_ETHNIC_ORIGIN',
      n: 12,
    });
    for (const other of [
      '⟦MA_CIN⟧',
      '⟦MA_CIN:abc⟧',
      '⟦NOT_A_TYPE_1⟧',
      '⟦MA_CIN_0⟧',
      '[MA_CIN_1]',
      '⟦MA_CIN_1⟧ ',
    ]) {
      assert.equal(parsePseudonym(other), undefined, other);
    }
  });
});

describe('ConversationVault', () => {
  it('creates tokens on first appearance and answers for them only', () => {
    const vault = new ConversationVault();
    assert.equal(vault.tokenFor('PERSON', 'Amina'), '⟦PERSON_1⟧');
    assert.equal(vault.tokenFor('PERSON', 'Youssef'), '⟦PERSON_2⟧');
    assert.equal(vault.tokenFor('PERSON', 'amina'), '⟦PERSON_1⟧');
    assert.equal(vault.size, 2);
    assert.equal(vault.valueOf('⟦PERSON_2⟧'), 'Youssef');
    assert.equal(vault.has('⟦PERSON_3⟧'), false);
    assert.equal(vault.valueOf('⟦PERSON_3⟧'), undefined);
    assert.deepEqual(
      vault.entries().map((entry) => entry.token),
      ['⟦PERSON_1⟧', '⟦PERSON_2⟧'],
    );
  });

  it('gives one value of two types two tokens', () => {
    const vault = new ConversationVault();
    assert.equal(vault.tokenFor('MA_CNSS', '123456789'), '⟦MA_CNSS_1⟧');
    assert.equal(vault.tokenFor('MA_ICE', '123456789'), '⟦MA_ICE_1⟧');
  });

  it('continues numbering after persisted entries', () => {
    const vault = new ConversationVault(
      [
        { token: '⟦MA_CIN_1⟧', type: 'MA_CIN', value: 'BK482913' },
        { token: '⟦MA_CIN_4⟧', type: 'MA_CIN', value: 'J456789' },
      ],
      { tenantId: 'ten_a', conversationId: 'c1' },
    );
    assert.equal(vault.tokenFor('MA_CIN', 'j456789'), '⟦MA_CIN_4⟧');
    assert.equal(vault.tokenFor('MA_CIN', 'AB123456'), '⟦MA_CIN_5⟧');
    assert.equal(vault.tokenFor('PERSON', 'Amina'), '⟦PERSON_1⟧');
    assert.deepEqual(vault.scope, { tenantId: 'ten_a', conversationId: 'c1' });
  });

  it('refuses persisted entries that are not pseudonyms of their type, or repeat a token', () => {
    const bad = [
      [{ token: '⟦MA_CIN_1⟧', type: 'PERSON', value: 'x' }],
      [{ token: 'MA_CIN_1', type: 'MA_CIN', value: 'x' }],
      [
        { token: '⟦MA_CIN_1⟧', type: 'MA_CIN', value: 'x' },
        { token: '⟦MA_CIN_1⟧', type: 'MA_CIN', value: 'y' },
      ],
    ] as const;
    for (const entries of bad) {
      assert.throws(() => new ConversationVault(entries), MizanError);
    }
  });

  it('tracks its longest token', () => {
    const vault = new ConversationVault();
    assert.equal(vault.longestTokenLength, 0);
    vault.tokenFor('MA_CIN', 'BK482913');
    vault.tokenFor('SENSITIVE_HEALTH', 'diabétique');
    assert.equal(vault.longestTokenLength, '⟦SENSITIVE_HEALTH_1⟧'.length);
  });
});
