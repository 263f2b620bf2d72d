import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PEOPLE_AFFECTED } from '../register/use-case.js';
import {
  dimensions,
  loadQuestionnaire,
  parseQuestionnaire,
  questionnaireVersions,
  type Question,
} from './questionnaire.js';

const shippedV1 = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL('./questionnaires/ethical-risk-v1.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

const question = (id: string): Question => {
  const found = loadQuestionnaire().questions.find((q) => q.id === id);
  assert.ok(found, `question ${id}`);
  return found;
};

describe('risk questionnaire loading', () => {
  it('publishes version 1 of the ethical risk questionnaire, the latest by default', () => {
    assert.deepEqual(questionnaireVersions(), [1]);
    const latest = loadQuestionnaire();
    assert.equal(latest.id, 'ethical-risk');
    assert.equal(latest.version, 1);
    assert.equal(latest.published, '2026-11-24');
    assert.equal(loadQuestionnaire(1), latest);
  });

  it('covers every dimension, in French, English and Arabic', () => {
    const q = loadQuestionnaire();
    assert.deepEqual(new Set(q.questions.map((qu) => qu.dimension)), new Set(dimensions));
    for (const qu of q.questions) {
      for (const text of [qu.text, ...qu.options.map((o) => o.text)]) {
        assert.match(text.ar, /[\u0600-\u06FF]/, `${qu.id}: Arabic text in Arabic script`);
        assert.notEqual(text.fr, text.en, `${qu.id}: French differs from English`);
      }
    }
  });

  it('classifies each use as LAW.md does', () => {
    const classification = Object.fromEntries(
      question('use').options.map((o) => [
        o.id,
        o.prohibited ? 'prohibited' : (o.minimum_tier ?? 'by score'),
      ]),
    );
    assert.deepEqual(classification, {
      administrative_information: 'limited',
      tutoring: 'limited',
      grading_placement: 'high',
      benefit_eligibility: 'high',
      health_information: 'limited',
      health_triage: 'high',
      financial_education: 'limited',
      credit_scoring: 'high',
      social_scoring: 'prohibited',
      emotion_recognition: 'prohibited',
      remote_biometric_identification: 'prohibited',
      manipulation: 'prohibited',
      internal_drafting: 'by score',
      other: 'by score',
    });
  });

  it('offers the autonomy, impact, data and scale answers the assessment relies on', () => {
    const ids = (id: string) => question(id).options.map((o) => o.id);
    assert.deepEqual(ids('autonomy'), ['advice', 'draft_for_agent', 'decision']);
    assert.deepEqual(ids('impact_on_rights'), [
      'none',
      'access_to_information',
      'access_to_service',
      'legal_effect',
    ]);
    assert.deepEqual(ids('scale'), ['one_office', 'regional', 'national']);
    for (const id of ['none', 'identifiers', 'cin', 'sensitive', 'offences'])
      assert.ok(ids('data_sensitivity').includes(id));
    assert.equal(question('vulnerability').kind, 'multiple');
    assert.equal(question('data_sensitivity').kind, 'multiple');
  });

  it('has a vulnerability answer for every category of people the use-case register knows', () => {
    const options = question('vulnerability').options.map((o) => o.id);
    assert.deepEqual(
      PEOPLE_AFFECTED.filter((p) => !options.includes(p)),
      [],
    );
  });

  it('refuses an unknown version with a 400', () => {
    assert.throws(() => loadQuestionnaire(99), {
      code: 'questionnaire_version_unknown',
      status: 400,
      param: 'questionnaireVersion',
      message: /version 99 does not exist; published versions: 1/,
    });
  });
});

describe('questionnaire validation', () => {
  it('accepts the shipped file', () => {
    assert.equal(parseQuestionnaire(shippedV1()).version, 1);
  });

  const refusals: [string, (q: Record<string, unknown>) => void, RegExp][] = [
    ['a missing translation', (q) => delete questionsOf(q)[0]!.text.ar, /text\.ar/],
    ['a score above 3', (q) => (optionsOf(q, 0)[0]!.score = 4), /score/],
    [
      'a repeated option id',
      (q) => optionsOf(q, 0).push(optionsOf(q, 0)[0]!),
      /option id 'administrative_information' is repeated/,
    ],
    [
      'a repeated question id',
      (q) => questionsOf(q).push(questionsOf(q)[0]!),
      /question id 'use' is repeated/,
    ],
    [
      'an uncovered dimension',
      (q) => (q.questions = questionsOf(q).filter((qu) => qu.id !== 'scale')),
      /dimension 'scale'/,
    ],
    [
      'thresholds in the wrong order',
      (q) => (q.thresholds = { limited: 10, high: 3 }),
      /limited must be below high/,
    ],
    ['an exclusive single-choice option', (q) => (optionsOf(q, 0)[0]!.exclusive = true), /multiple-choice/],
    [
      'a prohibited option with a tier',
      (q) => (optionsOf(q, 0)[8]!.minimum_tier = 'high'),
      /prohibited option has no minimum tier/,
    ],
    [
      'a rule naming an unknown option',
      (q) => (rulesOf(q)[0]!.when = { autonomy: ['autopilot'] }),
      /'autonomy' has no option 'autopilot'/,
    ],
    [
      'a contradiction naming an unknown question',
      (q) => (contradictionsOf(q)[0]!.if = { mood: ['happy'] }),
      /unknown question 'mood'/,
    ],
    ['an unknown field', (q) => (q.draft = true), /draft/],
    ['a malformed date', (q) => (q.published = '24/11/2026'), /published/],
  ];
  for (const [what, spoil, message] of refusals) {
    it(`refuses ${what}`, () => {
      const q = shippedV1();
      spoil(q);
      assert.throws(() => parseQuestionnaire(q, 'ethical-risk-v1.json'), {
        code: 'questionnaire_invalid',
        status: 500,
        message: new RegExp(
          `^ethical-risk-v1\\.json is not a valid risk questionnaire:[^]*${message.source}`,
        ),
      });
    });
  }
});

interface RawQuestion {
  id: string;
  text: Record<string, string>;
  options: Record<string, unknown>[];
}
const questionsOf = (q: Record<string, unknown>) => q.questions as RawQuestion[];
const optionsOf = (q: Record<string, unknown>, index: number) => questionsOf(q)[index]!.options;
const rulesOf = (q: Record<string, unknown>) => q.tier_rules as Record<string, unknown>[];
const contradictionsOf = (q: Record<string, unknown>) => q.contradictions as Record<string, unknown>[];
