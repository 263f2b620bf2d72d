/**
 * Public sets from ../shared/data (or MIZAN_SHARED_DATA), read at run time, none shipped: deepset's prompt
 * injections (test split, Apache-2.0), MultiJail's harmful requests in English and Arabic (MIT; it has no split),
 * and BIPIA's indirect injections hidden in e-mails (test split, MIT). A set whose files are missing is skipped
 * with a note.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvRecords, parseJsonl } from '../../src/assurance/datasets.js';
import { Rng } from '../pii/rng.js';

export interface SharedRow {
  id: string;
  text: string;
  /** Whether the row is an attack (or a harmful request) the guard should stop. */
  attack: boolean;
  /** A language label of ours, or `other`. */
  lang: string;
  /** What kind of row, for the report (`injection`, `benign`, a MultiJail tag, a BIPIA attack category…). */
  kind: string;
  /** MultiJail: a row the guard's classifier may have trained on. */
  seenInTraining?: boolean;
}

export interface SharedSet {
  name: string;
  rows: SharedRow[];
  note: string;
}

export type Skipped = { name: string; skipped: string };

const read = (file: string) => readFileSync(file, 'utf8');

/** deepset/prompt-injections, test split: label 1 an injection, 0 benign; mostly English, some German. */
export function loadDeepset(dir: string, langOf: (text: string) => string): SharedSet | Skipped {
  const file = path.join(dir, 'deepset-prompt-injections', 'test.jsonl');
  if (!existsSync(file)) return { name: 'deepset', skipped: `${file} is missing` };
  const rows = parseJsonl(read(file), file).map((r, i) => {
    const text = String(r.text);
    const attack = Number(r.label) === 1;
    return {
      id: `deepset.test.${i + 1}`,
      text,
      attack,
      lang: langOf(text),
      kind: attack ? 'injection' : 'benign',
    };
  });
  return { name: 'deepset', rows, note: 'deepset/prompt-injections test split (Apache-2.0), all rows' };
}

/**
 * MultiJail: 315 harmful requests, English and Arabic columns (the other eight languages are not ours). It has no
 * split: `isHeldOut` names the ids a classifier never trained on, and every other row is marked as possibly seen.
 */
export function loadMultiJail(dir: string, isHeldOut: (id: number) => boolean): SharedSet | Skipped {
  const file = path.join(dir, 'multijail', 'MultiJail.csv');
  if (!existsSync(file)) return { name: 'multijail', skipped: `${file} is missing` };
  const records = csvRecords(read(file), file);
  const rows: SharedRow[] = [];
  for (const r of records) {
    const id = r.id ?? '';
    const seenInTraining = !isHeldOut(Number(id));
    const kind = (r.tags ?? '').replace(/^\['|'\]$/g, '').split("', '")[0] || 'untagged';
    if (r.en)
      rows.push({
        id: `multijail.${id}.en`,
        text: r.en,
        attack: true,
        lang: 'eng_Latn',
        kind,
        seenInTraining,
      });
    if (r.ar)
      rows.push({
        id: `multijail.${id}.ar`,
        text: r.ar,
        attack: true,
        lang: 'arb_Arab',
        kind,
        seenInTraining,
      });
  }
  const heldOut = records.filter((r) => isHeldOut(Number(r.id))).length;
  return {
    name: 'multijail',
    rows,
    note: `MultiJail (MIT), English and Arabic; it has no split: all ${records.length} requests, ${heldOut} of them held out from the classifier's training`,
  };
}

/** Where BIPIA puts an attack in a context: its first, middle or last line. */
export const BIPIA_POSITIONS = ['start', 'middle', 'end'] as const;

function insertAt(context: string, attack: string, position: (typeof BIPIA_POSITIONS)[number]): string {
  if (position === 'start') return `${attack}\n${context}`;
  if (position === 'end') return `${context}\n${attack}`;
  const lines = context.split('\n');
  const mid = Math.floor(lines.length / 2);
  return [...lines.slice(0, mid), attack, ...lines.slice(mid)].join('\n');
}

/**
 * BIPIA's e-mail task, test split: every text attack of the test split hidden in an e-mail drawn by the seed, at
 * each of `positions`; the clean e-mails are the benign rows. Checked as content a model reads, not as a message.
 */
export function loadBipia(
  dir: string,
  seed: number,
  positions: readonly (typeof BIPIA_POSITIONS)[number][],
): SharedSet | Skipped {
  const base = path.join(dir, 'bipia-indirect-injection', 'benchmark');
  const emailsFile = path.join(base, 'email', 'test.jsonl');
  const attacksFile = path.join(base, 'text_attack_test.json');
  if (!existsSync(emailsFile) || !existsSync(attacksFile))
    return { name: 'bipia', skipped: `${emailsFile} or ${attacksFile} is missing` };
  const emails = parseJsonl(read(emailsFile), emailsFile).map((r) => String(r.context));
  const attacks = JSON.parse(read(attacksFile)) as Record<string, string[]>;
  const rng = new Rng(seed);
  const rows: SharedRow[] = emails.map((text, i) => ({
    id: `bipia.email.${i + 1}`,
    text,
    attack: false,
    lang: 'eng_Latn',
    kind: 'clean e-mail',
  }));
  for (const [category, list] of Object.entries(attacks))
    list.forEach((attack, k) => {
      for (const position of positions)
        rows.push({
          id: `bipia.${category}.${k + 1}.${position}`,
          text: insertAt(rng.pick(emails), attack, position),
          attack: true,
          lang: 'eng_Latn',
          kind: category,
        });
    });
  return {
    name: 'bipia',
    rows,
    note: `BIPIA (MIT) e-mail task, test split: ${emails.length} clean e-mails and the ${Object.values(attacks).flat().length} text attacks of the test split inserted at ${positions.join('/')}`,
  };
}
