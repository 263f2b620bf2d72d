/**
 * Open data from ../shared/data: Presidio's synthetic English PII set (MIT) with its labels mapped to Mizan's types,
 * and the Moroccan law corpus (official texts; collection Apache-2.0), where a structured identifier is almost surely
 * a false positive.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from './metrics.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `shared/data` beside the repository (the working tree is `<root>/main`, the data `<root>/shared/data`). */
export function sharedDataDir(): string | undefined {
  const candidates = [
    process.env.MIZAN_SHARED_DATA,
    path.resolve(here, '../../../shared/data'),
    path.resolve(process.cwd(), '../shared/data'),
  ];
  return candidates.find((c): c is string => c !== undefined && existsSync(c));
}

/** Presidio label → Mizan type. PHONE_NUMBER is kept apart: its numbers are not Moroccan. */
export const PRESIDIO_MAP: Readonly<Record<string, string>> = {
  PERSON: 'PERSON',
  EMAIL_ADDRESS: 'EMAIL',
  CREDIT_CARD: 'PAYMENT_CARD',
  IBAN_CODE: 'IBAN',
  IP_ADDRESS: 'IP_ADDRESS',
  STREET_ADDRESS: 'ADDRESS',
  PHONE_NUMBER: 'PHONE_NUMBER',
};
/** Labels with no Mizan type: skipped (DATE_TIME is any date, not a date of birth). */
export const PRESIDIO_SKIPPED = [
  'DATE_TIME',
  'GPE',
  'ORGANIZATION',
  'TITLE',
  'AGE',
  'NRP',
  'ZIP_CODE',
  'DOMAIN_NAME',
  'US_SSN',
  'US_DRIVER_LICENSE',
];

export interface PresidioItem {
  id: string;
  text: string;
  gold: Span[];
  /** Every original span, for describing what a prediction landed on. */
  all: Span[];
}

/** Python offsets count code points; JavaScript's count UTF-16 units. */
function codePointToUnit(text: string): (i: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (i) => map[i] ?? unit;
}

export function loadPresidio(dir: string): PresidioItem[] {
  const file = path.join(dir, 'presidio-synth-pii-en', 'synth_dataset_v2.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as {
    full_text: string;
    spans: { entity_type: string; start_position: number; end_position: number }[];
  }[];
  return rows.map((row, i) => {
    const toUnit = codePointToUnit(row.full_text);
    const all = row.spans.map((s) => ({
      type: s.entity_type,
      start: toUnit(s.start_position),
      end: toUnit(s.end_position),
    }));
    const gold = all.flatMap((s) => {
      const type = PRESIDIO_MAP[s.type];
      return type ? [{ ...s, type }] : [];
    });
    return { id: `presidio/${i}`, text: row.full_text, gold, all };
  });
}

export interface LawProvision {
  id: string;
  lang: string;
  text: string;
}

export function loadLawCorpus(dir: string): LawProvision[] {
  const file = path.join(dir, 'moroccan-law-corpus', 'provisions.jsonl');
  const out: LawProvision[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { doc_id: string; provision_ref: string; lang: string; text: string };
    out.push({ id: `${row.doc_id}#${row.provision_ref}`, lang: row.lang, text: row.text });
  }
  return out;
}
