/**
 * Open data from ../shared/data for the retrieval benchmark: the SQuAD-format QA sets PIAF (French, Etalab, MIT)
 * and XQuAD (Arabic, DeepMind, CC BY-SA 4.0), whose paragraphs become documents and whose questions are asked
 * against them, and the Moroccan law corpus (official texts, article by article), the bulk of the latency corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnownLanguage } from '../../src/language/labels.js';
import type { Rng } from '../pii/rng.js';

export interface QaContext {
  /** External id of the context's document: `<set>/<article>/<paragraph>`. */
  id: string;
  title: string;
  text: string;
}

export interface QaQuestion {
  id: string;
  question: string;
  contextId: string;
}

export interface QaSet {
  name: string;
  language: KnownLanguage;
  file: string;
  licence: string;
  publisher: string;
  sourceUri: string;
  contexts: QaContext[];
  questions: QaQuestion[];
}

interface QaSource {
  name: string;
  key: string;
  relative: string;
  language: KnownLanguage;
  licence: string;
  publisher: string;
  sourceUri: string;
}

export const QA_SOURCES: readonly QaSource[] = [
  {
    name: 'PIAF',
    key: 'piaf',
    relative: 'piaf-fr-qa/piaf-v1.0.json',
    language: 'fra_Latn',
    licence: 'MIT (PIAF v1.0, Etalab)',
    publisher: 'Etalab (DINUM), PIAF',
    sourceUri: 'https://www.data.gouv.fr/datasets/piaf-le-dataset-francophone-de-questions-reponses',
  },
  {
    name: 'XQuAD ar',
    key: 'xquad-ar',
    relative: 'xquad-ar-en/xquad.ar.json',
    language: 'arb_Arab',
    licence: 'CC BY-SA 4.0 (XQuAD)',
    publisher: 'DeepMind, XQuAD',
    sourceUri: 'https://github.com/google-deepmind/xquad',
  },
];

interface Squad {
  data: {
    title?: string;
    paragraphs: { context: string; qas: { id: string; question: string }[] }[];
  }[];
}

/** A SQuAD-format set: one context per paragraph, every question tied to its paragraph; undefined when absent. */
export function loadQaSet(dataDir: string, source: QaSource): QaSet | undefined {
  const file = path.join(dataDir, source.relative);
  if (!existsSync(file)) return undefined;
  const squad = JSON.parse(readFileSync(file, 'utf8')) as Squad;
  const contexts: QaContext[] = [];
  const questions: QaQuestion[] = [];
  squad.data.forEach((article, a) => {
    article.paragraphs.forEach((paragraph, p) => {
      const id = `${source.key}/${a}/${p}`;
      contexts.push({ id, title: article.title ?? `${source.name} ${a}`, text: paragraph.context.trim() });
      for (const qa of paragraph.qas) questions.push({ id: qa.id, question: qa.question, contextId: id });
    });
  });
  return { ...source, file, contexts, questions };
}

/** `n` items drawn without replacement (all of them when there are fewer), in draw order. */
export function sample<T>(items: readonly T[], n: number, rng: Rng): T[] {
  const pool = [...items];
  const count = Math.min(n, pool.length);
  for (let i = 0; i < count; i++) {
    const j = rng.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

export interface Provision {
  docId: string;
  docTitle: string;
  article: string;
  lang: 'ar' | 'fr';
  sourceUrl: string;
  text: string;
}

/** The law corpus's provisions (`text_normalized`, its safe repairs of the extraction), in file order. */
export function loadProvisions(dataDir: string): Provision[] | undefined {
  const file = path.join(dataDir, 'moroccan-law-corpus', 'provisions.jsonl');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const r = JSON.parse(line) as {
        doc_id: string;
        doc_title: string;
        article: string;
        lang: 'ar' | 'fr';
        source_url: string;
        text: string;
        text_normalized?: string;
      };
      return {
        docId: r.doc_id,
        docTitle: r.doc_title,
        article: r.article,
        lang: r.lang,
        sourceUrl: r.source_url,
        text: (r.text_normalized ?? r.text).trim(),
      };
    });
}
