/**
 * Proposes word-level repairs for the Arabic texts of the demo corpus, for a person to review; the reviewed
 * table is `arabic-fixes.json`, which `build-laws.ts` applies. Nothing here runs at build time.
 *
 * The PDF extraction of the Adala texts reversed the lam-alef ligatures (لا → ال, لأ → أل, لإ → إل, لآ → آل) and,
 * in Law 55.19, wrote "ه" in place of some spaces. Both are ambiguous letter by letter ("ال" is also the article),
 * so the repair is decided per word: a word of the law texts is replaced only when it never occurs in clean
 * Arabic prose (FLORES-200, NTREX-128, XQuAD, Tatoeba: used here as a word list only) while exactly one repaired
 * form does. The output lists every proposal with both frequencies; the reviewed subset goes into the table.
 *
 *   npx tsx scripts/demo-corpus/propose-arabic-fixes.ts [--data ../shared/data] > /tmp/proposals.tsv
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const HA_DOC = 'ma-adala-administrative-159';
const WORD = /[\u0621-\u064A\u0671-\u06D3]+/gu;
const DIACRITICS = /[\u064B-\u0652\u0640]/gu;

function words(text: string): string[] {
  return text.replace(DIACRITICS, '').match(WORD) ?? [];
}

function cleanLexicon(data: string): Map<string, number> {
  const texts: string[] = [];
  const add = (file: string) => {
    if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
  };
  add(path.join(data, 'flores200-devtest/arb_Arab.devtest'));
  add(path.join(data, 'ntrex128/newstest2019-ref.arb.txt'));
  add(path.join(data, 'tatoeba-challenge-v2021-08-07/ara-eng/tatoeba-test-v2021-08-07.ara'));
  add(path.join(data, 'tatoeba-challenge-v2021-08-07/ara-fra/tatoeba-test-v2021-08-07.ara'));
  const xquad = path.join(data, 'xquad-ar-en/xquad.ar.json');
  if (existsSync(xquad)) {
    const json = JSON.parse(readFileSync(xquad, 'utf8')) as {
      data: { paragraphs: { context: string; qas: { question: string }[] }[] }[];
    };
    for (const article of json.data)
      for (const p of article.paragraphs) texts.push(p.context, ...p.qas.map((q) => q.question));
  }
  const lexicon = new Map<string, number>();
  for (const t of texts) for (const w of words(t)) lexicon.set(w, (lexicon.get(w) ?? 0) + 1);
  return lexicon;
}

/** Frequency of a word, or of the word without one leading conjunction (و / ف). */
function freq(lexicon: Map<string, number>, w: string): number {
  const direct = lexicon.get(w) ?? 0;
  if (direct > 0) return direct;
  if (w.length > 3 && (w.startsWith('و') || w.startsWith('ف'))) return lexicon.get(w.slice(1)) ?? 0;
  return 0;
}

const SWAPS: readonly [string, string][] = [
  ['ال', 'لا'],
  ['أل', 'لأ'],
  ['إل', 'لإ'],
  ['آل', 'لآ'],
];

/** Every form of `w` with one or more reversed ligatures put back (at most 3 sites). */
function ligatureCandidates(w: string): string[] {
  const sites: { at: number; to: string }[] = [];
  for (const [from, to] of SWAPS) {
    for (let i = w.indexOf(from); i >= 0; i = w.indexOf(from, i + 1)) sites.push({ at: i, to });
  }
  if (sites.length === 0 || sites.length > 3) return [];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << sites.length; mask++) {
    const chosen = sites.filter((_, k) => mask & (1 << k)).sort((a, b) => a.at - b.at);
    if (chosen.some((s, k) => k > 0 && s.at < chosen[k - 1]!.at + 2)) continue;
    let res = '';
    let last = 0;
    for (const s of chosen) {
      res += w.slice(last, s.at) + s.to;
      last = s.at + 2;
    }
    out.push(res + w.slice(last));
  }
  return out;
}

/** Forms of `w` with a stray "ه" removed at an edge or read as a space inside the word. */
function haCandidates(w: string): string[] {
  const out: string[] = [];
  if (w.startsWith('ه') && w.length > 3) out.push(w.slice(1));
  if (w.endsWith('ه') && w.length > 3) out.push(w.slice(0, -1));
  for (let i = 2; i < w.length - 2; i++) if (w[i] === 'ه') out.push(`${w.slice(0, i)} ${w.slice(i + 1)}`);
  return out;
}

/** Two words run together where a line break was lost (bullet lists of the Adala PDFs). */
function splitCandidates(w: string): string[] {
  const out: string[] = [];
  for (let i = 2; i <= w.length - 2; i++) out.push(`${w.slice(0, i)} ${w.slice(i)}`);
  return out;
}

function score(lexicon: Map<string, number>, candidate: string): number {
  return Math.min(...candidate.split(' ').map((part) => freq(lexicon, part)));
}

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' } } });
  const data = path.resolve(values.data);
  const lexicon = cleanLexicon(data);
  const lines = readFileSync(path.join(data, 'moroccan-law-corpus/provisions.jsonl'), 'utf8').split('\n');
  const counts = new Map<string, Map<string, number>>();
  // Legal vocabulary for the "ه" repair: every Arabic text of the collection but Law 55.19 itself (the other
  // texts do not have that artefact; they share the ligature one, so they are no lexicon for it).
  const legal = new Map<string, number>(lexicon);
  for (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { doc_id: string; subset: string; lang: string; text_normalized: string };
    if (row.lang === 'ar' && row.doc_id !== HA_DOC)
      for (const w of words(row.text_normalized)) legal.set(w, (legal.get(w) ?? 0) + 1);
    if (row.subset !== 'curated' || row.lang !== 'ar') continue;
    const perDoc = counts.get(row.doc_id) ?? new Map<string, number>();
    counts.set(row.doc_id, perDoc);
    for (const w of words(row.text_normalized)) perDoc.set(w, (perDoc.get(w) ?? 0) + 1);
  }
  const out: string[] = ['kind\tdoc\tword\tcount\tfreq_word\tproposal\tfreq_proposal'];
  for (const [doc, perDoc] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [w, n] of [...perDoc].sort(([a], [b]) => a.localeCompare(b))) {
      const fw = freq(lexicon, w);
      const kinds: [string, string[], Map<string, number>][] = [];
      if (fw === 0) kinds.push(['ligature', ligatureCandidates(w), lexicon]);
      if (doc === HA_DOC && w.includes('ه')) kinds.push(['ha', haCandidates(w), legal]);
      if (w.length >= 6 && freq(legal, w) <= 2) kinds.push(['glue', splitCandidates(w), legal]);
      for (const [kind, candidates, lex] of kinds) {
        const ranked = candidates
          .map((c) => ({ c, s: score(lex, c) }))
          .filter((r) => r.s >= (kind === 'glue' ? 20 : 3));
        ranked.sort((a, b) => b.s - a.s || a.c.localeCompare(b.c));
        const best = ranked[0];
        // A stray "ه" is also found in a few other decrees: the word itself must be much rarer than its repair.
        if (best && (kind !== 'ha' || best.s > 5 * freq(lex, w)))
          out.push([kind, doc, w, n, fw, best.c, best.s].join('\t'));
      }
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
