/**
 * Span scoring: per type, exact (same type, start and end) and lenient (same type, overlapping by one character at
 * least: a gold span counts as found when some prediction of its type overlaps it, a prediction as right when it
 * overlaps some gold span of its type), broken down by language, tag and writing, with failing examples kept.
 */

export interface Span {
  type: string;
  start: number;
  end: number;
  writing?: string;
}

export interface Item {
  id: string;
  text: string;
  lang?: string;
  tags?: readonly string[];
}

export interface Counts {
  gold: number;
  pred: number;
  /** Exact matches. */
  exact: number;
  /** Gold spans overlapped by a prediction of their type. */
  goldHit: number;
  /** Predictions overlapping a gold span of their type. */
  predHit: number;
}

export interface Example {
  id: string;
  text: string;
  expected: string;
  got: string;
}

export type FailureKind = 'missed' | 'spurious' | 'boundary' | 'wrong-type';

const emptyCounts = (): Counts => ({ gold: 0, pred: 0, exact: 0, goldHit: 0, predHit: 0 });

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, pred: number, gold: number): Prf {
  const p = pred === 0 ? (gold === 0 ? 1 : 0) : tp / pred;
  const r = gold === 0 ? 1 : tp / gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export const exactPrf = (c: Counts): Prf => prf(c.exact, c.pred, c.gold);

/** Lenient: precision over predictions, recall over gold spans. */
export function lenientPrf(c: Counts): Prf {
  const p = c.pred === 0 ? (c.gold === 0 ? 1 : 0) : c.predHit / c.pred;
  const r = c.gold === 0 ? 1 : c.goldHit / c.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const show = (text: string, spans: readonly Span[]) =>
  spans.length === 0 ? '(nothing)' : spans.map((s) => `${s.type} "${text.slice(s.start, s.end)}"`).join('; ');

export class Evaluator {
  /** Keyed by type, then `type|lang=…`, `type|tag=…`, `type|writing=…`. */
  readonly counts = new Map<string, Counts>();
  readonly examples = new Map<string, Map<FailureKind, Example[]>>();
  /** Predictions of types outside `types`, by type (they are not scored). */
  readonly unscored = new Map<string, number>();
  items = 0;

  constructor(
    /** The types scored; predictions of other types are counted in `unscored`. */
    readonly types: ReadonlySet<string>,
    private readonly maxExamples = 4,
  ) {}

  private bump(key: string, field: keyof Counts) {
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = emptyCounts()));
    c[field]++;
  }

  get(key: string): Counts {
    return this.counts.get(key) ?? emptyCounts();
  }

  private keys(type: string, item: Item, writing?: string): string[] {
    const keys = [type];
    if (item.lang) keys.push(`${type}|lang=${item.lang}`);
    for (const tag of item.tags ?? []) keys.push(`${type}|tag=${tag}`);
    if (item.tags && item.tags.length === 0) keys.push(`${type}|tag=plain`);
    if (writing) keys.push(`${type}|writing=${writing}`);
    return keys;
  }

  private example(type: string, kind: FailureKind, item: Item, gold: readonly Span[], pred: readonly Span[]) {
    let byKind = this.examples.get(type);
    if (!byKind) this.examples.set(type, (byKind = new Map()));
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    if (list.length >= this.maxExamples || list.some((e) => e.id === item.id)) return;
    list.push({ id: item.id, text: item.text, expected: show(item.text, gold), got: show(item.text, pred) });
  }

  add(item: Item, gold: readonly Span[], predAll: readonly Span[]): void {
    this.items++;
    const pred: Span[] = [];
    for (const p of predAll) {
      if (this.types.has(p.type)) pred.push(p);
      else this.unscored.set(p.type, (this.unscored.get(p.type) ?? 0) + 1);
    }
    for (const g of gold) {
      const keys = this.keys(g.type, item, g.writing);
      for (const k of keys) this.bump(k, 'gold');
      const exact = pred.some((p) => p.type === g.type && p.start === g.start && p.end === g.end);
      const hit = exact || pred.some((p) => p.type === g.type && overlaps(p, g));
      if (exact) for (const k of keys) this.bump(k, 'exact');
      if (hit) for (const k of keys) this.bump(k, 'goldHit');
      if (!hit) {
        const other = pred.some((p) => p.type !== g.type && overlaps(p, g));
        this.example(g.type, other ? 'wrong-type' : 'missed', item, gold, predAll);
      } else if (!exact) {
        this.example(g.type, 'boundary', item, gold, predAll);
      }
    }
    for (const p of pred) {
      const keys = this.keys(p.type, item);
      for (const k of keys) this.bump(k, 'pred');
      if (gold.some((g) => g.type === p.type && overlaps(p, g)))
        for (const k of keys) this.bump(k, 'predHit');
      else this.example(p.type, 'spurious', item, gold, predAll);
    }
  }
}
