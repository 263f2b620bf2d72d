/**
 * The hand-written training templates of the guard classifier (scripts/guard/data/*.jsonl) and their expansion.
 *
 * A template row is `{text, labels, lang, kind}`. In its text, `{a|b|c}` picks one alternative (`{a|}` makes a
 * part optional) and `{name}` fills a slot from data/slots.json in the row's language; slot values may hold
 * alternatives and slots of their own. Braces nest: the innermost group is resolved first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIFIER_LABELS, type ClassifierLabel } from '../../src/guard/classifier/index.js';

export interface TemplateRow {
  text: string;
  labels: ClassifierLabel[];
  /** Platform language label (`fra_Latn`, `ary_Arab`…) of the text as written. */
  lang: string;
  /** `injection`, `extraction`, `indirect`, `jailbreak`, `jailbreak+harm`, `harmful:<category>`, `benign:<kind>`. */
  kind: string;
}

/** Slot name → language → values. */
export type Slots = Record<string, Record<string, string[]>>;

export const DATA_DIR = new URL('./data/', import.meta.url);

export function loadTemplates(): TemplateRow[] {
  const dir = DATA_DIR.pathname;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line, i) => {
          const row = JSON.parse(line) as TemplateRow;
          const unknown = row.labels.filter((l) => !(CLASSIFIER_LABELS as readonly string[]).includes(l));
          if (unknown.length > 0) throw new Error(`${file}:${i + 1}: unknown labels ${unknown.join(', ')}`);
          return row;
        }),
    );
}

export function loadSlots(): Slots {
  return JSON.parse(readFileSync(new URL('slots.json', DATA_DIR), 'utf8')) as Slots;
}

const INNERMOST_GROUP = /\{([^{}]*)\}/;

/**
 * One random reading of `template`. `allowed` filters slot values (to keep some values for held-out templates
 * only); a slot with no allowed value falls back to all of them.
 */
export function expandOnce(
  template: string,
  lang: string,
  slots: Slots,
  random: () => number,
  allowed: (value: string) => boolean = () => true,
): string {
  let text = template;
  for (let guard = 0; guard < 200; guard++) {
    const match = INNERMOST_GROUP.exec(text);
    if (!match)
      return text
        .replace(/\s+/g, ' ')
        .replace(/ ([,.])/g, '$1')
        .trim();
    const body = match[1]!;
    let replacement: string;
    if (body.includes('|')) {
      const options = body.split('|');
      replacement = options[Math.floor(random() * options.length)]!;
    } else {
      const values = slots[body]?.[lang];
      if (!values || values.length === 0) throw new Error(`no slot {${body}} for ${lang} in: ${template}`);
      const kept = values.filter(allowed);
      const pool = kept.length > 0 ? kept : values;
      replacement = pool[Math.floor(random() * pool.length)]!;
    }
    text = text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
  }
  throw new Error(`template does not resolve: ${template}`);
}

/** Up to `count` distinct readings of a template (fewer when it has fewer). */
export function expand(
  row: TemplateRow,
  slots: Slots,
  random: () => number,
  count: number,
  allowed?: (value: string) => boolean,
): string[] {
  const seen = new Set<string>();
  for (let tries = 0; tries < count * 4 && seen.size < count; tries++) {
    seen.add(expandOnce(row.text, row.lang, slots, random, allowed));
  }
  return [...seen];
}
