import { riskTiers, type RiskTier } from '../../config/schema.js';
import { errors } from '../../errors.js';
import { SENSITIVE_TYPES } from '../../privacy/types.js';
import type { Sector } from '../register/use-case.js';
import { controlsFor, type TierControls } from './controls.js';
import {
  dimensions,
  loadQuestionnaire,
  type Condition,
  type Dimension,
  type Question,
  type QuestionOption,
  type Questionnaire,
} from './questionnaire.js';

/** Question id → one option id (single choice) or a list of option ids (multiple choice). */
export type RiskAnswers = Readonly<Record<string, string | readonly string[]>>;

export interface RiskAssessmentInput {
  /** The latest published version when omitted. */
  questionnaireVersion?: number;
  answers: RiskAnswers;
}

/** What the application's use-case register entry says about it; a register `UseCaseEntry` fits as it is. */
export interface RegisterFacts {
  sector: Sector;
  /** Privacy entity types, e.g. MA_CIN, SENSITIVE_HEALTH, PERSON. */
  dataCategories: readonly string[];
  peopleAffected: readonly string[];
}

export interface RiskAssessmentResult {
  questionnaire: { id: string; version: number };
  scores: Record<Dimension, number>;
  total: number;
  tier: RiskTier;
  /** Plain English: why this tier, one sentence per decisive finding. */
  reasons: string[];
  controls: TierControls;
}

/** The options chosen for each question, in the questionnaire's order. */
type Answered = readonly { question: Question; options: readonly QuestionOption[] }[];

interface Problem {
  message: string;
  param: string;
}

/**
 * Scores the answers and places the system in a tier:
 * - any prohibited option (a prohibited use) ⇒ `prohibited`;
 * - otherwise the highest of: the `minimum_tier` of every chosen option, the `minimum_tier` of every tier rule whose
 *   condition the answers meet (e.g. the output is the decision on access to a service ⇒ high), and the tier of the
 *   total score: from `thresholds.high` ⇒ high, from `thresholds.limited` ⇒ limited, below ⇒ minimal.
 * A question's score is its chosen option's, or the highest chosen one's for a multiple-choice question (listing
 * more groups does not add risk, the most exposed one does); a dimension's score sums its questions'.
 * Incomplete, malformed or contradictory answers, among themselves or with the register facts, are refused (422).
 */
export function assessRisk(input: RiskAssessmentInput, facts?: RegisterFacts): RiskAssessmentResult {
  const questionnaire = loadQuestionnaire(input.questionnaireVersion);
  const answered = readAnswers(questionnaire, input.answers);

  const problem =
    internalContradiction(questionnaire, answered) ?? (facts && registerContradiction(facts, answered));
  if (problem) throw errors.unprocessable('answers_contradictory', problem.message, problem.param);

  const scores = Object.fromEntries(dimensions.map((d) => [d, 0])) as Record<Dimension, number>;
  for (const { question, options } of answered) {
    scores[question.dimension] += Math.max(...options.map((o) => o.score));
  }
  const total = Object.values(scores).reduce((sum, score) => sum + score, 0);

  const found = findings(questionnaire, answered, total);
  const tier = found.reduce<RiskTier>((top, f) => (rank(f.tier) > rank(top) ? f.tier : top), 'minimal');
  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    scores,
    total,
    tier,
    reasons: found.filter((f) => f.tier === tier).map((f) => f.reason),
    controls: controlsFor(tier),
  };
}

function readAnswers(questionnaire: Questionnaire, answers: RiskAnswers): Answered {
  const questionIds = questionnaire.questions.map((q) => q.id);
  const unknown = Object.keys(answers).find((id) => !questionIds.includes(id));
  if (unknown !== undefined) {
    throw errors.unprocessable(
      'unknown_question',
      `'${unknown}' is not a question of ${describeVersion(questionnaire)}; its questions are ${questionIds.join(', ')}`,
      unknown,
    );
  }

  const answered: { question: Question; options: QuestionOption[] }[] = [];
  const missing: string[] = [];
  for (const question of questionnaire.questions) {
    const ids = chosenIds(question, answers[question.id]);
    if (ids.length === 0) missing.push(question.id);
    else answered.push({ question, options: ids.map((id) => optionOf(question, id)) });
  }
  if (missing.length > 0) {
    throw errors.unprocessable(
      'questionnaire_incomplete',
      `the risk questionnaire is incomplete: answer ${missing.join(', ')}`,
      missing[0],
    );
  }
  return answered;
}

/** The option ids an answer names; none when the question is unanswered (absent, null, '' or []). */
function chosenIds(question: Question, answer: unknown): readonly string[] {
  if (answer === undefined || answer === null || answer === '') return [];
  const shapeError = (expected: string) =>
    errors.unprocessable('answer_shape', `'${question.id}' takes ${expected}`, question.id);
  if (question.kind === 'single') {
    if (typeof answer !== 'string') throw shapeError('one option id, as a string');
    return [answer];
  }
  if (!isStringList(answer)) throw shapeError('a list of option ids, even for one option');
  if (new Set(answer).size !== answer.length) throw shapeError('each option at most once');
  return answer;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function optionOf(question: Question, id: string): QuestionOption {
  const option = question.options.find((o) => o.id === id);
  if (!option) {
    throw errors.unprocessable(
      'unknown_answer',
      `'${id}' is not an option of '${question.id}'; its options are ${question.options.map((o) => o.id).join(', ')}`,
      question.id,
    );
  }
  return option;
}

const describeVersion = (q: Questionnaire) => `${q.id} version ${q.version}`;
const quoted = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

const chosenIn = (answered: Answered, questionId: string): string[] =>
  answered.find((a) => a.question.id === questionId)?.options.map((o) => o.id) ?? [];

const holds = (condition: Condition, answered: Answered): boolean =>
  Object.entries(condition).every(([questionId, ids]) =>
    chosenIn(answered, questionId).some((id) => ids.includes(id)),
  );

const describeAnswers = (answered: Answered, condition: Condition): string =>
  Object.keys(condition)
    .map((questionId) => `${questionId} is ${quoted(chosenIn(answered, questionId))}`)
    .join(' and ');

/** Exclusive options combined with others, then the questionnaire's own `contradictions`, first found. */
function internalContradiction(questionnaire: Questionnaire, answered: Answered): Problem | undefined {
  for (const { question, options } of answered) {
    const exclusive = options.find((o) => o.exclusive);
    if (exclusive && options.length > 1) {
      const others = options.filter((o) => o !== exclusive).map((o) => o.id);
      return {
        message: `answers contradict each other: ${question.id} '${exclusive.id}' cannot be combined with ${quoted(others)}`,
        param: question.id,
      };
    }
  }
  for (const rule of questionnaire.contradictions) {
    if (!holds(rule.if, answered) || holds(rule.requires, answered)) continue;
    return {
      message:
        `answers contradict each other: ${describeAnswers(answered, rule.if)}, but ` +
        `${describeAnswers(answered, rule.requires)} (${rule.message})`,
      param: Object.keys(rule.requires)[0] ?? '',
    };
  }
  return undefined;
}

/** The options chosen across every question of a dimension, and the first such question, to name in an error. */
function chosenInDimension(answered: Answered, dimension: Dimension): { questionId: string; ids: string[] } {
  const inDimension = answered.filter((a) => a.question.dimension === dimension);
  return {
    questionId: inDimension[0]?.question.id ?? dimension,
    ids: inDimension.flatMap((a) => a.options.map((o) => o.id)),
  };
}

const SENSITIVE = new Set<string>(SENSITIVE_TYPES);

/** A register data category that the data-sensitivity answer must then include, as the named option. */
function declaredDataCheck(matches: (category: string) => boolean, option: string) {
  return (facts: RegisterFacts, answered: Answered): Problem | undefined => {
    const categories = facts.dataCategories.filter(matches);
    const { questionId, ids } = chosenInDimension(answered, 'data_sensitivity');
    if (categories.length === 0 || ids.includes(option)) return undefined;
    return {
      message: `the register lists ${categories.join(', ')} among the data categories, but ${questionId} does not include '${option}'`,
      param: questionId,
    };
  };
}

/** Register facts the answers must agree with, checked in this order. */
const registerChecks: readonly ((facts: RegisterFacts, answered: Answered) => Problem | undefined)[] = [
  declaredDataCheck((c) => c === 'MA_CIN', 'cin'),
  declaredDataCheck((c) => c === 'SENSITIVE_CRIMINAL', 'offences'),
  declaredDataCheck((c) => SENSITIVE.has(c) && c !== 'SENSITIVE_CRIMINAL', 'sensitive'),
  function personalDataDeclared(facts, answered) {
    const { questionId, ids } = chosenInDimension(answered, 'data_sensitivity');
    if (facts.dataCategories.length === 0 || !ids.includes('none')) return undefined;
    return {
      message: `the register lists personal data (${facts.dataCategories.join(', ')}), but ${questionId} is 'none'`,
      param: questionId,
    };
  },
  function useFitsSector(facts, answered) {
    for (const { question, options } of answered) {
      for (const o of options) {
        if (!o.sectors || o.sectors.includes(facts.sector)) continue;
        return {
          message:
            `the register puts the application in the sector '${facts.sector}', but ${question.id} ` +
            `'${o.id}' belongs to ${o.sectors.join(' or ')}`,
          param: question.id,
        };
      }
    }
    return undefined;
  },
  function vulnerableGroupsDeclared(facts, answered) {
    const { questionId, ids } = chosenInDimension(answered, 'vulnerability');
    const groups = answered
      .filter((a) => a.question.dimension === 'vulnerability')
      .flatMap((a) => a.question.options.filter((o) => o.score > 0).map((o) => o.id));
    const omitted = facts.peopleAffected.filter((p) => groups.includes(p) && !ids.includes(p));
    if (omitted.length === 0) return undefined;
    return {
      message: `the register lists ${omitted.join(', ')} among the people affected, but ${questionId} does not include ${quoted(omitted)}`,
      param: questionId,
    };
  },
];

function registerContradiction(facts: RegisterFacts, answered: Answered): Problem | undefined {
  for (const check of registerChecks) {
    const problem = check(facts, answered);
    if (problem)
      return { ...problem, message: `answers contradict the use-case register: ${problem.message}` };
  }
  return undefined;
}

interface Finding {
  tier: RiskTier;
  reason: string;
}

const rank = (tier: RiskTier) => riskTiers.indexOf(tier);

function findings(questionnaire: Questionnaire, answered: Answered, total: number): Finding[] {
  const found: Finding[] = [];
  for (const { question, options } of answered) {
    for (const o of options) {
      const what = `${question.id} '${o.id}' (${o.text.en})`;
      if (o.prohibited) found.push({ tier: 'prohibited', reason: `${what} is prohibited` });
      else if (o.minimum_tier)
        found.push({ tier: o.minimum_tier, reason: `${what} is ${o.minimum_tier} risk at least` });
    }
  }
  for (const rule of questionnaire.tier_rules) {
    if (holds(rule.when, answered)) found.push({ tier: rule.minimum_tier, reason: rule.reason });
  }
  const { limited, high } = questionnaire.thresholds;
  if (total >= high) {
    found.push({
      tier: 'high',
      reason: `the total score ${total} reaches the high-risk threshold (${high})`,
    });
  } else if (total >= limited) {
    found.push({
      tier: 'limited',
      reason: `the total score ${total} reaches the limited-risk threshold (${limited}) but not the high-risk one (${high})`,
    });
  } else {
    found.push({
      tier: 'minimal',
      reason: `the total score ${total} is below the limited-risk threshold (${limited})`,
    });
  }
  return found;
}
