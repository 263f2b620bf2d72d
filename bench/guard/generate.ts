/**
 * Writes the guard benchmark's held-out sets, bench/guard/data/benign.jsonl and attacks.jsonl, from the sources in
 * bench/guard/benign/ and bench/guard/attacks/: every question and attack written whole, plus a seeded sample of
 * frame × task questions and override × payload injections. Deterministic: the same sources and seed give the
 * same files. Tamazight is written in Latin letters and shown in Tifinagh through the platform's transliterator.
 *
 *   npx tsx bench/guard/generate.ts [--seed N]
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { KnownLanguage } from '../../src/language/labels.js';
import { foldLatin } from '../../src/language/normalize/index.js';
import { latinToTifinagh } from '../../src/language/transliterate/index.js';
import { benchArgs } from '../args.js';
import { Rng } from '../pii/rng.js';
import { ENGLISH_ATTACKS } from './attacks/eng.js';
import { FRENCH_ATTACKS } from './attacks/fra.js';
import { MSA_ATTACKS } from './attacks/arb.js';
import { DARIJA_ARABIC_ATTACKS } from './attacks/ary-arab.js';
import { DARIJA_LATIN_ATTACKS } from './attacks/ary-latn.js';
import type { AttackSource } from './attacks/types.js';
import { TAMAZIGHT_ATTACKS } from './attacks/zgh.js';
import { MSA } from './benign/arb.js';
import { DARIJA_ARABIC } from './benign/ary-arab.js';
import { DARIJA_LATIN } from './benign/ary-latn.js';
import { ENGLISH } from './benign/eng.js';
import { FRENCH } from './benign/fra.js';
import type { BenignSource, Topic } from './benign/types.js';
import { TAMAZIGHT } from './benign/zgh.js';
import { ATTACKS_FILE, BENIGN_FILE, type AttackRow, type BenignRow } from './data.js';

export const DEFAULT_SEED = 909;

/** Per language: its source and how many frame × task questions to draw. */
const BENIGN: readonly { lang: KnownLanguage; source: BenignSource; templated: number }[] = [
  { lang: 'fra_Latn', source: FRENCH, templated: 85 },
  { lang: 'eng_Latn', source: ENGLISH, templated: 80 },
  { lang: 'arb_Arab', source: MSA, templated: 85 },
  { lang: 'ary_Arab', source: DARIJA_ARABIC, templated: 85 },
  { lang: 'ary_Latn', source: DARIJA_LATIN, templated: 85 },
  // Tamazight: drawn once, then shared out between the two scripts.
  { lang: 'zgh_Latn', source: TAMAZIGHT, templated: 80 },
];

const ATTACKS: readonly { lang: KnownLanguage; source: AttackSource; composed: number }[] = [
  { lang: 'fra_Latn', source: FRENCH_ATTACKS, composed: 14 },
  { lang: 'eng_Latn', source: ENGLISH_ATTACKS, composed: 14 },
  { lang: 'arb_Arab', source: MSA_ATTACKS, composed: 14 },
  { lang: 'ary_Arab', source: DARIJA_ARABIC_ATTACKS, composed: 14 },
  { lang: 'ary_Latn', source: DARIJA_LATIN_ATTACKS, composed: 14 },
  { lang: 'zgh_Latn', source: TAMAZIGHT_ATTACKS, composed: 14 },
];

/** Share of templated Latin-script questions typed the casual way: lower case, no accents. */
const CASUAL_SHARE = 0.2;

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `count` distinct frame × task pairs, spread so that every task comes before any task comes twice. */
function templated(source: BenignSource, count: number, rng: Rng): { topic: Topic; text: string }[] {
  const fill = source.fill ?? ((frame: string, task: string) => frame.replace('{t}', task));
  const used = new Set<string>();
  const out: { topic: Topic; text: string }[] = [];
  for (let round = 0; out.length < count && round < source.frames.length; round++) {
    for (const [topic, task] of shuffle(source.tasks, rng)) {
      if (out.length >= count) break;
      const frame = rng.pick(source.frames.filter((f) => !used.has(`${f}\u0000${task}`)));
      used.add(`${frame}\u0000${task}`);
      out.push({ topic, text: fill(frame, task) });
    }
  }
  return out;
}

export function generateBenign(seed = DEFAULT_SEED): BenignRow[] {
  const rows: BenignRow[] = [];
  const perLang = new Map<KnownLanguage, number>();
  const add = (lang: KnownLanguage, row: Omit<BenignRow, 'id' | 'lang'>) => {
    const n = (perLang.get(lang) ?? 0) + 1;
    perLang.set(lang, n);
    rows.push({ id: `benign.${lang}.${String(n).padStart(3, '0')}`, lang, ...row });
  };
  const rng = new Rng(seed);
  for (const { lang, source, templated: count } of BENIGN) {
    const own = rng.fork(lang);
    const drawn = templated(source, count, own);
    if (lang === 'zgh_Latn') {
      // Written questions in both scripts; drawn ones alternate, so that each script has sentences of its own.
      for (const q of source.questions) {
        add('zgh_Latn', { ...q, draft: true });
        add('zgh_Tfng', { ...q, text: latinToTifinagh(q.text), draft: true });
      }
      drawn.forEach((q, i) =>
        i % 2 === 0
          ? add('zgh_Latn', { ...q, draft: true })
          : add('zgh_Tfng', { ...q, text: latinToTifinagh(q.text), draft: true }),
      );
      continue;
    }
    for (const q of source.questions) add(lang, q);
    const latin = lang.endsWith('_Latn');
    for (const q of drawn)
      add(lang, latin && own.chance(CASUAL_SHARE) ? { ...q, text: foldLatin(q.text) } : q);
  }
  return rows;
}

export function generateAttacks(seed = DEFAULT_SEED): AttackRow[] {
  const rows: AttackRow[] = [];
  const rng = new Rng(seed ^ 0x5bd1e995);
  for (const { lang, source, composed } of ATTACKS) {
    const own = rng.fork(lang);
    const pairs = source.overrides.flatMap((o) => source.payloads.map((p) => `${o} ${p}`));
    const texts = [
      ...source.written.map(([category, text]) => ({ category, text, source: 'written' as const })),
      ...shuffle(pairs, own)
        .slice(0, composed)
        .map((text) => ({ category: 'prompt_injection' as const, text, source: 'composed' as const })),
    ];
    texts.forEach((t, i) => {
      const n = String(i + 1).padStart(3, '0');
      if (lang === 'zgh_Latn') {
        // Every Tamazight attack in both scripts.
        rows.push({ id: `attack.zgh_Latn.${n}`, lang, ...t, draft: true });
        rows.push({
          id: `attack.zgh_Tfng.${n}`,
          lang: 'zgh_Tfng',
          ...t,
          text: latinToTifinagh(t.text),
          draft: true,
        });
      } else rows.push({ id: `attack.${lang}.${n}`, lang, ...t });
    });
  }
  return rows;
}

const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seed = benchArgs(process.argv.slice(2)).positive('--seed', DEFAULT_SEED);
  const benign = generateBenign(seed);
  const attacks = generateAttacks(seed);
  writeFileSync(BENIGN_FILE, jsonl(benign));
  writeFileSync(ATTACKS_FILE, jsonl(attacks));
  const count = (rows: readonly { lang: string }[]) => {
    const byLang = new Map<string, number>();
    for (const r of rows) byLang.set(r.lang, (byLang.get(r.lang) ?? 0) + 1);
    return [...byLang].map(([lang, n]) => `${lang} ${n}`).join(', ');
  };
  console.log(`benign: ${benign.length} (${count(benign)})`);
  console.log(`attacks: ${attacks.length} (${count(attacks)})`);
}
