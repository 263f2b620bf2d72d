/**
 * Guard rule packs: versioned YAML files in packs/guard/, one per reason, each a list of rules with phrases per
 * language family. This module reads and checks them; engine.ts compiles them. packs/guard/README.md documents the
 * format for pack authors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { errors, type MizanError } from '../../errors.js';
import type { LexiconFamily } from '../../oversight/review/sensitive-topics.js';
import { HARM_CATEGORIES, type GuardReason } from '../types.js';

/** The shipped packs; the path holds from src/ (tsx) and from dist/ (compiled) alike. */
export const GUARD_PACKS_DIR = fileURLToPath(new URL('../../../packs/guard/', import.meta.url));

export const GUARD_PACK_INVALID = 'guard_pack_invalid';

/** Phrases are written per language family; Tamazight in Latin letters also matches it in Tifinagh. */
export const RULE_FAMILIES = [
  'fra',
  'eng',
  'arb',
  'ary_Arab',
  'ary_Latn',
  'zgh',
] as const satisfies readonly LexiconFamily[];
export type RuleFamily = (typeof RULE_FAMILIES)[number];

/** The reasons a rule pack may report: the input reasons. */
export const RULE_REASONS = [
  'prompt_injection',
  'jailbreak',
  'system_prompt_extraction',
  'indirect_injection',
  'harmful_content',
  'self_harm',
] as const satisfies readonly GuardReason[];

/** Reasons whose rules say what kind of harm they find. */
const CATEGORISED: ReadonlySet<GuardReason> = new Set(['harmful_content', 'self_harm']);

const ID = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID, 'lowercase letters, digits and dashes');
const phrase = z.string().trim().min(1);
const phrases = z.array(phrase).min(1);
const family = z.enum(RULE_FAMILIES);

const ruleSchema = z.strictObject({
  id,
  /** How sure a match makes the rule, 0–1: the finding's score, placed on the policy's ladder. */
  weight: z.number().gt(0).max(1),
  /** Required for harmful_content and self_harm rules, refused elsewhere. */
  category: z.enum(HARM_CATEGORIES).optional(),
  description: phrase.optional(),
  phrases: z.partialRecord(family, phrases).optional(),
  /** Regular expressions on the view's text, case-insensitive, for what is no word (chat-template tokens). */
  tokens: z.array(phrase).min(1).optional(),
  /** Phrases that cancel a match when found around it: a report, a question about the law, a prevention. */
  unless: phrases.optional(),
  /** Also match the Arabic-script phrases in Arabizi, spelt by arabicToArabizi (default true). */
  arabizi: z.boolean().default(true),
  /** Families whose phrases no native speaker has reviewed yet. */
  non_native: z.array(family).min(1).optional(),
});

const packSchema = z.strictObject({
  id,
  /** Bump on any change: findings name `pack@version:rule`. */
  version: z.number().int().positive(),
  reason: z.enum(RULE_REASONS),
  title: phrase,
  description: phrase,
  /** Named lists of phrases, used in phrases as `{name}`. */
  terms: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _'), phrases)
    .optional(),
  rules: z.array(ruleSchema).min(1),
});

export type GuardRulePack = z.infer<typeof packSchema>;
export type GuardRule = GuardRulePack['rules'][number];

/** A pack file error: the file, then the rule it is about when there is one. */
export function packError(file: string, where: string, message: string): MizanError {
  return errors.internal(GUARD_PACK_INVALID, `${file}: ${where ? `${where}: ` : ''}${message}`);
}

/** `rules.3 (ignore-previous).phrases.fra.2` for a path into a pack. */
export function ruleWhere(raw: unknown, path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'rules' && parts[1] !== undefined) {
    const rules = (raw as { rules?: Array<{ id?: unknown }> } | null)?.rules;
    const ruleId = rules?.[Number(parts[1])]?.id;
    if (typeof ruleId === 'string') parts[1] = `${parts[1]} (${ruleId})`;
  }
  return parts.join('.');
}

export function loadRulePack(file: string): GuardRulePack {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw packError(file, '', `not valid YAML: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw packError(file, ruleWhere(raw, first!.path), `${first!.message}${more}`);
  }
  const pack = parsed.data;
  const expected = basename(file, '.yaml');
  if (pack.id !== expected) throw packError(file, 'id', `is "${pack.id}", the file name says "${expected}"`);
  checkRules(pack, file);
  return pack;
}

function checkRules(pack: GuardRulePack, file: string): void {
  const seen = new Set<string>();
  pack.rules.forEach((rule, i) => {
    const where = `rules.${i} (${rule.id})`;
    if (seen.has(rule.id)) throw packError(file, where, 'a rule id is unique in its pack');
    seen.add(rule.id);
    if (!rule.phrases && !rule.tokens) throw packError(file, where, 'a rule needs phrases or tokens');
    const categorised = CATEGORISED.has(pack.reason);
    if (categorised && !rule.category)
      throw packError(file, `${where}.category`, `required for ${pack.reason} rules`);
    if (!categorised && rule.category)
      throw packError(file, `${where}.category`, `only harmful_content and self_harm rules have one`);
    for (const f of rule.non_native ?? [])
      if (!rule.phrases?.[f])
        throw packError(file, `${where}.non_native`, `names ${f}, which has no phrases`);
  });
}

/** Every pack of the folder (files `<id>.yaml`), by file name. */
export function loadRulePacks(dir: string = GUARD_PACKS_DIR): GuardRulePack[] {
  if (!existsSync(dir)) throw packError(dir, '', 'no such folder');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => loadRulePack(join(dir, name)));
}
