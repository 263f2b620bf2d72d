/**
 * Held-out scores of the guard classifier, printed as Markdown tables for the model card: per label, per
 * language, per kind of benign text (false alarms) and per obfuscation (recall).
 */
import {
  CLASSIFIER_LABELS,
  type ClassifierLabel,
  type ClassifierScores,
} from '../../src/guard/classifier/index.js';
import { isCitizenMessage, type Example } from './corpus.js';

export interface Scored {
  example: Example;
  scores: ClassifierScores;
}

const THRESHOLD = 0.5;

interface Counts {
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
}

function count(set: readonly Scored[], label: ClassifierLabel, threshold = THRESHOLD): Counts {
  const c: Counts = { positives: 0, negatives: 0, truePositives: 0, falsePositives: 0 };
  for (const { example, scores } of set) {
    const flagged = scores[label] >= threshold;
    if (example.labels.includes(label)) {
      c.positives++;
      if (flagged) c.truePositives++;
    } else {
      c.negatives++;
      if (flagged) c.falsePositives++;
    }
  }
  return c;
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const fixed = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));

function score(set: readonly Scored[], label: ClassifierLabel, threshold = THRESHOLD) {
  const c = count(set, label, threshold);
  return {
    positives: c.positives,
    precision: ratio(c.truePositives, c.truePositives + c.falsePositives),
    recall: ratio(c.truePositives, c.positives),
    fpr: ratio(c.falsePositives, c.negatives),
  };
}

function table(head: string[], rows: (string | number)[][]): void {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('');
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
};

/** The lowest threshold at which at most `fpr` of the service questions are flagged for the label. */
function thresholdForServiceFpr(set: readonly Scored[], label: ClassifierLabel, fpr: number): number {
  const service = set
    .filter((s) => isCitizenMessage(s.example) && !s.example.labels.includes(label))
    .map((s) => s.scores[label])
    .sort((a, b) => b - a);
  const allowed = Math.floor(service.length * fpr);
  return Math.max(service[allowed] ?? 0, 0) + 1e-9;
}

const anyFlag = (s: Scored) => CLASSIFIER_LABELS.some((l) => s.scores[l] >= THRESHOLD);

export function printReport(scored: readonly Scored[], packs: readonly Scored[]): Record<string, unknown> {
  const service = scored.filter((s) => isCitizenMessage(s.example) || s.example.labels.length > 0);
  console.log(`\n## Held-out test (${scored.length} texts; threshold ${THRESHOLD})\n`);
  const summary: Record<string, unknown> = {};
  table(
    [
      'label',
      'positives',
      'precision',
      'recall',
      'FPR (all benign)',
      'FPR (service questions)',
      'recall at service FPR ≤ 0.02',
    ],
    CLASSIFIER_LABELS.map((label) => {
      const all = score(scored, label);
      const onService = score(service, label);
      const threshold = thresholdForServiceFpr(scored, label, 0.02);
      const strict = score(service, label, threshold);
      summary[label] = { ...all, serviceFpr: onService.fpr, recallAtServiceFpr002: strict.recall, threshold };
      return [
        label,
        all.positives,
        fixed(all.precision),
        fixed(all.recall),
        fixed(all.fpr),
        fixed(onService.fpr),
        `${fixed(strict.recall)} (t = ${threshold.toFixed(2)})`,
      ];
    }),
  );

  console.log('### Per language (as written: no attack module applied)\n');
  const plain = scored.filter((s) => ['none', 'romanized', 'typo'].includes(s.example.obfuscation));
  const byLang: Record<string, unknown> = {};
  table(
    [
      'language',
      'texts',
      ...CLASSIFIER_LABELS.flatMap((l) => [`${l} P`, `${l} R`, `${l} FPR`]),
      'benign flagged (any label)',
    ],
    [...groupBy(plain, (s) => s.example.lang)].map(([lang, set]) => {
      const benign = set.filter((s) => s.example.labels.length === 0);
      byLang[lang] = Object.fromEntries(CLASSIFIER_LABELS.map((l) => [l, score(set, l)]));
      return [
        lang,
        set.length,
        ...CLASSIFIER_LABELS.flatMap((l) => {
          const s = score(set, l);
          return [fixed(s.precision), fixed(s.recall), fixed(s.fpr)];
        }),
        `${fixed(ratio(benign.filter(anyFlag).length, benign.length))} of ${benign.length}`,
      ];
    }),
  );
  summary.byLanguage = byLang;

  console.log('### False alarms by kind of benign text (any label ≥ threshold)\n');
  const benign = scored.filter((s) => s.example.labels.length === 0);
  table(
    ['kind', 'source', 'texts', 'flagged', 'rate'],
    [...groupBy(benign, (s) => `${s.example.kind} | ${s.example.source}`)].map(([key, set]) => {
      const flagged = set.filter(anyFlag).length;
      return [...key.split(' | '), set.length, flagged, fixed(flagged / set.length)];
    }),
  );

  console.log('### Recall by attack module (positives only)\n');
  const attacks = scored.filter((s) => s.example.labels.length > 0);
  table(
    ['module', 'texts', ...CLASSIFIER_LABELS.map((l) => `${l} R`), 'any label R'],
    [...groupBy(attacks, (s) => s.example.obfuscation)].map(([module, set]) => [
      module,
      set.length,
      ...CLASSIFIER_LABELS.map((l) => fixed(score(set, l).recall)),
      fixed(set.filter(anyFlag).length / set.length),
    ]),
  );

  console.log('### Recall by kind of attack (as written)\n');
  table(
    ['kind', 'texts', 'expected label(s) R', 'any label R'],
    [
      ...groupBy(
        attacks.filter((s) => s.example.obfuscation === 'none'),
        (s) => s.example.kind,
      ),
    ].map(([kind, set]) => {
      const hit = set.filter((s) => s.example.labels.every((l) => s.scores[l] >= THRESHOLD)).length;
      return [kind, set.length, fixed(hit / set.length), fixed(set.filter(anyFlag).length / set.length)];
    }),
  );

  console.log('### Outside check: packs/data public-service questions (never trained on)\n');
  const packRows = [...groupBy(packs, (s) => s.example.lang)].map(([lang, set]) => {
    const flagged = set.filter(anyFlag);
    return [lang, set.length, flagged.length, fixed(flagged.length / set.length)];
  });
  table(['language', 'questions', 'flagged', 'rate'], packRows);
  summary.packQuestionsFlagged = packs.filter(anyFlag).length;
  summary.packQuestions = packs.length;
  return summary;
}
