import { errors, MizanError } from '../errors.js';
import { operatorFor, type OperatorName, type PrivacyPolicy } from './policy.js';
import type { Entity, EntityType } from './types.js';
import { canonicalValue, TOKEN_CLOSE, TOKEN_OPEN, type ConversationVault } from './vault.js';
import { hmacHex } from './vault-crypto.js';

export const PERSONAL_DATA_BLOCKED = 'personal_data_blocked';
/** The entity list does not describe the text: fail closed rather than guess which span to replace. */
export const PRIVACY_ENTITIES_INVALID = 'privacy_entities_invalid';
export const PRIVACY_HASH_KEY_MISSING = 'privacy_hash_key_missing';

/** Characters of the HMAC (hex) the `hash` operator shows: 48 bits, enough to tell a conversation's values apart. */
export const HASH_HEX_LENGTH = 12;

export interface OperatorContext {
  /** The conversation's vault: `pseudonymize` reads and extends it. */
  readonly vault: ConversationVault;
  /** The tenant's `hash` key (`deriveTenantKeys(master, tenant).hash`); `hash` fails closed without it. */
  readonly hashKey?: Uint8Array | undefined;
}

/** An operator in Presidio's manner: the replacement of one entity, whose `text` is the original span. */
export interface Operator {
  readonly name: OperatorName;
  apply(entity: Entity, ctx: OperatorContext): string;
}

export const allow: Operator = { name: 'allow', apply: (entity) => entity.text };

/** `⟦MA_CIN⟧`: the type label, nothing of the value. */
export const redact: Operator = {
  name: 'redact',
  apply: (entity) => `${TOKEN_OPEN}${entity.type}${TOKEN_CLOSE}`,
};

/** `⟦MA_CIN_1⟧`: reversible through the conversation's vault, the same token for every writing of one value. */
export const pseudonymize: Operator = {
  name: 'pseudonymize',
  apply: (entity, ctx) => ctx.vault.tokenFor(entity.type, entity.text),
};

/** `⟦MA_CIN:3f2a9c0b1d4e⟧`: HMAC-SHA256 of the canonical value under the tenant's hash key, not reversible. */
export const hash: Operator = {
  name: 'hash',
  apply: (entity, ctx) => {
    if (ctx.hashKey === undefined) {
      throw errors.internal(PRIVACY_HASH_KEY_MISSING, `the hash operator needs the tenant's hash key`);
    }
    const digest = hmacHex(ctx.hashKey, canonicalValue(entity.type, entity.text)).slice(0, HASH_HEX_LENGTH);
    return `${TOKEN_OPEN}${entity.type}:${digest}${TOKEN_CLOSE}`;
  },
};

/** The refusal, naming the type(s), never the value. 422: the request is well formed, its content is refused. */
export const personalDataBlocked = (types: readonly EntityType[]): MizanError =>
  new MizanError(
    PERSONAL_DATA_BLOCKED,
    `this application's privacy policy does not accept personal data of type ${types.join(', ')}; ` +
      'remove it from the request',
    { status: 422, type: 'invalid_request_error' },
  );

export const block: Operator = {
  name: 'block',
  apply: (entity) => {
    throw personalDataBlocked([entity.type]);
  },
};

export const OPERATORS: Readonly<Record<OperatorName, Operator>> = Object.freeze({
  allow,
  redact,
  pseudonymize,
  hash,
  block,
});

export type OperatorCounts = Partial<Record<EntityType, Partial<Record<OperatorName, number>>>>;

export interface AppliedOperator {
  type: EntityType;
  operator: OperatorName;
}

export interface ApplyResult {
  text: string;
  /** One per entity acted on, in text order; never a value. */
  applied: AppliedOperator[];
  /** The same, counted per type and operator (for `mizan.privacy`). */
  counts: OperatorCounts;
}

export interface ApplyOptions {
  /** Required when the policy uses `hash` for a type present in the text. */
  hashKey?: Uint8Array | undefined;
}

const invalidEntities = (message: string) => errors.internal(PRIVACY_ENTITIES_INVALID, message);

/** Entities sorted by start, checked against the text: in range, non-overlapping, `text` equal to the span. */
const checkedEntities = (text: string, entities: readonly Entity[]): Entity[] => {
  const sorted = [...entities].sort((a, b) => a.start - b.start || a.end - b.end);
  let previousEnd = 0;
  for (const entity of sorted) {
    const { start, end, type } = entity;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end > text.length ||
      start >= end
    ) {
      throw invalidEntities(`an entity of type ${type} has offsets [${start}, ${end}) outside the text`);
    }
    if (start < previousEnd)
      throw invalidEntities(`an entity of type ${type} at ${start} overlaps the previous one`);
    if (text.slice(start, end) !== entity.text) {
      throw invalidEntities(`an entity of type ${type} at [${start}, ${end}) does not match the text there`);
    }
    previousEnd = end;
  }
  return sorted;
};

/**
 * Applies the policy's operator to each entity and returns the new text, every span replaced at its original
 * offsets (as right-to-left replacement would). Entities below the policy's threshold are left alone and not counted. When any
 * entity's operator is `block`, it throws `personal_data_blocked` naming every blocked type before touching the
 * vault. Malformed entity lists (overlaps, offsets outside the text, `text` not the span) fail closed.
 */
export const applyOperators = (
  text: string,
  entities: readonly Entity[],
  policy: PrivacyPolicy,
  vault: ConversationVault,
  options: ApplyOptions = {},
): ApplyResult => {
  const threshold = policy.threshold ?? 0;
  const acted = checkedEntities(text, entities)
    .filter((entity) => entity.score >= threshold)
    .map((entity) => ({ entity, operator: operatorFor(policy, entity.type) }));

  const blocked = [...new Set(acted.filter((a) => a.operator === 'block').map((a) => a.entity.type))];
  if (blocked.length > 0) throw personalDataBlocked(blocked);

  const ctx: OperatorContext = { vault, hashKey: options.hashKey };
  // Replacements are computed left to right so pseudonyms are numbered in order of first appearance.
  const replacements = acted.map(({ entity, operator }) => OPERATORS[operator].apply(entity, ctx));
  // The spans do not overlap, so joining the gaps and replacements is the right-to-left replacement, in linear time.
  const parts: string[] = [];
  let cursor = 0;
  acted.forEach(({ entity }, i) => {
    parts.push(text.slice(cursor, entity.start), replacements[i]!);
    cursor = entity.end;
  });
  parts.push(text.slice(cursor));

  const counts: OperatorCounts = {};
  for (const { entity, operator } of acted) {
    const byOperator = (counts[entity.type] ??= {});
    byOperator[operator] = (byOperator[operator] ?? 0) + 1;
  }
  return {
    text: parts.join(''),
    applied: acted.map(({ entity, operator }) => ({ type: entity.type, operator })),
    counts,
  };
};
