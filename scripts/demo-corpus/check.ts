/**
 * Checks the demo corpus and the retrieval question set against each other:
 *  - every `corpus/demo/**\/*.md` has the front matter the loader needs, a unique id, and `##` headings;
 *  - every line of `bench/retrieval/questions.jsonl` has a unique id, a platform language label, and answers that
 *    name an existing document and the exact text of one of its `##` headings.
 * Prints the counts per language and per document; exits non-zero on the first kind of error found.
 *
 *   npx tsx scripts/demo-corpus/check.ts [--corpus corpus/demo] [--questions bench/retrieval/questions.jsonl]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const LABELS = ['fra_Latn', 'arb_Arab', 'ary_Arab', 'ary_Latn', 'zgh_Tfng', 'zgh_Latn', 'eng_Latn'] as const;
const REQUIRED = [
  'id',
  'title',
  'publisher',
  'source_uri',
  'licence',
  'language',
  'classification',
  'version',
  'collection',
  'demo',
] as const;

interface Doc {
  file: string;
  id: string;
  headings: Set<string>;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return name.endsWith('.md') && name !== 'README.md' ? [p] : [];
    });
}

function readDoc(file: string, errors: string[]): Doc | undefined {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/u.exec(text);
  if (!m) {
    errors.push(`${file}: no front matter`);
    return undefined;
  }
  const front = parseYaml(m[1]!) as Record<string, unknown>;
  for (const key of REQUIRED) if (front[key] === undefined) errors.push(`${file}: front matter lacks ${key}`);
  if (!(LABELS as readonly string[]).includes(String(front.language))) errors.push(`${file}: bad language`);
  if (front.classification !== 'public') errors.push(`${file}: classification must be public`);
  if (front.demo === true && !/^https:\/\/mizan\.example\/demo\//u.test(String(front.source_uri)))
    errors.push(`${file}: demo content must point to https://mizan.example/demo/…`);
  const body = text.slice(m[0].length);
  const headings = new Set([...body.matchAll(/^## (.+)$/gmu)].map((h) => h[1]!.trim()));
  if (headings.size === 0) errors.push(`${file}: no ## headings`);
  return { file, id: String(front.id), headings };
}

interface Question {
  id: string;
  question: string;
  lang: string;
  answers: { document_id: string; article: string }[];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.join(root, 'corpus/demo') },
      questions: { type: 'string', default: path.join(root, 'bench/retrieval/questions.jsonl') },
    },
  });
  const errors: string[] = [];
  const docs = new Map<string, Doc>();
  for (const file of markdownFiles(values.corpus)) {
    const doc = readDoc(file, errors);
    if (!doc) continue;
    if (docs.has(doc.id)) errors.push(`${file}: duplicate id ${doc.id}`);
    docs.set(doc.id, doc);
  }

  const ids = new Set<string>();
  const texts = new Set<string>();
  const perLang = new Map<string, number>();
  const perDoc = new Map<string, number>();
  const lines = readFileSync(values.questions, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  lines.forEach((line, i) => {
    const where = `questions.jsonl:${i + 1}`;
    let q: Question;
    try {
      q = JSON.parse(line) as Question;
    } catch {
      errors.push(`${where}: not JSON`);
      return;
    }
    if (ids.has(q.id)) errors.push(`${where}: duplicate id ${q.id}`);
    ids.add(q.id);
    if (texts.has(q.question)) errors.push(`${where}: duplicate question`);
    texts.add(q.question);
    if (!(LABELS as readonly string[]).includes(q.lang)) errors.push(`${where}: bad lang ${q.lang}`);
    perLang.set(q.lang, (perLang.get(q.lang) ?? 0) + 1);
    if (!Array.isArray(q.answers) || q.answers.length === 0) errors.push(`${where}: no answers`);
    for (const a of q.answers ?? []) {
      const doc = docs.get(a.document_id);
      if (!doc) errors.push(`${where}: unknown document ${a.document_id}`);
      else if (!doc.headings.has(a.article))
        errors.push(`${where}: ${a.document_id} has no heading "${a.article}"`);
      perDoc.set(a.document_id, (perDoc.get(a.document_id) ?? 0) + 1);
    }
  });

  console.log(`${docs.size} documents, ${lines.length} questions`);
  for (const label of LABELS) console.log(`  ${label}\t${perLang.get(label) ?? 0}`);
  console.log('answers per document:');
  for (const [id, n] of [...perDoc].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${id}\t${n}`);
  if (errors.length > 0) {
    for (const e of errors) console.error(e);
    process.exitCode = 1;
  }
}

main();
