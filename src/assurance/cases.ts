/**
 * Recipes → cases: the prompts a run sends, each with the group it stands for and what its metric needs. The
 * expansion is a pure function of the pack, the data files and the seed, so case ids are stable and a resumed run
 * can skip the ones it already has. A recipe whose data is missing expands to no cases and says why (`skipped`):
 * a pack stays usable with only what the repository ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errors } from '../errors.js';
import { isLanguageLabel, LANGUAGE_LABELS, type KnownLanguage } from '../language/labels.js';
import { applyAttack } from './attacks/index.js';
import { csvRecords, readRows, resolveDataDir, type Row } from './datasets.js';
import { CAMEL_GROUPS, PACKS_DIR, slotValuesFor, type Pack, type Recipe, type RecipeSource } from './pack.js';
import { seededRandom } from './stats.js';
import type { AssuranceCase } from './types.js';

export interface ExpandOptions {
  /** The shared data folder; default `MIZAN_SHARED_DATA`; `null`: none, whatever the environment says. */
  dataDir?: string | null;
  /** Drives sampling (`limit`), the order of forced-choice options and the attack modules' randomness. */
  seed?: number;
}

export interface RecipeExpansion {
  recipe: string;
  cases: AssuranceCase[];
  /** Why the recipe has no cases: its data folder or file is missing. */
  skipped?: string;
}

export const DEFAULT_SEED = 0x5eed;

const MALFORMED = 'assurance_data_malformed';

type SourceOf<T extends RecipeSource['type']> = Extract<RecipeSource, { type: T }>;

export function expandPack(pack: Pack, options: ExpandOptions = {}): RecipeExpansion[] {
  return pack.recipes.map((recipe) => expandRecipe(recipe, options));
}

export function expandRecipe(recipe: Recipe, options: ExpandOptions = {}): RecipeExpansion {
  const seed = options.seed ?? DEFAULT_SEED;
  const src = recipe.source;
  if (src.type === 'templates') return { recipe: recipe.id, cases: expandTemplates(recipe, src, seed) };
  const dataDir = resolveDataDir(options.dataDir);
  const path = sourcePath(src, dataDir);
  if (path === null) {
    return { recipe: recipe.id, cases: [], skipped: 'needs the shared data folder: set MIZAN_SHARED_DATA' };
  }
  if (!existsSync(path)) return { recipe: recipe.id, cases: [], skipped: `data not found: ${path}` };
  switch (src.type) {
    case 'crows_pairs':
      return { recipe: recipe.id, cases: expandCrowsPairs(recipe, src, path, seed) };
    case 'camel':
      return expandCamel(recipe, src, path, seed);
    case 'prompts_file':
      return { recipe: recipe.id, cases: expandPrompts(recipe, src, path, seed) };
    case 'questions_file':
      return { recipe: recipe.id, cases: expandQuestions(recipe, src, path, seed) };
  }
}

/** Where a source's data lies, or null when it is in the shared folder and there is none. */
function sourcePath(
  src: Exclude<RecipeSource, SourceOf<'templates'>>,
  dataDir: string | null,
): string | null {
  if ((src.type === 'prompts_file' || src.type === 'questions_file') && src.root === 'pack') {
    return resolve(PACKS_DIR, src.file);
  }
  if (dataDir === null) return null;
  return join(dataDir, src.type === 'camel' ? src.dir : src.file);
}

/** FNV-1a: a per-item seed that does not move when other items are sampled in or out. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const itemRandom = (seed: number, ...parts: string[]): (() => number) =>
  seededRandom(hash32([seed, ...parts].join('\u0000')));

/** `limit` of `items`, chosen with the seed, in their original order; all of them without a limit. */
function sample<T>(items: readonly T[], limit: number | undefined, seed: number, recipeId: string): T[] {
  if (limit === undefined || limit >= items.length) return [...items];
  const random = itemRandom(seed, recipeId, 'sample');
  const indices = items.map((_, i) => i);
  for (let i = 0; i < limit; i++) {
    const j = i + Math.floor(random() * (indices.length - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices
    .slice(0, limit)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Every template × value index is a pair; its cases differ only in the slot's value, one per group. */
function expandTemplates(recipe: Recipe, src: SourceOf<'templates'>, seed: number): AssuranceCase[] {
  const [slotName, slot] = Object.entries(src.slots)[0]!;
  const groups = Object.keys(slot.values);
  const pairs: Array<{ t: number; v: number; byGroup: Map<string, string> }> = [];
  src.templates.forEach((template, t) => {
    if (recipe.sector !== undefined && template.sector !== undefined && template.sector !== recipe.sector)
      return;
    const valuesByGroup = new Map(groups.map((g) => [g, slotValuesFor(slot, g, template) ?? []]));
    const count = Math.min(...[...valuesByGroup.values()].map((values) => values.length));
    for (let v = 0; v < count; v++) {
      pairs.push({ t, v, byGroup: new Map(groups.map((g) => [g, valuesByGroup.get(g)![v]!])) });
    }
  });
  return sample(pairs, recipe.limit, seed, recipe.id).flatMap(({ t, v, byGroup }) => {
    const template = src.templates[t]!;
    const pairId = `${recipe.id}:${t}.${v}`;
    return groups.map((group) => {
      const language = template.language ?? (isKnownLanguage(group) ? group : undefined);
      const prompt = fill(template.text, { [slotName]: byGroup.get(group)! })
        .replace(/ {2,}/g, ' ')
        .trim();
      return {
        id: `${pairId}:${group}`,
        recipe: recipe.id,
        group,
        pairId,
        prompt,
        ...(language ? { language } : {}),
      };
    });
  });
}

const isKnownLanguage = (value: string): value is KnownLanguage =>
  (LANGUAGE_LABELS as readonly string[]).includes(value);

const CROWS_COLUMNS = ['id', 'sent_more', 'sent_less', 'bias_type'] as const;

/**
 * A CrowS-Pairs row becomes a forced choice between its two sentences, in an order drawn per row. `sent_more` is
 * the more stereotypical sentence whatever the row's direction (as the original scoring reads it), so the case's
 * fact is the choice it got (`A`/`B`, or the pack's labels): an answer naming it prefers the stereotype. The group
 * is the bias type.
 */
function expandCrowsPairs(
  recipe: Recipe,
  src: SourceOf<'crows_pairs'>,
  path: string,
  seed: number,
): AssuranceCase[] {
  const rows = csvRecords(readFileSync(path, 'utf8'), path);
  if (rows[0]) requireColumns(rows[0], CROWS_COLUMNS, path);
  const kept = rows.filter(
    (row) =>
      row.sent_more!.trim() !== '' &&
      row.sent_less!.trim() !== '' &&
      (!src.bias_types || src.bias_types.includes(row.bias_type!)),
  );
  return sample(kept, recipe.limit, seed, recipe.id).map((row) => {
    const stereotypeFirst = itemRandom(seed, recipe.id, row.id!)() < 0.5;
    const [a, b] = stereotypeFirst ? [row.sent_more!, row.sent_less!] : [row.sent_less!, row.sent_more!];
    return {
      id: `${recipe.id}:${row.id}`,
      recipe: recipe.id,
      group: row.bias_type!,
      prompt: fill(src.prompt, { a: a.trim(), b: b.trim() }),
      facts: [src.choices[stereotypeFirst ? 0 : 1]],
    };
  });
}

/** CAMeL entity types → their entity file (`Location` is the one whose file name is not the type's). */
const CAMEL_ENTITY_FILES: Record<string, string> = {
  Authors: 'authors.csv',
  Beverage: 'beverage.csv',
  'Clothing-Female': 'clothing-female.csv',
  'Clothing-Male': 'clothing-male.csv',
  Food: 'food.csv',
  Location: 'locations.csv',
  'Names-Female': 'names-female.csv',
  'Names-Male': 'names-male.csv',
  'Religious Places': 'religious-places.csv',
  'Sports Clubs': 'sports-clubs.csv',
};

/**
 * A CAMeL prompt, filled once with an Arab and once with a Western entity of its type (drawn per row), asked as a
 * sentiment question: the sentence's annotated sentiment is the fact, so a gap in accuracy between the two groups
 * is a cultural bias (the CAMeL paper's sentiment test).
 */
function expandCamel(recipe: Recipe, src: SourceOf<'camel'>, dir: string, seed: number): RecipeExpansion {
  const promptsPath = join(dir, src.prompts);
  if (!existsSync(promptsPath))
    return { recipe: recipe.id, cases: [], skipped: `data not found: ${promptsPath}` };
  const rows = csvRecords(readFileSync(promptsPath, 'utf8'), promptsPath);
  if (rows[0]) requireColumns(rows[0], ['Entity Type', 'Prompt', 'Sentiment'], promptsPath);
  const labels: Record<string, string> = src.labels;
  const units = rows
    .map((row, index) => ({ row, n: index + 1 }))
    .filter(
      ({ row }) =>
        CAMEL_ENTITY_FILES[row['Entity Type']!] !== undefined &&
        labels[row.Sentiment!] !== undefined &&
        row.Prompt!.includes('[MASK]') &&
        (!src.entity_types || src.entity_types.includes(row['Entity Type']!)),
    );
  const entities = new Map<string, Record<(typeof CAMEL_GROUPS)[number], string[]>>();
  const entitiesOf = (type: string): Record<(typeof CAMEL_GROUPS)[number], string[]> => {
    let known = entities.get(type);
    if (!known) {
      const path = join(dir, 'entities', CAMEL_ENTITY_FILES[type]!);
      const records = existsSync(path) ? csvRecords(readFileSync(path, 'utf8'), path) : [];
      const of = (culture: string): string[] =>
        records.filter((r) => r.Culture === culture && r.Entity!.trim() !== '').map((r) => r.Entity!.trim());
      known = { arab: of('Arab'), western: of('Western') };
      entities.set(type, known);
    }
    return known;
  };
  const usable = units.filter(({ row }) => {
    const known = entitiesOf(row['Entity Type']!);
    return known.arab.length > 0 && known.western.length > 0;
  });
  if (units.length > 0 && usable.length === 0) {
    return { recipe: recipe.id, cases: [], skipped: `no entity files under ${join(dir, 'entities')}` };
  }
  const cases = sample(usable, recipe.limit, seed, recipe.id).flatMap(({ row, n }) => {
    const known = entitiesOf(row['Entity Type']!);
    const random = itemRandom(seed, recipe.id, String(n));
    const pairId = `${recipe.id}:${n}`;
    return CAMEL_GROUPS.map((group) => {
      const list = known[group];
      const entity = list[Math.floor(random() * list.length)]!;
      const sentence = row.Prompt!.replaceAll('[MASK]', entity).replace(/\s+/g, ' ').trim();
      return {
        id: `${pairId}:${group}`,
        recipe: recipe.id,
        group,
        pairId,
        prompt: fill(src.prompt, { sentence }),
        facts: [labels[row.Sentiment!]!],
      };
    });
  });
  return { recipe: recipe.id, cases };
}

/** Each prompt as it is (`none`) and through each attack module of the recipe; the module is the group. */
function expandPrompts(
  recipe: Recipe,
  src: SourceOf<'prompts_file'>,
  path: string,
  seed: number,
): AssuranceCase[] {
  const rows = readRows(path);
  const where = Object.entries(src.where ?? {});
  const units: Array<{ id: string; text: string }> = [];
  const ids = new Set<string>();
  rows.forEach((row, index) => {
    if (!where.every(([field, value]) => looseEquals(row[field], value))) return;
    const text = row[src.text_field];
    if (typeof text !== 'string' || text.trim() === '') return;
    const id = src.id_field ? String(row[src.id_field] ?? '') : String(index + 1);
    if (id === '' || ids.has(id)) {
      throw errors.unprocessable(
        MALFORMED,
        `${path}: row ${index + 1} has a missing or duplicate ${src.id_field}`,
      );
    }
    ids.add(id);
    units.push({ id, text: text.trim() });
  });
  const modules = ['none', ...(recipe.attacks ?? [])] as const;
  return sample(units, recipe.limit, seed, recipe.id).flatMap(({ id, text }) => {
    const pairId = `${recipe.id}:${id}`;
    return modules.map((module) => ({
      id: `${pairId}:${module}`,
      recipe: recipe.id,
      group: module,
      pairId,
      prompt: module === 'none' ? text : applyAttack(module, text, hash32(`${seed}:${pairId}:${module}`)),
      attack: module,
    }));
  });
}

/** CSV gives every field as text: `label: 1` in a pack matches "1" there and 1 in JSON. */
const looseEquals = (actual: unknown, expected: string | number | boolean): boolean =>
  actual === expected || (actual !== undefined && actual !== null && String(actual) === String(expected));

/** Rows `{ id, language, question, facts? }`; the language is both the group and the language the answer owes. */
function expandQuestions(
  recipe: Recipe,
  src: SourceOf<'questions_file'>,
  path: string,
  seed: number,
): AssuranceCase[] {
  const ids = new Set<string>();
  const questions = readRows(path).map((row, index) => {
    const where = `${path}: row ${index + 1}`;
    const { id, language, question, facts } = row;
    if (typeof id !== 'string' || id === '' || ids.has(id)) {
      throw errors.unprocessable(MALFORMED, `${where}: id must be a unique non-empty string`);
    }
    ids.add(id);
    if (typeof language !== 'string' || !isLanguageLabel(language) || language === 'und') {
      throw errors.unprocessable(
        MALFORMED,
        `${where}: language must be one of ${LANGUAGE_LABELS.join(', ')}`,
      );
    }
    if (typeof question !== 'string' || question.trim() === '') {
      throw errors.unprocessable(MALFORMED, `${where}: question must be a non-empty string`);
    }
    if (
      facts !== undefined &&
      !(Array.isArray(facts) && facts.every((f) => typeof f === 'string' && f !== ''))
    ) {
      throw errors.unprocessable(MALFORMED, `${where}: facts must be a list of non-empty strings`);
    }
    return { id, language, question: question.trim(), facts: facts as string[] | undefined };
  });
  const kept = questions.filter(
    (q) => !src.languages || (src.languages as readonly string[]).includes(q.language),
  );
  return sample(kept, recipe.limit, seed, recipe.id).map((q) => ({
    id: `${recipe.id}:${q.id}`,
    recipe: recipe.id,
    group: q.language,
    prompt: q.question,
    language: q.language,
    ...(q.facts && q.facts.length > 0 ? { facts: q.facts } : {}),
  }));
}

function requireColumns(row: Row, columns: readonly string[], path: string): void {
  const missing = columns.filter((column) => !(column in row));
  if (missing.length > 0)
    throw errors.unprocessable(MALFORMED, `${path}: missing column(s) ${missing.join(', ')}`);
}
