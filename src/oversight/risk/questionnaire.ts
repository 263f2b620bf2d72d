import { z } from 'zod';
import { riskTiers } from '../../config/schema.js';
import { errors } from '../../errors.js';
import { SECTORS } from '../register/use-case.js';
import version1 from './questionnaires/ethical-risk-v1.json' with { type: 'json' };

/**
 * The ethical risk questionnaire, stored as data: one JSON file per version in `questionnaires/`. A published
 * version never changes (an assessment records the version it answered); a new version is a new file.
 */

export const dimensions = [
  'impact_on_rights',
  'autonomy',
  'vulnerability',
  'data_sensitivity',
  'scale',
  'use',
] as const;
export type Dimension = (typeof dimensions)[number];

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and underscores');
const localized = z.strictObject({ fr: z.string().min(1), en: z.string().min(1), ar: z.string().min(1) });
/** A tier an answer can force; `prohibited` is said with `prohibited: true`, so there is one way to say it. */
const minimumTier = z.enum(riskTiers).exclude(['prohibited']);

const option = z.strictObject({
  id: identifier,
  score: z.number().int().min(0).max(3),
  text: localized,
  prohibited: z.literal(true).optional(),
  minimum_tier: minimumTier.optional(),
  /** In a multiple-choice question, an option that cannot be combined with another (e.g. "no personal data"). */
  exclusive: z.literal(true).optional(),
  /** The register sectors this use belongs to; any sector when absent. */
  sectors: z.array(z.enum(SECTORS)).min(1).optional(),
});

const question = z.strictObject({
  id: identifier,
  dimension: z.enum(dimensions),
  kind: z.enum(['single', 'multiple']),
  text: localized,
  options: z.array(option).min(2),
});

/** Holds when, for every question named, the answer includes at least one of the options listed. */
const condition = z
  .record(identifier, z.array(identifier).min(1))
  .refine((c) => Object.keys(c).length > 0, 'must name at least one question');

export const questionnaireSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    version: z.number().int().positive(),
    published: z.iso.date(),
    /** Total scores from which the score alone places a system in the limited and in the high tier. */
    thresholds: z
      .strictObject({ limited: z.number().int().min(1), high: z.number().int().min(1) })
      .refine((t) => t.limited < t.high, { message: 'limited must be below high', path: ['high'] }),
    questions: z.array(question).min(1),
    /** Combinations of answers that raise the tier whatever the total. */
    tier_rules: z.array(
      z.strictObject({
        id: identifier,
        when: condition,
        minimum_tier: minimumTier,
        reason: z.string().min(1),
      }),
    ),
    /** Answers matching `if` must also match `requires`; otherwise they contradict each other. */
    contradictions: z.array(
      z.strictObject({ id: identifier, if: condition, requires: condition, message: z.string().min(1) }),
    ),
  })
  .superRefine((q, ctx) => {
    const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
    const optionsOf = new Map<string, Set<string>>();

    q.questions.forEach((qu, i) => {
      if (optionsOf.has(qu.id)) issue(`question id '${qu.id}' is repeated`, ['questions', i, 'id']);
      const ids = new Set<string>();
      qu.options.forEach((o, j) => {
        const path = ['questions', i, 'options', j];
        if (ids.has(o.id)) issue(`option id '${o.id}' is repeated in '${qu.id}'`, [...path, 'id']);
        if (o.prohibited && o.minimum_tier) issue('a prohibited option has no minimum tier', path);
        if (o.exclusive && qu.kind === 'single')
          issue('only a multiple-choice option can be exclusive', path);
        ids.add(o.id);
      });
      optionsOf.set(qu.id, ids);
    });

    for (const dimension of dimensions) {
      if (!q.questions.some((qu) => qu.dimension === dimension))
        issue(`no question covers the dimension '${dimension}'`, ['questions']);
    }

    const checkCondition = (c: Condition, path: PropertyKey[]) => {
      for (const [questionId, optionIds] of Object.entries(c)) {
        const known = optionsOf.get(questionId);
        if (!known) issue(`names the unknown question '${questionId}'`, [...path, questionId]);
        for (const id of optionIds) {
          if (known && !known.has(id)) issue(`'${questionId}' has no option '${id}'`, [...path, questionId]);
        }
      }
    };
    q.tier_rules.forEach((r, i) => checkCondition(r.when, ['tier_rules', i, 'when']));
    q.contradictions.forEach((c, i) => {
      checkCondition(c.if, ['contradictions', i, 'if']);
      checkCondition(c.requires, ['contradictions', i, 'requires']);
    });
  });

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Question = Questionnaire['questions'][number];
export type QuestionOption = Question['options'][number];
export type Condition = Record<string, string[]>;

/** Validates a questionnaire; a malformed one is a defect of the shipped data, so it fails as a server error. */
export function parseQuestionnaire(value: unknown, source = 'questionnaire'): Questionnaire {
  const result = questionnaireSchema.safeParse(value);
  if (!result.success) {
    throw errors.internal(
      'questionnaire_invalid',
      `${source} is not a valid risk questionnaire:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}

/**
 * Every published version, oldest first. Imported rather than read from disk, so that the build carries them into
 * dist/ and the same code runs there and under tsx; a new version is a new file added here.
 */
const PUBLISHED: ReadonlyArray<readonly [file: string, data: unknown]> = [['ethical-risk-v1.json', version1]];

let byVersion: ReadonlyMap<number, Questionnaire> | undefined;

function loadAll(): ReadonlyMap<number, Questionnaire> {
  if (byVersion) return byVersion;
  const loaded = new Map<number, Questionnaire>();
  for (const [file, raw] of PUBLISHED) {
    const questionnaire = parseQuestionnaire(raw, file);
    if (loaded.has(questionnaire.version)) {
      throw errors.internal('questionnaire_invalid', `${file} repeats version ${questionnaire.version}`);
    }
    loaded.set(questionnaire.version, questionnaire);
  }
  byVersion = loaded;
  return loaded;
}

/** The published versions, oldest first. */
export function questionnaireVersions(): number[] {
  return [...loadAll().keys()].sort((a, b) => a - b);
}

/** One version of the questionnaire; the latest when none is named. */
export function loadQuestionnaire(version?: number): Questionnaire {
  const versions = questionnaireVersions();
  const wanted = version ?? Math.max(...versions);
  const questionnaire = loadAll().get(wanted);
  if (!questionnaire) {
    throw errors.invalidRequest(
      'questionnaire_version_unknown',
      `risk questionnaire version ${wanted} does not exist; published versions: ${versions.join(', ')}`,
      'questionnaireVersion',
    );
  }
  return questionnaire;
}
