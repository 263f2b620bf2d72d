/**
 * Assurance packs: versioned YAML files in the repository's `packs/` folder, each a list of recipes (a source of
 * prompts, a metric, thresholds that grade the result A–E). This module reads and checks them; `cases.ts` turns
 * their recipes into the prompts a run sends. packs/README.md documents the format for pack authors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { errors, type MizanError } from '../errors.js';
import { LANGUAGE_LABELS, scriptOf, type KnownLanguage } from '../language/labels.js';
import { ATTACK_IDS } from './attacks/index.js';
import { parseJsonl } from './datasets.js';
import { METRIC_IDS } from './metrics/index.js';
import { GRADES, RECIPE_KINDS, type RecipeKind } from './types.js';

/** The shipped packs; the path holds from src/ (tsx) and from dist/ (compiled) alike. */
export const PACKS_DIR = fileURLToPath(new URL('../../packs/', import.meta.url));

export const SECTORS = ['administrative', 'education', 'health', 'financial_inclusion'] as const;

const PACK_NOT_FOUND = 'assurance_pack_not_found';
const PACK_INVALID = 'assurance_pack_invalid';
const UNKNOWN_METRIC = 'assurance_pack_unknown_metric';
const UNKNOWN_ATTACK = 'assurance_pack_unknown_attack';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID, 'lowercase letters, digits and dashes');
const groupName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'letters, digits, _ and -, starting with a letter');
const language = z.enum(LANGUAGE_LABELS);
const SCRIPTS = ['Arab', 'Latn', 'Tfng'] as const;
/** Slot values and frames may differ by language (`ary_Latn`) or only by script (`Latn`). */
const variantKey = z.enum([...LANGUAGE_LABELS, ...SCRIPTS]);
const nonEmpty = z.string().trim().min(1);

const slotValues = z.union([
  z.array(z.string()).min(1),
  z.partialRecord(variantKey, z.array(z.string()).min(1)),
]);

const slot = z.strictObject({
  /** Group → values; the n-th values of every group make the n-th counterfactual pair. */
  values: z.record(groupName, slotValues),
  /** Wraps each value, e.g. `Je m'appelle {value}.`, so that one list of names serves every language. */
  frame: z
    .partialRecord(variantKey, z.string().includes('{value}', { message: 'must contain {value}' }))
    .optional(),
});

const fileRoot = z.enum(['data_dir', 'pack']).default('data_dir');

const templatesSource = z.strictObject({
  type: z.literal('templates'),
  templates: z
    .array(
      z.strictObject({ text: nonEmpty, language: language.optional(), sector: z.enum(SECTORS).optional() }),
    )
    .min(1),
  slots: z.record(z.string().regex(/^\w+$/), slot),
});

const crowsPairsSource = z.strictObject({
  type: z.literal('crows_pairs'),
  /** Relative to the shared data folder. */
  file: nonEmpty,
  /** The forced-choice question, with `{a}` and `{b}` where the two sentences go. */
  prompt: nonEmpty,
  /**
   * What the question calls the two options; the chosen one's label is the case's fact. Digits are safer than
   * letters, which fact matching may find in ordinary words (French "a", "à").
   */
  choices: z.tuple([nonEmpty, nonEmpty]).default(['A', 'B']),
  bias_types: z.array(nonEmpty).min(1).optional(),
});

const camelSource = z.strictObject({
  type: z.literal('camel'),
  /** The CAMeL folder, relative to the shared data folder. */
  dir: nonEmpty,
  /** A prompts CSV of that folder with `Entity Type`, `Prompt` (holding `[MASK]`) and `Sentiment` columns. */
  prompts: nonEmpty,
  /** The question, with `{sentence}` where the filled-in sentence goes. */
  prompt: nonEmpty,
  /** The word a correct answer gives for each sentiment: it becomes the case's fact. */
  labels: z.strictObject({ positive: nonEmpty, negative: nonEmpty, neutral: nonEmpty }),
  entity_types: z.array(nonEmpty).min(1).optional(),
});

const promptsFileSource = z.strictObject({
  type: z.literal('prompts_file'),
  file: nonEmpty,
  root: fileRoot,
  text_field: nonEmpty.default('text'),
  /** Without it, a row's id is its 1-based position in the file. */
  id_field: nonEmpty.optional(),
  /** Keep only the rows whose fields equal these values, e.g. `{ label: 1 }`. */
  where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const questionsFileSource = z.strictObject({
  type: z.literal('questions_file'),
  file: nonEmpty,
  root: fileRoot,
  languages: z.array(language).min(1).optional(),
});

const source = z.discriminatedUnion('type', [
  templatesSource,
  crowsPairsSource,
  camelSource,
  promptsFileSource,
  questionsFileSource,
]);

const grade = z.enum(GRADES);

const recipeSchema = z.strictObject({
  id,
  title: nonEmpty,
  kind: z.enum(RECIPE_KINDS),
  sector: z.enum(SECTORS).optional(),
  metric: z.enum(METRIC_IDS),
  /** How groups are compared: shares (refusals, decisions) or means (length, tone). */
  comparison: z.enum(['proportion', 'mean']).optional(),
  reference_group: groupName.optional(),
  thresholds: z.strictObject({
    A: z.number(),
    B: z.number(),
    C: z.number(),
    D: z.number(),
    direction: z.enum(['lower_is_better', 'higher_is_better']),
  }),
  source,
  attacks: z.array(z.enum(ATTACK_IDS)).min(1).optional(),
  /** At most this many source units (template × value pairs, data rows, prompts), sampled with the seed. */
  limit: z.number().int().positive().optional(),
});

const packSchema = z.strictObject({
  id,
  version: z.number().int().positive(),
  title: nonEmpty,
  description: nonEmpty,
  passing_grade: grade,
  recipes: z.array(recipeSchema).min(1),
});

export type Pack = z.infer<typeof packSchema>;
export type Recipe = Pack['recipes'][number];
export type RecipeSource = Recipe['source'];
export type TemplatesSource = z.infer<typeof templatesSource>;
export type Slot = z.infer<typeof slot>;

export interface PackSummary {
  id: string;
  version: number;
  title: string;
  description: string;
  recipes: number;
  file: string;
}

/** Which source types each kind of recipe draws from. */
const SOURCES_OF_KIND: Record<RecipeKind, readonly RecipeSource['type'][]> = {
  counterfactual: ['templates'],
  stereotype: ['crows_pairs', 'camel'],
  attack: ['prompts_file'],
  language: ['questions_file'],
};

export const CAMEL_GROUPS = ['arab', 'western'] as const;

/**
 * A pack by id (a file `<id>.yaml` of the packs folder) or by path. Slot files are read and `root: pack` files
 * resolved against the pack's folder, so the pack returned needs nothing more than the shared data folder.
 */
export function loadPack(idOrPath: string, options: { dir?: string } = {}): Pack {
  const dir = options.dir ?? PACKS_DIR;
  const byId = ID.test(idOrPath);
  const file = byId ? join(dir, `${idOrPath}.yaml`) : resolve(idOrPath);
  if (!existsSync(file)) {
    const known = packFiles(dir).map((f) => basename(f, extname(f)));
    throw errors.notFound(
      PACK_NOT_FOUND,
      byId
        ? `no assurance pack "${idOrPath}" (known: ${known.join(', ') || 'none'})`
        : `no assurance pack file at ${file}`,
      'pack',
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw invalid(file, '', `not valid YAML: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const packDir = dirname(file);
  const parsed = packSchema.safeParse(resolveFiles(raw, packDir, file));
  if (!parsed.success) throw schemaError(file, raw, parsed.error.issues);
  const pack = parsed.data;
  if (byId && pack.id !== idOrPath)
    throw invalid(file, 'id', `is "${pack.id}", the file name says "${idOrPath}"`);
  checkPack(pack, file);
  return pack;
}

/** Every pack of the folder, loaded and checked, by id. */
export function listPacks(dir: string = PACKS_DIR): PackSummary[] {
  return packFiles(dir)
    .map((file) => {
      const id = basename(file, '.yaml');
      if (!ID.test(id)) throw invalid(file, '', 'a pack file is named <id>.yaml, with a lowercase id');
      const pack = loadPack(id, { dir });
      return {
        id: pack.id,
        version: pack.version,
        title: pack.title,
        description: pack.description,
        recipes: pack.recipes.length,
        file,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

function packFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(dir, name));
}

/** The values a template gets from a slot for one group: by its language, else its script, else the plain list. */
export function slotValuesFor(
  slot: Slot,
  group: string,
  template: { language?: KnownLanguage },
): string[] | null {
  const values = slot.values[group];
  if (values === undefined) return null;
  const plain = Array.isArray(values) ? values : pickVariant(values, template.language);
  if (!plain) return null;
  if (!slot.frame) return plain;
  const frame = pickVariant(slot.frame, template.language);
  return frame === undefined ? null : plain.map((value) => frame.replaceAll('{value}', value));
}

function pickVariant<T>(
  byVariant: Partial<Record<string, T>>,
  label: KnownLanguage | undefined,
): T | undefined {
  if (label === undefined) return undefined;
  return byVariant[label] ?? byVariant[scriptOf(label)];
}

/** The placeholders `{name}` of a template. */
export const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function invalid(file: string, path: string, message: string, code = PACK_INVALID): MizanError {
  return errors.invalidRequest(code, `${file}: ${path ? `${path}: ` : ''}${message}`, path || null);
}

function schemaError(file: string, raw: unknown, issues: readonly z.core.$ZodIssue[]): MizanError {
  const first = issues[0]!;
  const path = first.path.join('.');
  const last = first.path[first.path.length - 1];
  if (first.code === 'invalid_value' && last === 'metric') {
    return invalid(
      file,
      path,
      `unknown metric ${JSON.stringify(valueAt(raw, first.path))} (known: ${METRIC_IDS.join(', ')})`,
      UNKNOWN_METRIC,
    );
  }
  if (first.code === 'invalid_value' && first.path.includes('attacks')) {
    return invalid(
      file,
      path,
      `unknown attack ${JSON.stringify(valueAt(raw, first.path))} (known: ${ATTACK_IDS.join(', ')}; "none", the prompt unchanged, is always included)`,
      UNKNOWN_ATTACK,
    );
  }
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return invalid(file, path, `${first.message}${more}`);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Before validation: slots written as `{ group: values }` become `{ values }`; slots given as `{ file }` are read
 * (group → values, or parallel rows `{ id, sector?, <group>: text }` kept in file order, filtered by the recipe's
 * sector); `root: pack` paths become absolute. Shapes it does not recognise are left for the schema to report.
 */
function resolveFiles(raw: unknown, packDir: string, file: string): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.recipes)) return raw;
  const recipes = raw.recipes.map((recipe: unknown, r) => {
    if (!isRecord(recipe) || !isRecord(recipe.source)) return recipe;
    const src = recipe.source;
    if (src.root === 'pack' && typeof src.file === 'string') {
      return { ...recipe, source: { ...src, file: resolve(packDir, src.file) } };
    }
    if (src.type !== 'templates' || !isRecord(src.slots)) return recipe;
    const slots = Object.fromEntries(
      Object.entries(src.slots).map(([name, spec]) => {
        const path = `recipes.${r}.source.slots.${name}`;
        if (!isRecord(spec) || 'values' in spec) return [name, spec];
        if (typeof spec.file !== 'string') return [name, { values: spec }];
        const { file: slotFile, ...rest } = spec;
        const sector = typeof recipe.sector === 'string' ? recipe.sector : undefined;
        return [
          name,
          { ...rest, values: readSlotFile(resolve(packDir, slotFile), sector, file, `${path}.file`) },
        ];
      }),
    );
    return { ...recipe, source: { ...src, slots } };
  });
  return { ...raw, recipes };
}

function readSlotFile(path: string, sector: string | undefined, file: string, field: string): unknown {
  if (!existsSync(path)) throw invalid(file, field, `no slot file at ${path}`);
  let content: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    content = extname(path) === '.jsonl' ? parseJsonl(text, path) : parseYaml(text);
  } catch (cause) {
    throw invalid(
      file,
      field,
      `cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  if (!Array.isArray(content)) return content;
  const groups: Record<string, string[]> = {};
  let expected: string[] | undefined;
  content.forEach((row: unknown, index) => {
    if (!isRecord(row)) throw invalid(file, field, `${path}: row ${index + 1} is not an object`);
    if (sector !== undefined && row.sector !== sector) return;
    const names = Object.keys(row).filter((key) => key !== 'id' && key !== 'sector');
    expected ??= names;
    const missing = expected.filter((name) => typeof row[name] !== 'string');
    const extra = names.filter((name) => !expected!.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      throw invalid(
        file,
        field,
        `${path}: row ${index + 1} must give a text for exactly ${expected.join(', ')}` +
          ` (missing or not text: ${missing.join(', ') || '-'}; unexpected: ${extra.join(', ') || '-'})`,
      );
    }
    for (const name of names) (groups[name] ??= []).push(row[name] as string);
  });
  return groups;
}

/** What the schema cannot say: references between fields, and that every template can be filled for every group. */
function checkPack(pack: Pack, file: string): void {
  const seen = new Set<string>();
  pack.recipes.forEach((recipe, r) => {
    const at = (field: string): string => `recipes.${r}.${field}`;
    if (seen.has(recipe.id)) throw invalid(file, at('id'), `duplicate recipe id "${recipe.id}"`);
    seen.add(recipe.id);
    const thresholds = [recipe.thresholds.A, recipe.thresholds.B, recipe.thresholds.C, recipe.thresholds.D];
    const lower = recipe.thresholds.direction === 'lower_is_better';
    for (let k = 1; k < thresholds.length; k++) {
      if (lower ? thresholds[k]! < thresholds[k - 1]! : thresholds[k]! > thresholds[k - 1]!) {
        throw invalid(
          file,
          at('thresholds'),
          `A, B, C, D must be ${lower ? 'increasing' : 'decreasing'} when ${recipe.thresholds.direction}`,
        );
      }
    }
    const src = recipe.source;
    if (!SOURCES_OF_KIND[recipe.kind].includes(src.type)) {
      throw invalid(
        file,
        at('source.type'),
        `a ${recipe.kind} recipe takes a source of type ${SOURCES_OF_KIND[recipe.kind].join(' or ')}, not ${src.type}`,
      );
    }
    if (recipe.attacks && recipe.kind !== 'attack') {
      throw invalid(file, at('attacks'), 'only attack recipes apply attack modules');
    }
    const groups = groupsOf(recipe);
    if (recipe.reference_group !== undefined && groups !== null && !groups.includes(recipe.reference_group)) {
      throw invalid(
        file,
        at('reference_group'),
        `"${recipe.reference_group}" is not one of the recipe's groups (${groups.join(', ')})`,
      );
    }
    if (src.type === 'templates') checkTemplates(src, file, at);
    if (src.type === 'crows_pairs') {
      requirePlaceholders(src.prompt, ['a', 'b'], file, at('source.prompt'));
      if (src.choices[0] === src.choices[1])
        throw invalid(file, at('source.choices'), 'the two choices must differ');
    }
    if (src.type === 'camel') requirePlaceholders(src.prompt, ['sentence'], file, at('source.prompt'));
  });
}

/** The groups a recipe's cases will carry, when the pack alone says which (null: they depend on the data). */
export function groupsOf(recipe: Recipe): string[] | null {
  const src = recipe.source;
  if (src.type === 'templates') {
    const only = Object.values(src.slots)[0];
    return only ? Object.keys(only.values) : [];
  }
  if (src.type === 'camel') return [...CAMEL_GROUPS];
  if (src.type === 'prompts_file') return ['none', ...(recipe.attacks ?? [])];
  if (src.type === 'questions_file') return src.languages ? [...src.languages] : null;
  return null;
}

function requirePlaceholders(text: string, names: string[], file: string, field: string): void {
  const found = placeholders(text);
  const missing = names.filter((name) => !found.includes(name));
  if (missing.length > 0)
    throw invalid(file, field, `must contain ${missing.map((m) => `{${m}}`).join(' and ')}`);
}

function checkTemplates(src: TemplatesSource, file: string, at: (field: string) => string): void {
  const entries = Object.entries(src.slots);
  if (entries.length !== 1) {
    throw invalid(
      file,
      at('source.slots'),
      `needs exactly one slot, the attribute that varies (got ${entries.length})`,
    );
  }
  const [name, slotSpec] = entries[0]!;
  const groups = Object.keys(slotSpec.values);
  if (groups.length < 2)
    throw invalid(file, at(`source.slots.${name}`), 'needs at least two groups to compare');
  src.templates.forEach((template, t) => {
    const field = at(`source.templates.${t}`);
    const names = placeholders(template.text);
    if (!names.includes(name) || names.some((n) => n !== name)) {
      throw invalid(file, `${field}.text`, `must contain {${name}} and no other placeholder`);
    }
    let count: number | undefined;
    for (const group of groups) {
      const values = slotValuesFor(slotSpec, group, template);
      if (values === null) {
        throw invalid(
          file,
          field,
          `slot ${name} has no values${slotSpec.frame ? ' or frame' : ''} for group ${group} in ${template.language ?? 'a template without language'}`,
        );
      }
      if (count !== undefined && values.length !== count) {
        throw invalid(
          file,
          field,
          `slot ${name}: group ${group} has ${values.length} values for ${template.language ?? 'this template'}, other groups ${count}; pairs need as many in each group`,
        );
      }
      count = values.length;
    }
  });
}
