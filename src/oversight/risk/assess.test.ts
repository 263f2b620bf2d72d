import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessRisk, type RegisterFacts, type RiskAnswers } from './assess.js';
import { controlsFor } from './controls.js';

const internalDrafting: RiskAnswers = {
  use: 'internal_drafting',
  autonomy: 'draft_for_agent',
  impact_on_rights: 'none',
  vulnerability: ['agents'],
  data_sensitivity: ['none'],
  scale: 'one_office',
};

const administrativeInformation: RiskAnswers = {
  use: 'administrative_information',
  autonomy: 'advice',
  impact_on_rights: 'access_to_information',
  vulnerability: ['general_public'],
  data_sensitivity: ['identifiers'],
  scale: 'national',
};

const benefitEligibility: RiskAnswers = {
  use: 'benefit_eligibility',
  autonomy: 'decision',
  impact_on_rights: 'access_to_service',
  vulnerability: ['beneficiaries', 'elderly'],
  data_sensitivity: ['identifiers', 'cin'],
  scale: 'national',
};

const healthTriage: RiskAnswers = {
  use: 'health_triage',
  autonomy: 'draft_for_agent',
  impact_on_rights: 'access_to_service',
  vulnerability: ['patients'],
  data_sensitivity: ['identifiers', 'sensitive'],
  scale: 'regional',
};

const socialScoring: RiskAnswers = {
  use: 'social_scoring',
  autonomy: 'decision',
  impact_on_rights: 'legal_effect',
  vulnerability: ['general_public'],
  data_sensitivity: ['identifiers', 'cin'],
  scale: 'national',
};

const assess = (answers: RiskAnswers, facts?: RegisterFacts) => assessRisk({ answers }, facts);

describe('risk tiers', () => {
  it('places internal drafting for agents, with no personal data, in the minimal tier', () => {
    const result = assess(internalDrafting);
    assert.equal(result.tier, 'minimal');
    assert.deepEqual(result.questionnaire, { id: 'ethical-risk', version: 1 });
    assert.deepEqual(result.scores, {
      impact_on_rights: 0,
      autonomy: 1,
      vulnerability: 0,
      data_sensitivity: 0,
      scale: 0,
      use: 0,
    });
    assert.equal(result.total, 1);
    assert.deepEqual(result.reasons, ['the total score 1 is below the limited-risk threshold (3)']);
    assert.deepEqual(result.controls, controlsFor('minimal'));
  });

  it('places administrative information in the limited tier, saying why', () => {
    const result = assess(administrativeInformation);
    assert.equal(result.tier, 'limited');
    assert.equal(result.total, 6);
    assert.equal(result.reasons.length, 2);
    assert.match(
      result.reasons[0]!,
      /^use 'administrative_information' \(Administrative information.*\) is limited risk/,
    );
    assert.match(result.reasons[1]!, /total score 6 reaches the limited-risk threshold \(3\)/);
    assert.equal(result.controls.transparencyNotice, true);
    assert.equal(result.controls.humanReview, 'none');
  });

  it('places a benefit eligibility check that decides in the high tier', () => {
    const result = assess(benefitEligibility);
    assert.equal(result.tier, 'high');
    assert.ok(result.reasons.some((r) => r.startsWith("use 'benefit_eligibility'")));
    assert.ok(
      result.reasons.includes(
        "the system's output is itself the decision on access to a service, a benefit or a right",
      ),
    );
  });

  it('places health triage in the high tier, even when an agent decides', () => {
    const result = assess(healthTriage);
    assert.equal(result.tier, 'high');
    assert.deepEqual(result.controls, controlsFor('high'));
  });

  it('prohibits general social scoring and names it as the reason', () => {
    const result = assess(socialScoring);
    assert.equal(result.tier, 'prohibited');
    assert.deepEqual(result.reasons, [
      "use 'social_scoring' (General social scoring of people) is prohibited",
    ]);
    assert.equal(result.controls.refuse, true);
  });

  it('raises an unlisted use to high when its output is the decision on access to a service', () => {
    const other: RiskAnswers = {
      ...administrativeInformation,
      use: 'other',
      impact_on_rights: 'access_to_service',
    };
    assert.equal(assess(other).tier, 'limited');
    assert.equal(assess({ ...other, autonomy: 'decision' }).tier, 'high');
  });

  it('raises an unlisted use to high from the high threshold of the total score', () => {
    const answers: RiskAnswers = {
      use: 'other',
      autonomy: 'draft_for_agent',
      impact_on_rights: 'access_to_service',
      vulnerability: ['precarity'],
      data_sensitivity: ['sensitive'],
      scale: 'regional',
    };
    assert.equal(assess(answers).total, 9);
    assert.equal(assess(answers).tier, 'limited');
    const national = assess({ ...answers, scale: 'national' });
    assert.equal(national.total, 10);
    assert.equal(national.tier, 'high');
    assert.deepEqual(national.reasons, ['the total score 10 reaches the high-risk threshold (10)']);
  });

  it('scores a list of groups by its most exposed group, not by its length', () => {
    const one = assess({ ...administrativeInformation, vulnerability: ['minors'] });
    const many = assess({
      ...administrativeInformation,
      vulnerability: ['general_public', 'elderly', 'minors'],
    });
    assert.equal(one.scores.vulnerability, 3);
    assert.equal(many.scores.vulnerability, 3);
  });

  it('accepts one office with any use', () => {
    assert.equal(assess({ ...healthTriage, scale: 'one_office' }).tier, 'high');
    assert.equal(assess({ ...internalDrafting, scale: 'one_office' }).tier, 'minimal');
  });
});

describe('tier controls', () => {
  it('requires of high: a notice, review of sensitive topics, grounding, full audit, assurance and a sandbox', () => {
    const high = controlsFor('high');
    assert.equal(high.refuse, false);
    assert.equal(high.transparencyNotice, true);
    assert.equal(high.humanReview, 'sensitive_topics');
    assert.equal(high.groundingRequired, true);
    assert.equal(high.auditDetail, 'full');
    assert.ok(high.assuranceBeforeProduction && high.sandboxBeforeProduction && high.approvedModelsOnly);
    assert.ok(high.samplingRate > controlsFor('limited').samplingRate);
  });

  it('lets a minimal-risk use run on any configured model, and no other tier', () => {
    assert.deepEqual(
      (['minimal', 'limited', 'high', 'prohibited'] as const).map((t) => controlsFor(t).approvedModelsOnly),
      [false, true, true, true],
    );
  });

  it('refuses prohibited systems, with the strictest controls besides', () => {
    const controls = controlsFor('prohibited');
    assert.equal(controls.refuse, true);
    assert.equal(controls.humanReview, 'all');
    assert.equal(controls.samplingRate, 1);
  });

  it('labels answers as AI in every tier and reassesses riskier systems sooner', () => {
    assert.deepEqual(
      (['minimal', 'limited', 'high'] as const).map((t) => [
        controlsFor(t).aiLabel,
        controlsFor(t).reassessAfterDays,
      ]),
      [
        [true, 730],
        [true, 365],
        [true, 180],
      ],
    );
    assert.equal(controlsFor('minimal').refuse, false);
    assert.equal(controlsFor('limited').samplingRate, 0.02);
  });

  it('hands each caller its own copy', () => {
    controlsFor('high').groundingRequired = false;
    assert.equal(controlsFor('high').groundingRequired, true);
  });
});

describe('bad answers', () => {
  it('lists every unanswered question, naming the first as the param', () => {
    const partial = Object.fromEntries(
      Object.entries(administrativeInformation).filter(([id]) => id !== 'autonomy' && id !== 'scale'),
    );
    assert.throws(() => assess({ ...partial, vulnerability: [] }), {
      code: 'questionnaire_incomplete',
      status: 422,
      param: 'autonomy',
      message: 'the risk questionnaire is incomplete: answer autonomy, vulnerability, scale',
    });
  });

  it('refuses a question the questionnaire does not ask', () => {
    assert.throws(() => assess({ ...administrativeInformation, mood: 'calm' }), {
      code: 'unknown_question',
      status: 422,
      param: 'mood',
    });
  });

  it('refuses an option the question does not offer', () => {
    assert.throws(() => assess({ ...administrativeInformation, autonomy: 'autopilot' }), {
      code: 'unknown_answer',
      param: 'autonomy',
      message:
        /'autopilot' is not an option of 'autonomy'; its options are advice, draft_for_agent, decision/,
    });
    assert.throws(
      () => assess({ ...administrativeInformation, vulnerability: ['general_public', 'aliens'] }),
      {
        code: 'unknown_answer',
        param: 'vulnerability',
      },
    );
  });

  it('refuses a list for a single-choice question and a string for a multiple-choice one', () => {
    assert.throws(() => assess({ ...administrativeInformation, autonomy: ['advice'] }), {
      code: 'answer_shape',
      param: 'autonomy',
    });
    assert.throws(() => assess({ ...administrativeInformation, vulnerability: 'general_public' }), {
      code: 'answer_shape',
      param: 'vulnerability',
    });
    assert.throws(() => assess({ ...administrativeInformation, vulnerability: ['minors', 'minors'] }), {
      code: 'answer_shape',
      message: /each option at most once/,
    });
  });

  it('refuses an unknown questionnaire version with a 400', () => {
    assert.throws(() => assessRisk({ questionnaireVersion: 7, answers: administrativeInformation }), {
      code: 'questionnaire_version_unknown',
      status: 400,
    });
  });
});

describe('contradictory answers', () => {
  const contradictions: [string, RiskAnswers, string, RegExp][] = [
    [
      'health triage without health data',
      { ...healthTriage, data_sensitivity: ['none'] },
      'data_sensitivity',
      /use is 'health_triage', but data_sensitivity is 'none' \(.*health data/,
    ],
    [
      'credit scoring given as mere advice',
      { ...benefitEligibility, use: 'credit_scoring', autonomy: 'advice' },
      'autonomy',
      /use is 'credit_scoring', but autonomy is 'advice'/,
    ],
    [
      'grading given as mere advice',
      { ...benefitEligibility, use: 'grading_placement', autonomy: 'advice' },
      'autonomy',
      /use is 'grading_placement', but autonomy is 'advice'/,
    ],
    [
      'a legal effect from information alone',
      { ...administrativeInformation, impact_on_rights: 'legal_effect' },
      'autonomy',
      /impact_on_rights is 'legal_effect', but autonomy is 'advice'/,
    ],
    [
      'no personal data together with a CIN',
      { ...administrativeInformation, data_sensitivity: ['none', 'cin'] },
      'data_sensitivity',
      /data_sensitivity 'none' cannot be combined with 'cin'/,
    ],
  ];
  for (const [what, answers, param, message] of contradictions) {
    it(`refuses ${what}`, () => {
      assert.throws(() => assess(answers), { code: 'answers_contradictory', status: 422, param, message });
    });
  }
});

describe('answers against the use-case register', () => {
  const facts: RegisterFacts = {
    sector: 'health',
    dataCategories: ['PERSON', 'MA_PHONE', 'SENSITIVE_HEALTH'],
    peopleAffected: ['patients', 'agents'],
  };

  it('accepts answers that agree with the register', () => {
    assert.equal(assess(healthTriage, facts).tier, 'high');
  });

  const contradictions: [string, RiskAnswers, RegisterFacts, string, RegExp][] = [
    [
      'sensitive data in the register, none in the answers',
      { ...healthTriage, use: 'health_information', data_sensitivity: ['identifiers'] },
      facts,
      'data_sensitivity',
      /register lists SENSITIVE_HEALTH among the data categories, but data_sensitivity does not include 'sensitive'/,
    ],
    [
      'a CIN in the register, none in the answers',
      administrativeInformation,
      {
        sector: 'administrative_services',
        dataCategories: ['PERSON', 'MA_CIN'],
        peopleAffected: ['general_public'],
      },
      'data_sensitivity',
      /MA_CIN among the data categories, but data_sensitivity does not include 'cin'/,
    ],
    [
      'offences in the register, none in the answers',
      { ...benefitEligibility, data_sensitivity: ['identifiers', 'cin', 'sensitive'] },
      { sector: 'administrative_services', dataCategories: ['SENSITIVE_CRIMINAL'], peopleAffected: [] },
      'data_sensitivity',
      /SENSITIVE_CRIMINAL .*does not include 'offences'/,
    ],
    [
      'personal data in the register, no personal data in the answers',
      internalDrafting,
      { sector: 'other', dataCategories: ['PERSON'], peopleAffected: ['agents'] },
      'data_sensitivity',
      /register lists personal data \(PERSON\), but data_sensitivity is 'none'/,
    ],
    [
      'credit scoring in an education service',
      { ...benefitEligibility, use: 'credit_scoring' },
      { sector: 'education', dataCategories: ['PERSON', 'MA_CIN'], peopleAffected: ['students'] },
      'use',
      /sector 'education', but use 'credit_scoring' belongs to financial_inclusion/,
    ],
    [
      'minors in the register, not in the answers',
      administrativeInformation,
      {
        sector: 'administrative_services',
        dataCategories: ['PERSON'],
        peopleAffected: ['general_public', 'minors'],
      },
      'vulnerability',
      /register lists minors among the people affected, but vulnerability does not include 'minors'/,
    ],
  ];
  for (const [what, answers, registerFacts, param, message] of contradictions) {
    it(`refuses ${what}`, () => {
      assert.throws(() => assess(answers, registerFacts), {
        code: 'answers_contradictory',
        param,
        message: new RegExp(`^answers contradict the use-case register: [^]*${message.source}`),
      });
    });
  }
});
