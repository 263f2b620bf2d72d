/**
 * The held-out language-identification set (`shared/data/lid-benchmark/lid_eval.jsonl`, the test split: never
 * trained on) and the label sets the benchmark scores: the seven labels of Mizan's identifier, `und`, and the
 * confounders (languages that look like ours but are not: romanized MSA, Tuareg in Tifinagh, Tachelhit in Arabic
 * script, Algerian Arabic), whose right answer is `und` or anything outside the seven.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGE_LABELS, type KnownLanguage, type LanguageLabel } from '../../src/language/labels.js';
import { fileURLToPath } from 'node:url';

/** The seven labels scored, in report order: the platform's own. */
export const LABELS = LANGUAGE_LABELS;
export type ScoredLabel = KnownLanguage;
/** Every label a system's answer is mapped to. */
export type Label = LanguageLabel;
export const ALL_LABELS: readonly Label[] = [...LABELS, 'und'];

/** Gold labels that are none of the seven, reported apart. */
export const CONFOUNDERS = ['arb_Latn', 'taq_Tfng', 'shi_Arab', 'arq_Arab'] as const;
export type Confounder = (typeof CONFOUNDERS)[number];

/** Gold labels of the file renamed to ours. */
export const GOLD_RENAMES: Readonly<Record<string, ScoredLabel>> = { ber_Latn: 'zgh_Latn' };

export interface Row {
  id: number;
  text: string;
  /** The file's label, as written there. */
  rawLabel: string;
  /** One of the seven, a confounder, or another label of the file (counted, not scored). */
  gold: ScoredLabel | Confounder | `other:${string}`;
  source: string;
  license: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (bench/lang → ..). */
export const repoRoot = path.resolve(here, '..', '..');
export const DEFAULT_DATA = path.resolve(repoRoot, '..', 'shared', 'data', 'lid-benchmark', 'lid_eval.jsonl');

const isScored = (l: string): l is ScoredLabel => (LABELS as readonly string[]).includes(l);
const isConfounder = (l: string): l is Confounder => (CONFOUNDERS as readonly string[]).includes(l);

export function mapGold(label: string): Row['gold'] {
  const renamed = GOLD_RENAMES[label] ?? label;
  if (isScored(renamed) || isConfounder(renamed)) return renamed;
  return `other:${label}`;
}

export function loadRows(file: string): Row[] {
  if (!existsSync(file)) {
    throw new Error(
      `language-identification data not found: ${file}\n` +
        `  expected the held-out set lid_eval.jsonl (shared/data/lid-benchmark, beside the repository); ` +
        `pass another path with --data FILE`,
    );
  }
  const rows: Row[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let r: { id?: number; text?: unknown; label?: unknown; source?: unknown; license?: unknown };
      try {
        r = JSON.parse(line) as typeof r;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
      if (typeof r.text !== 'string' || typeof r.label !== 'string')
        throw new Error(`${file}:${i + 1}: a row needs string fields text and label`);
      rows.push({
        id: typeof r.id === 'number' ? r.id : i,
        text: r.text,
        rawLabel: r.label,
        gold: mapGold(r.label),
        source: typeof r.source === 'string' ? r.source : '',
        license: typeof r.license === 'string' ? r.license : '',
      });
    });
  if (rows.length === 0) throw new Error(`${file}: no rows`);
  return rows;
}

export type Script = 'Arab' | 'Latn' | 'Tfng' | 'none';

/** The script most letters of `text` are in (Arabic, Latin or Tifinagh); `none` without any such letter. */
export function dominantScript(text: string): Script {
  let arab = 0;
  let latn = 0;
  let tfng = 0;
  for (const ch of text) {
    if (ARABIC.test(ch)) arab++;
    else if (LATIN.test(ch)) latn++;
    else if (TIFINAGH.test(ch)) tfng++;
  }
  if (arab + latn + tfng === 0) return 'none';
  if (tfng >= arab && tfng >= latn) return 'Tfng';
  return arab >= latn ? 'Arab' : 'Latn';
}

const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;
const TIFINAGH = /\p{Script=Tifinagh}/u;
