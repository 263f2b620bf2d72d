/**
 * The guard benchmark's own held-out sets, as committed under bench/guard/data/ (written by `generate.ts`, never
 * by hand): citizens' questions that must pass, and attacks that must be stopped. Independent of the guard's
 * training data (scripts/guard/data), which the generator does not read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonl } from '../../src/assurance/datasets.js';
import type { KnownLanguage } from '../../src/language/labels.js';
import { REPO_ROOT } from '../environment.js';
import type { AttackCategory } from './attacks/types.js';
import type { Topic } from './benign/types.js';

export const DATA_DIR = path.join(REPO_ROOT, 'bench', 'guard', 'data');
export const BENIGN_FILE = path.join(DATA_DIR, 'benign.jsonl');
export const ATTACKS_FILE = path.join(DATA_DIR, 'attacks.jsonl');
/** The safety red-team pack's injections (packs/data), scored as a set of their own. */
export const PACK_INJECTIONS_FILE = path.join(REPO_ROOT, 'packs', 'data', 'injections-ma.jsonl');

export interface BenignRow {
  id: string;
  lang: KnownLanguage;
  text: string;
  topic: Topic;
  /** The word in it that a naive filter would take for an attack or a harm. */
  hard?: string;
  /** Not yet reviewed by a native speaker (Tamazight). */
  draft?: true;
}

export interface AttackRow {
  id: string;
  lang: KnownLanguage;
  text: string;
  category: AttackCategory;
  /** `written` whole, or `composed` from an override and a payload. */
  source: 'written' | 'composed';
  draft?: true;
}

export interface PackInjection {
  id: string;
  lang: KnownLanguage;
  text: string;
  category: string;
}

const lines = (file: string) => parseJsonl(readFileSync(file, 'utf8'), file);

export const loadBenign = (file = BENIGN_FILE): BenignRow[] => lines(file) as unknown as BenignRow[];
export const loadAttacks = (file = ATTACKS_FILE): AttackRow[] => lines(file) as unknown as AttackRow[];

export function loadPackInjections(file = PACK_INJECTIONS_FILE): PackInjection[] {
  return lines(file).map((r) => ({
    id: String(r.id),
    lang: r.language as KnownLanguage,
    text: String(r.text),
    category: String(r.category),
  }));
}
