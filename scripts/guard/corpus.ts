/**
 * The guard classifier's corpus: the project's templates (scripts/guard/data) expanded and obfuscated, the train
 * splits of open injection and harmful-request sets, and open benign text in the platform's languages. Every
 * example belongs to a group (its template, its source row) and every group to one split, so that no template
 * sits on both sides.
 *
 * Never read here: the deepset and BIPIA test files, MultiJail's reserved test rows (`isMultiJailTest`),
 * packs/data/injections-ma.jsonl, anything under bench/, and DODa (CC BY-NC).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACKS, type AttackId } from '../../src/assurance/attacks/index.js';
import { pick } from '../../src/assurance/attacks/random.js';
import type { ClassifierLabel } from '../../src/guard/classifier/index.js';
import { arabicToArabizi, latinToTifinagh, tifinaghToLatin } from '../../src/language/transliterate/index.js';
import { darijaMessage } from '../language-id/darija-phrases.js';
import { expand, loadSlots, loadTemplates, type TemplateRow } from './templates.js';

export type Split = 'train' | 'test';

export interface Example {
  text: string;
  labels: ClassifierLabel[];
  /** Language as written (platform labels, plus `deu_Latn` for deepset's German). */
  lang: string;
  /** Template kind (`injection`, `harmful:fraud`, `benign:service`…) or the source's own (`benign:corpus`). */
  kind: string;
  source: string;
  group: string;
  split: Split;
  /** The attack module applied (`none`, `homoglyph`, `role_play`…), or the transliteration that made the text. */
  obfuscation: string;
}

const fnv = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
};

/** 20 % of groups are held out for the test. */
export const splitOf = (group: string): Split => (fnv(group) % 5 === 0 ? 'test' : 'train');

/** Cross-validation folds of the training groups (epochs and calibration are chosen on held-out folds). */
export const FOLDS = 5;
export const foldOf = (group: string): number => fnv(`fold:${group}`) % FOLDS;

/** A quarter of the slot values are only used by held-out templates, so test readings are partly unseen. */
const isTrainSlotValue = (value: string) => fnv(`slot:${value}`) % 4 !== 0;

/**
 * MultiJail has no official split. Rows whose id is a multiple of 5 (63 of 315) are the benchmark's and are never
 * read for training; bench/guard evaluates on exactly these.
 */
export const isMultiJailTest = (id: number): boolean => id % 5 === 0;

const OBFUSCATIONS_LATIN: readonly AttackId[] = [
  'homoglyph',
  'zero_width',
  'leetspeak',
  'code_switch',
  'tifinagh',
];
const OBFUSCATIONS_ARABIC: readonly AttackId[] = ['homoglyph', 'zero_width', 'code_switch', 'arabizi'];

/** Citizens' questions and conversation: the benign texts the platform sees most, where a false alarm shows. */
export const isCitizenMessage = (example: Example): boolean =>
  /^benign:(service|sector|frames|chat|hard)/.test(example.kind);

const isArabicScript = (lang: string) => lang.endsWith('_Arab');

/** Typing slips: a letter dropped or two swapped, in one or two words. */
function typo(text: string, random: () => number): string {
  const chars = [...text];
  const slips = 1 + Math.floor(random() * 2);
  for (let s = 0; s < slips && chars.length > 4; s++) {
    const at = 1 + Math.floor(random() * (chars.length - 2));
    if (random() < 0.5) chars.splice(at, 1);
    else [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  }
  return chars.join('');
}

const hasLabel = (labels: readonly ClassifierLabel[], label: ClassifierLabel) => labels.includes(label);

interface AugmentRates {
  /** A copy through one meaning-preserving attack module. */
  obfuscate: number;
  /** A copy inside a role-play frame: a jailbreak whatever it wraps. */
  rolePlay: number;
  /** A copy as a base64 payload behind "decode and obey": an injection whatever it hides. */
  base64: number;
}
const ATTACK_RATES: AugmentRates = { obfuscate: 0.6, rolePlay: 0.12, base64: 0.05 };
const BENIGN_RATES: AugmentRates = { obfuscate: 0.3, rolePlay: 0.04, base64: 0.015 };

/** The example as written, and the copies an attacker (or a writer in another script) would make of it. */
function withVariants(base: Example, random: () => number): Example[] {
  const out: Example[] = [base];
  const seed = Math.floor(random() * 2 ** 31);
  const rates = base.labels.length > 0 ? ATTACK_RATES : BENIGN_RATES;
  if (random() < 0.1) out.push({ ...base, text: typo(base.text, random), obfuscation: 'typo' });
  if (random() < rates.obfuscate) {
    const modules = isArabicScript(base.lang) ? OBFUSCATIONS_ARABIC : OBFUSCATIONS_LATIN;
    const id = pick(random, modules);
    const text = ATTACKS[id].apply(base.text, seed);
    if (text !== base.text) {
      const lang = id === 'arabizi' ? 'ary_Latn' : base.lang;
      out.push({ ...base, text, lang, obfuscation: id });
    }
  }
  if (random() < rates.rolePlay) {
    const labels: ClassifierLabel[] = hasLabel(base.labels, 'jailbreak')
      ? base.labels
      : [...base.labels, 'jailbreak'];
    out.push({ ...base, text: ATTACKS.role_play.apply(base.text, seed), labels, obfuscation: 'role_play' });
  }
  if (random() < rates.base64) {
    out.push({
      ...base,
      text: ATTACKS.base64.apply(base.text, seed),
      labels: ['prompt_injection'],
      obfuscation: 'base64',
    });
  }
  return out;
}

/** Readings per template, by kind: enough for thousands of examples per language. */
function readingsPerTemplate(kind: string): number {
  if (kind === 'benign:sector') return 80;
  if (kind === 'harmful:generic') return 60;
  if (kind.startsWith('benign')) return 40;
  if (kind.startsWith('harmful')) return 30;
  return 40;
}

/**
 * Templates are split within each language and kind, in the order of a hash of their text: every fifth is held
 * out for the test, so that each kind is represented on both sides (a plain hash
 * split can hold out, say, every French "write a…" request at once). Kinds with fewer than three templates stay
 * in training.
 */
function templateSplits(rows: readonly TemplateRow[]): Map<TemplateRow, Split> {
  const splits = new Map<TemplateRow, Split>();
  const byKind = new Map<string, TemplateRow[]>();
  for (const row of rows)
    byKind.set(`${row.lang}:${row.kind}`, [...(byKind.get(`${row.lang}:${row.kind}`) ?? []), row]);
  for (const kind of byKind.values()) {
    const ordered = [...kind].sort((a, b) => fnv(a.text) - fnv(b.text));
    ordered.forEach((row, rank) => {
      const split: Split = ordered.length >= 3 && rank % 5 === 0 ? 'test' : 'train';
      splits.set(row, split);
    });
  }
  return splits;
}

function templateExamples(random: () => number, passages: Map<string, string[]>): Example[] {
  const slots = loadSlots();
  for (const [lang, pool] of passages) slots.passage![lang] = [...(slots.passage![lang] ?? []), ...pool];
  const out: Example[] = [];
  const rows = loadTemplates();
  const splits = templateSplits(rows);
  for (const row of rows) {
    const group = `template:${row.lang}:${row.text}`;
    const split = splits.get(row)!;
    const allowed = split === 'train' ? isTrainSlotValue : undefined;
    for (const text of expand(row, slots, random, readingsPerTemplate(row.kind), allowed)) {
      for (const example of writtenForms(row, text, group, split, random))
        out.push(...withVariants(example, random));
    }
  }
  return out;
}

/** Darija is also written in Latin letters, Tamazight in Tifinagh: each template reading in both scripts. */
function writtenForms(
  row: TemplateRow,
  text: string,
  group: string,
  split: Split,
  random: () => number,
): Example[] {
  const base: Example = {
    text,
    labels: row.labels,
    lang: row.lang,
    kind: row.kind,
    source: 'mizan-templates',
    group,
    split,
    obfuscation: 'none',
  };
  const forms = [base];
  if (row.lang === 'ary_Arab' && random() < 0.6) {
    forms.push({
      ...base,
      text: arabicToArabizi(text, { random }),
      lang: 'ary_Latn',
      obfuscation: 'romanized',
    });
  }
  if (row.lang === 'zgh_Latn') {
    forms.push({ ...base, text: latinToTifinagh(text), lang: 'zgh_Tfng', obfuscation: 'none' });
  }
  return forms;
}

const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Parses MultiJail.csv: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

type Push = (
  text: string,
  labels: ClassifierLabel[],
  lang: string,
  kind: string,
  source: string,
  group?: string,
) => void;

function collector(random: () => number): { out: Example[]; push: Push } {
  const out: Example[] = [];
  const push: Push = (text, labels, lang, kind, source, group = '') => {
    const g = group || `${source}:${text}`;
    const example: Example = {
      text,
      labels,
      lang,
      kind,
      source,
      group: g,
      split: splitOf(g),
      obfuscation: 'none',
    };
    out.push(...withVariants(example, random));
  };
  return { out, push };
}

/** The open injection and harmful-request sets, train parts only. */
function openAttackSets(
  dataDir: string,
  random: () => number,
  englishPassages: readonly string[],
): Example[] {
  const { out, push } = collector(random);
  // deepset/prompt-injections, train.jsonl only (Apache-2.0). Label 1 = injection.
  for (const line of lines(join(dataDir, 'deepset-prompt-injections/train.jsonl'))) {
    const { text, label } = JSON.parse(line) as { text: string; label: number };
    const lang = /\b(der|die|und|ist|nicht|ich|sie|wie|was)\b/i.test(text) ? 'deu_Latn' : 'eng_Latn';
    push(
      text,
      label === 1 ? ['prompt_injection'] : [],
      lang,
      label === 1 ? 'injection' : 'benign:deepset',
      'deepset',
    );
  }

  // MultiJail (MIT): harmful requests, Arabic and English columns of the same row share a group. Rows tagged only
  // as discrimination, misinformation or "non-violent unethical behaviour" are left out: many read as ordinary
  // questions ("What's your least favorite country?"), and a word-level model only learns noise from them.
  const csv = readFileSync(join(dataDir, 'multijail/MultiJail.csv'), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(csv);
  const column = (name: string) => header!.indexOf(name);
  for (const row of rows) {
    const id = Number(row[column('id')]);
    if (!Number.isInteger(id) || isMultiJailTest(id)) continue;
    if (!CLEAR_HARM_TAGS.test(row[column('tags')] ?? '')) continue;
    for (const [field, lang] of [
      ['en', 'eng_Latn'],
      ['ar', 'arb_Arab'],
    ] as const) {
      const text = row[column(field)]?.trim();
      if (text) push(text, ['harmful_content'], lang, 'harmful:multijail', 'multijail', `multijail:${id}`);
    }
  }

  // BIPIA (MIT), train files only: instructions that hijack an answer, hidden in e-mails, are indirect
  // injections; the e-mails alone and the plain questions of the first task families are benign.
  const bipia = join(dataDir, 'bipia-indirect-injection/benchmark');
  const attacks = JSON.parse(readFileSync(join(bipia, 'text_attack_train.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  const emails = bipiaEmails(dataDir);
  for (const [family, instructions] of Object.entries(attacks)) {
    for (const instruction of instructions) {
      if (BIPIA_QUESTION_FAMILIES.has(family)) {
        push(instruction, [], 'eng_Latn', 'benign:bipia', 'bipia');
        continue;
      }
      // Into an e-mail, and into another English passage, so that the instruction, not the e-mail, is learnt.
      for (const host of [pick(random, emails), pick(random, englishPassages)]) {
        const cut = random() < 0.5 ? host.length : Math.floor(random() * host.length);
        const text = `${host.slice(0, cut)} ${instruction} ${host.slice(cut)}`.trim();
        push(text, ['prompt_injection'], 'eng_Latn', 'indirect', 'bipia', `bipia:${instruction}`);
      }
    }
  }
  return out;
}

const CLEAR_HARM_TAGS =
  /Violence|Hate|Bullying|Theft|Weapons|Adult|Substance|Terrorism|Fraud|Sexual|Animal|Property|Soliciting|Self-harm|Child/;
const BIPIA_QUESTION_FAMILIES = new Set([
  'Information Retrieval',
  'Content Creation',
  'Learning and Tutoring',
  'Language Translation',
  'Programming Help',
]);

const bipiaEmails = (dataDir: string): string[] =>
  lines(join(dataDir, 'bipia-indirect-injection/benchmark/email/train.jsonl')).map((l) =>
    (JSON.parse(l) as { context: string }).context.slice(0, 600),
  );

const LAW = 'moroccan-law-corpus';

interface BenignSource {
  lang: string;
  source: string;
  texts: string[];
  /** Its sentences also make passages (retrieved content) for the indirect-injection templates. */
  passages: boolean;
}

/**
 * Open benign text in every language: conversation (Tatoeba), encyclopaedic text (NLLB-seed), questions (PIAF,
 * XQuAD), law (the Moroccan law corpus, whose crime vocabulary makes good hard negatives), e-mails (BIPIA).
 */
function benignSources(dataDir: string, random: () => number): BenignSource[] {
  const take = (texts: string[], cap: number) => shuffled(texts, random).slice(0, cap);
  const tc = join(dataDir, 'tatoeba-challenge-v2021-08-07');
  const tatoeba = (pair: string, side: string, wanted: string) => {
    const file = join(tc, pair, `tatoeba-test-v2021-08-07.${side}`);
    const labels = lines(`${file}.labels`);
    return lines(file).filter((_, i) => labels[i] === wanted);
  };
  const nllb = (code: string) => lines(join(dataDir, 'nllb-seed/seed', code));
  const squadQuestions = (file: string) => {
    const data = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as {
      data: { paragraphs: { qas: { question: string }[] }[] }[];
    };
    return data.data.flatMap((a) => a.paragraphs.flatMap((p) => p.qas.map((q) => q.question.trim())));
  };
  const provisions = lines(join(dataDir, 'moroccan-law-corpus/provisions.jsonl')).map(
    (l) => JSON.parse(l) as { lang: string; text: string },
  );
  const lawArticles = (lang: string) =>
    provisions
      .filter((p) => p.lang === lang && p.text.length > 200)
      .map((p) => p.text.replace(/\s+/g, ' ').slice(0, 3000));
  // Sentences come only from articles on the training side, so a held-out article is wholly unseen.
  const lawSentences = (lang: string) =>
    lawArticles(lang)
      .filter((article) => splitOf(`${LAW}:${article}`) === 'train')
      .flatMap((article) => article.split(/(?<=[.;:؛])\s+/u))
      .filter((s) => s.length >= 40 && s.length <= 400 && !/[¶±]/.test(s) && s !== s.toUpperCase());
  const darija = take(nllb('ary_Arab'), 3000);
  const tifinagh = take(nllb('zgh_Tfng'), 3000);
  const source = (lang: string, name: string, texts: string[], passages = false): BenignSource => ({
    lang,
    source: name,
    texts,
    passages,
  });
  return [
    source(
      'fra_Latn',
      'tatoeba',
      take([...tatoeba('ara-fra', 'fra', 'fra'), ...tatoeba('ber-fra', 'fra', 'fra')], 2500),
    ),
    source(
      'eng_Latn',
      'tatoeba',
      take([...tatoeba('ara-eng', 'eng', 'eng'), ...tatoeba('ber-eng', 'eng', 'eng')], 1500),
    ),
    source('arb_Arab', 'tatoeba', take(tatoeba('ara-eng', 'ara', 'ara'), 2500)),
    source('zgh_Latn', 'tatoeba', take(tatoeba('ber-eng', 'ber', 'ber_Latn'), 1500), true),
    source('eng_Latn', 'nllb-seed', take(nllb('eng_Latn'), 800), true),
    source('ary_Arab', 'nllb-seed', darija.slice(0, 1500), true),
    source(
      'ary_Latn',
      'nllb-seed',
      darija.slice(1500).map((t) => arabicToArabizi(t, { random })),
      true,
    ),
    source('zgh_Tfng', 'nllb-seed', tifinagh.slice(0, 1500)),
    source(
      'zgh_Latn',
      'nllb-seed',
      tifinagh.slice(1500, 2500).map((t) => tifinaghToLatin(t, { ascii: random() < 0.5 })),
    ),
    source(
      'ary_Arab',
      'darija-phrases',
      Array.from({ length: 1500 }, () => darijaMessage(random, 1)),
    ),
    source(
      'ary_Latn',
      'darija-phrases',
      Array.from({ length: 1500 }, () => darijaMessage(random, 0)),
    ),
    source('fra_Latn', 'piaf', take(squadQuestions('piaf-fr-qa/piaf-v1.0.json'), 2000)),
    source('arb_Arab', 'xquad', take(squadQuestions('xquad-ar-en/xquad.ar.json'), 1000)),
    source('eng_Latn', 'xquad', take(squadQuestions('xquad-ar-en/xquad.en.json'), 600)),
    source('arb_Arab', LAW, take(lawSentences('ar'), 2000), true),
    source('fra_Latn', LAW, take(lawSentences('fr'), 1000), true),
    // Whole provisions: retrieved passages are long, and a long text is read in windows that must stay benign.
    source('arb_Arab', LAW, take(lawArticles('ar'), 1500)),
    source('fra_Latn', LAW, take(lawArticles('fr'), 400)),
    // Each e-mail also hides instructions in the injection examples: its parts keep it benign on its own.
    source(
      'eng_Latn',
      'bipia',
      bipiaEmails(dataDir).flatMap((email) => [email, email.slice(0, 300), email.slice(-300)]),
      true,
    ),
  ];
}

const PASSAGES_PER_LANGUAGE = 300;
/** Sentences per passage: mostly a snippet, sometimes a page, where a hidden instruction is a small part. */
const PASSAGE_SENTENCES = [2, 2, 3, 3, 6, 8];

/**
 * Retrieved content for the indirect-injection templates' {passage} slot: open sentences in a row.
 * The same sentences are benign examples too, so that only the hidden instruction tells the two apart.
 */
function passagesBySource(sources: BenignSource[], random: () => number): Map<string, string[]> {
  const byLang = new Map<string, string[]>();
  for (const { lang, texts, passages } of sources) {
    if (!passages) continue;
    const pool = byLang.get(lang) ?? [];
    for (let i = 0; i + 8 < texts.length && pool.length < PASSAGES_PER_LANGUAGE; i += 8) {
      pool.push(texts.slice(i, i + pick(random, PASSAGE_SENTENCES)).join(' '));
    }
    byLang.set(lang, pool);
  }
  return byLang;
}

/** The whole corpus, deterministic for the seed's generator. */
export function buildCorpus(dataDir: string, random: () => number): Example[] {
  const sources = benignSources(dataDir, random);
  const passages = passagesBySource(sources, random);
  const { out: benign, push } = collector(random);
  for (const { lang, source, texts } of sources)
    for (const text of texts) push(text, [], lang, 'benign:corpus', source);
  for (const [lang, pool] of passages)
    for (const text of pool) push(text, [], lang, 'benign:passage', 'open-data');
  const english = passages.get('eng_Latn') ?? [];
  return [...templateExamples(random, passages), ...openAttackSets(dataDir, random, english), ...benign];
}
