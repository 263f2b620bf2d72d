import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fairnessInstruction } from './fairness-instruction.js';
import { LANGUAGE_LABELS } from './labels.js';

const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Words that carry each rule, per language the instruction is written in. */
const RULE_WORDS = {
  french: [
    'neutre',
    'nom',
    'région',
    'langue',
    'genre',
    'âge',
    'handicap',
    'origine',
    'religion',
    'même manière',
    'généralisation',
  ],
  english: [
    'neutral',
    'name',
    'region',
    'language',
    'gender',
    'age',
    'disability',
    'origin',
    'religion',
    'same way',
    'generalise',
  ],
  arabic: [
    'محايدة',
    'اسمه',
    'جهته',
    'لغته',
    'جنسه',
    'سنه',
    'إعاقة',
    'أصله',
    'دينه',
    'بالطريقة نفسها',
    'لا تعمم',
  ],
} as const;

describe('fairnessInstruction', () => {
  it('has an instruction for every language label', () => {
    for (const label of LANGUAGE_LABELS) assert.ok(fairnessInstruction(label).length > 0, label);
  });

  it('speaks Modern Standard Arabic, in Arabic script only, to MSA and Darija-in-Arabic readers', () => {
    for (const label of ['arb_Arab', 'ary_Arab']) {
      const text = fairnessInstruction(label);
      assert.match(text, ARABIC_LETTER, label);
      assert.doesNotMatch(text, LATIN_LETTER, label);
      for (const word of RULE_WORDS.arabic) assert.ok(text.includes(word), `${label}: ${word}`);
    }
  });

  it('speaks English to English readers', () => {
    const text = fairnessInstruction('eng_Latn');
    assert.doesNotMatch(text, ARABIC_LETTER);
    for (const word of RULE_WORDS.english) assert.ok(text.includes(word), word);
  });

  it('speaks French, in Latin script, to French, Arabizi and Tamazight readers', () => {
    for (const label of ['fra_Latn', 'ary_Latn', 'zgh_Latn', 'zgh_Tfng']) {
      const text = fairnessInstruction(label);
      assert.match(text, LATIN_LETTER, label);
      assert.doesNotMatch(text, ARABIC_LETTER, label);
      for (const word of RULE_WORDS.french) assert.ok(text.includes(word), `${label}: ${word}`);
    }
  });

  it('falls back to French for a missing or unknown label', () => {
    const french = fairnessInstruction('fra_Latn');
    for (const label of [undefined, null, '', 'und', 'deu_Latn', 'toString', '__proto__']) {
      assert.equal(fairnessInstruction(label), french, String(label));
    }
  });
});
