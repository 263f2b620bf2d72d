/**
 * Questions with their expected passages, and how a retrieved passage is matched against them. A passage is
 * named by its document's external id (the front matter `id`) and its labels: the legal article it is part of,
 * the last heading of its path (procedure pages), and any Markdown heading inside its text (the chunker merges
 * small sections into one passage, whose path keeps only their common ancestor). An answer without a label
 * accepts any passage of its document (the open QA sets, where a document is one context).
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Answer {
  documentId: string;
  /** Article or heading text; undefined: any passage of the document. */
  article?: string | undefined;
}

export interface Question {
  id: string;
  question: string;
  /** The language label the set gives (fra_Latn, ary_Latn…). */
  lang: string;
  answers: Answer[];
}

/** What the scoring needs of a retrieved passage. */
export interface Hit {
  documentId: string;
  /** Normalized labels the passage answers to: its article, its last heading, headings in its text. */
  labels: string[];
  /** For the report's examples. */
  text: string;
}

/** Labels are compared after NFC, trimming and collapsing white space. */
export const labelKey = (label: string): string => label.normalize('NFC').replace(/\s+/gu, ' ').trim();

const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gmu;

/** The passage's labels, the one a citation shows first (article, else last heading). */
export function passageLabels(
  article: string | null | undefined,
  headingPath: readonly string[],
  text: string,
): string[] {
  const labels = new Set<string>();
  if (article) labels.add(labelKey(article));
  const last = headingPath.at(-1);
  if (last !== undefined) labels.add(labelKey(last));
  for (const m of text.matchAll(MARKDOWN_HEADING)) labels.add(labelKey(m[1]!));
  return [...labels];
}

export function answers(hit: Hit, answer: Answer): boolean {
  if (hit.documentId !== answer.documentId) return false;
  return answer.article === undefined || hit.labels.includes(labelKey(answer.article));
}

/** 1-based rank of the first hit that answers the question, undefined when none does. */
export function firstRank(question: Question, ranking: readonly Hit[]): number | undefined {
  const i = ranking.findIndex((hit) => question.answers.some((a) => answers(hit, a)));
  return i < 0 ? undefined : i + 1;
}

/** The question set (`{id, question, lang, answers: [{document_id, article}]}` per line); undefined when absent. */
export function loadQuestions(file: string): Question[] | undefined {
  if (!existsSync(file)) return undefined;
  const out: Question[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let row: { id?: unknown; question?: unknown; lang?: unknown; answers?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
      if (typeof row.question !== 'string' || typeof row.lang !== 'string' || !Array.isArray(row.answers))
        throw new Error(`${file}:${i + 1}: a question needs string fields question and lang, and answers`);
      const list = (row.answers as { document_id?: unknown; article?: unknown }[]).flatMap((a) =>
        typeof a.document_id === 'string'
          ? [{ documentId: a.document_id, article: typeof a.article === 'string' ? a.article : undefined }]
          : [],
      );
      if (list.length === 0) throw new Error(`${file}:${i + 1}: no answer with a document_id`);
      out.push({
        id: typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : `line-${i + 1}`,
        question: row.question,
        lang: row.lang,
        answers: list,
      });
    });
  return out;
}
