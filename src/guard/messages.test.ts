import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGE_LABELS } from '../language/labels.js';
import { tifinaghToLatin } from '../language/transliterate/index.js';
import { defaultHelpResources, guardMessage } from './messages.js';
import { FORBIDDEN_ADVICE, GUARD_REASONS } from './types.js';

const TIFINAGH = /[\u2d30-\u2d7f]/u;
const PURPOSE = 'Renseigner les citoyens sur la carte nationale d’identité électronique.';

describe('guardMessage', () => {
  it('has a message for every reason in every language, each language its own', () => {
    for (const reason of GUARD_REASONS) {
      const texts = LANGUAGE_LABELS.map((label) => guardMessage(reason, label, {}));
      for (const text of texts) assert.ok(text.length > 20, `${reason}: ${text}`);
      assert.equal(new Set(texts).size, LANGUAGE_LABELS.length, reason);
    }
  });

  it('writes Latin-script Tamazight from the Tifinagh text', () => {
    for (const reason of GUARD_REASONS) {
      const latin = guardMessage(reason, 'zgh_Latn', {});
      const tifinagh = guardMessage(reason, 'zgh_Tfng', {});
      assert.ok(TIFINAGH.test(tifinagh), reason);
      assert.ok(!TIFINAGH.test(latin), reason);
      assert.equal(latin.toLowerCase(), tifinaghToLatin(tifinagh).toLowerCase(), reason);
    }
  });

  it('answers unknown or missing labels in French', () => {
    const french = guardMessage('out_of_scope', 'fra_Latn', {});
    for (const language of [undefined, null, 'und', 'deu_Latn']) {
      assert.equal(guardMessage('out_of_scope', language, {}), french);
    }
  });

  it('redirects out-of-scope requests to what the assistant is for, in every language', () => {
    for (const label of LANGUAGE_LABELS) {
      const text = guardMessage('out_of_scope', label, { purpose: PURPOSE });
      assert.ok(text.includes('carte nationale d’identité électronique'), `${label}: ${text}`);
      assert.ok(!text.includes('électronique..'), label);
    }
    // Without a registered purpose, the message names public services in general.
    assert.match(guardMessage('out_of_scope', 'fra_Latn', {}), /services de l’administration/);
    assert.match(guardMessage('out_of_scope', 'fra_Latn', { purpose: '  ' }), /services de l’administration/);
  });

  it('tells an injection or jailbreak attempt what the assistant can do instead', () => {
    for (const reason of ['prompt_injection', 'jailbreak', 'system_prompt_extraction'] as const) {
      assert.ok(
        guardMessage(reason, 'eng_Latn', { purpose: 'Help with AMO enrolment' }).includes('AMO enrolment'),
      );
    }
  });
});

describe('the self-harm message', () => {
  it('gives the Moroccan emergency numbers by default, in every language', () => {
    for (const label of LANGUAGE_LABELS) {
      const text = guardMessage('self_harm', label, {});
      for (const number of ['141', '15', '19', '177'])
        assert.match(text, new RegExp(`\\b${number}\\b`), label);
    }
  });

  it('gives the operator’s help resources instead when configured', () => {
    const text = guardMessage('self_harm', 'ary_Latn', {
      helpResources: [{ name: 'Ligne d’écoute de l’association', contact: '0800 00 00 00' }],
    });
    assert.ok(text.includes('0800 00 00 00 (Ligne d’écoute de l’association)'));
    assert.ok(!/\b177\b/.test(text));
  });

  it('cares rather than refuses', () => {
    assert.doesNotMatch(guardMessage('self_harm', 'fra_Latn', {}), /ne peut pas|interdit|refus/);
    assert.doesNotMatch(guardMessage('self_harm', 'eng_Latn', {}), /cannot|not allowed|refuse/);
    assert.match(guardMessage('self_harm', 'eng_Latn', {}), /not have to face it alone/);
  });
});

describe('the forbidden-advice message', () => {
  it('says whom to ask for each withheld advice', () => {
    const expected = {
      medical_diagnosis: 'médecin',
      prescription: 'pharmacien',
      credit_decision: 'banque',
      legal_verdict: 'avocat',
      administrative_decision: 'administration',
      grading_decision: 'établissement',
    } as const;
    for (const advice of FORBIDDEN_ADVICE) {
      assert.ok(guardMessage('forbidden_advice', 'fra_Latn', { advice }).includes(expected[advice]), advice);
    }
    assert.match(guardMessage('forbidden_advice', 'ary_Arab', { advice: 'prescription' }), /فرمسيان/);
  });

  it('still says whom to ask when the engine does not say which advice', () => {
    const general = guardMessage('forbidden_advice', 'fra_Latn', {});
    assert.match(general, /professionnel ou à l’administration concernée/);
  });
});

describe('defaultHelpResources', () => {
  it('names the emergency services in the reader’s language', () => {
    assert.deepEqual(defaultHelpResources('fra_Latn'), [
      { name: 'SAMU, urgences médicales', contact: '141' },
      { name: 'Protection civile', contact: '15' },
      { name: 'Police', contact: '19' },
      { name: 'Gendarmerie royale', contact: '177' },
    ]);
    assert.equal(defaultHelpResources('arb_Arab')[1]?.name, 'الوقاية المدنية');
    assert.ok(TIFINAGH.test(defaultHelpResources('zgh_Tfng')[1]!.name));
    assert.equal(defaultHelpResources('zgh_Latn')[1]?.name, 'lḥimaya lmadaniya');
  });
});
