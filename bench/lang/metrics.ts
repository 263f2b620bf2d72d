/**
 * Sentence-level scores: per label precision, recall and F1 (with `prf` of the PII benchmark), macro-F1 and
 * accuracy over the rows whose gold label is one of the seven, the same with the confounder rows' predictions
 * counted as false positives of the label predicted, and a confusion matrix.
 */
import { prf, type Prf } from '../pii/metrics.js';
import { ALL_LABELS, CONFOUNDERS, LABELS, type Label, type Row, type ScoredLabel } from './data.js';

export interface LabelScore extends Prf {
  gold: number;
  pred: number;
  tp: number;
}

export interface Scores {
  perLabel: Record<ScoredLabel, LabelScore>;
  macroF1: number;
  /** Correct answers over the rows whose gold label is one of the seven. */
  accuracy: number;
  correct: number;
  total: number;
  /** The same per label and macro, a confounder row predicted as one of the seven being a false positive. */
  withConfounders: { perLabel: Record<ScoredLabel, LabelScore>; macroF1: number };
}

const isScored = (g: Row['gold']): g is ScoredLabel => (LABELS as readonly string[]).includes(g);
const isConfounder = (g: Row['gold']) => (CONFOUNDERS as readonly string[]).includes(g);

function perLabel(tp: Map<string, number>, pred: Map<string, number>, gold: Map<string, number>) {
  const out = {} as Record<ScoredLabel, LabelScore>;
  for (const l of LABELS) {
    const t = tp.get(l) ?? 0;
    const p = pred.get(l) ?? 0;
    const g = gold.get(l) ?? 0;
    out[l] = { ...prf(t, p, g), tp: t, pred: p, gold: g };
  }
  return out;
}

const macro = (s: Record<ScoredLabel, LabelScore>) => LABELS.reduce((a, l) => a + s[l].f1, 0) / LABELS.length;
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function score(rows: readonly Row[], preds: readonly Label[]): Scores {
  const tp = new Map<string, number>();
  const pred = new Map<string, number>();
  const predConf = new Map<string, number>();
  const gold = new Map<string, number>();
  let correct = 0;
  let total = 0;
  rows.forEach((row, i) => {
    const p = preds[i]!;
    if (isScored(row.gold)) {
      total++;
      bump(gold, row.gold);
      bump(pred, p);
      bump(predConf, p);
      if (p === row.gold) {
        correct++;
        bump(tp, p);
      }
    } else if (isConfounder(row.gold)) {
      bump(predConf, p);
    }
  });
  const plain = perLabel(tp, pred, gold);
  const conf = perLabel(tp, predConf, gold);
  return {
    perLabel: plain,
    macroF1: macro(plain),
    accuracy: total === 0 ? Number.NaN : correct / total,
    correct,
    total,
    withConfounders: { perLabel: conf, macroF1: macro(conf) },
  };
}

/** Counts by gold label (as given, confounders included), then by predicted label. */
export function confusion(rows: readonly Row[], preds: readonly Label[]): Map<string, Map<Label, number>> {
  const m = new Map<string, Map<Label, number>>();
  rows.forEach((row, i) => {
    let r = m.get(row.gold);
    if (!r) m.set(row.gold, (r = new Map(ALL_LABELS.map((l) => [l, 0]))));
    const p = preds[i]!;
    r.set(p, (r.get(p) ?? 0) + 1);
  });
  return m;
}
