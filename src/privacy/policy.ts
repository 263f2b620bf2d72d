import { z } from 'zod';
import { errors } from '../errors.js';
import { ENTITY_TYPES, isEntityType, type EntityType } from './types.js';

export const OPERATOR_NAMES = ['allow', 'redact', 'pseudonymize', 'hash', 'block'] as const;
export type OperatorName = (typeof OPERATOR_NAMES)[number];

/** Which operator each entity type gets; types not listed get `defaultOperator`. */
export interface PrivacyPolicy {
  operators: Partial<Record<EntityType, OperatorName>>;
  defaultOperator: OperatorName;
  /** Entities scoring below this are left alone (the detector's own threshold applies first). */
  threshold?: number;
}

/**
 * Every identifier pseudonymized (Law 09-08 art. 3, minimisation); the sensitive categories too, and counted per
 * type in `mizan.privacy` so they are flagged; nothing blocked. Listed type by type so the default reads as a table.
 */
export const DEFAULT_PRIVACY_POLICY: PrivacyPolicy = Object.freeze({
  operators: Object.freeze(
    Object.fromEntries(ENTITY_TYPES.map((type) => [type, 'pseudonymize'])) as Record<
      EntityType,
      OperatorName
    >,
  ),
  defaultOperator: 'pseudonymize',
});

/** The operator the policy gives a type. */
export const operatorFor = (policy: PrivacyPolicy, type: EntityType): OperatorName =>
  policy.operators[type] ?? policy.defaultOperator;

export const PRIVACY_POLICY_INVALID = 'privacy_policy_invalid';

const operatorMessage = (input: unknown) =>
  `must be one of ${OPERATOR_NAMES.join(', ')}, not ${JSON.stringify(input)}`;
const isOperatorName = (value: unknown): value is OperatorName =>
  (OPERATOR_NAMES as readonly unknown[]).includes(value);

const operatorName = z.enum(OPERATOR_NAMES, { error: (issue) => operatorMessage(issue.input) });

/** Type → operator; every faulty entry is reported under its own key (`operators.CIN`, `operators.MA_CIN`). */
const operators = z.record(z.string(), z.unknown()).transform((record, ctx) => {
  const result: Partial<Record<EntityType, OperatorName>> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!isEntityType(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `unknown entity type; one of ${ENTITY_TYPES.join(', ')}`,
      });
    } else if (!isOperatorName(value)) {
      ctx.addIssue({ code: 'custom', path: [key], message: operatorMessage(value) });
    } else {
      result[key] = value;
    }
  }
  return result;
});

/**
 * A policy file, YAML or JSON: `operators` (type → operator), `default_operator` (or `defaultOperator`, as
 * `PrivacyPolicy` serializes) and `threshold` in [0, 1]. Types the file does not list get its default operator,
 * `pseudonymize` when it gives none: an empty file is the default policy.
 */
const policyFile = z
  .strictObject({
    operators: operators.optional(),
    default_operator: operatorName.optional(),
    defaultOperator: operatorName.optional(),
    threshold: z.number().min(0).max(1).optional(),
  })
  .superRefine((file, ctx) => {
    if (file.default_operator !== undefined && file.defaultOperator !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultOperator'],
        message: 'give default_operator or defaultOperator, not both',
      });
    }
  });

/**
 * Validates a parsed policy file. Errors are a 400 `privacy_policy_invalid` whose message names every faulty key
 * (`operators.MA_CIN: must be one of …`) and whose `param` is the first one.
 */
export const parsePrivacyPolicy = (input: unknown): PrivacyPolicy => {
  const result = policyFile.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key(s): ${issue.keys.join(', ')}; expected operators, default_operator, threshold`
          : issue.message;
      return { key, message };
    });
    throw errors.invalidRequest(
      PRIVACY_POLICY_INVALID,
      `invalid privacy policy: ${problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`,
      problems[0]?.key ?? null,
    );
  }
  const file = result.data;
  const policy: PrivacyPolicy = {
    // Types not listed take the file's default operator, not the default policy's per-type choice.
    operators: file.operators ?? {},
    defaultOperator: file.default_operator ?? file.defaultOperator ?? DEFAULT_PRIVACY_POLICY.defaultOperator,
  };
  if (file.threshold !== undefined) policy.threshold = file.threshold;
  return policy;
};
