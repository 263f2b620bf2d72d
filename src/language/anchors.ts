/**
 * Anchors: a prefilter in front of phrase expressions (the guard's rule packs, the lexicons' cues). Every phrase
 * has a set of strings one of which any key it matches must hold (its rarest required word, or one word of each
 * alternative of a required group); one Aho–Corasick pass over a key finds the anchors it holds, and only their
 * phrases' expressions run. An ordinary message holds few anchors, so it costs one linear pass instead of
 * hundreds of alternations tried at every word.
 *
 * Phrase syntax (the lexicons' and the rule packs'): words, "(a|b|)" alternatives, "…" or "…{n}" gaps, "*" any
 * letters. Literals are folded with the fold the phrase's expression uses, so that the anchor is what the key holds.
 */

const TOKEN = /…(?:\{\d{1,2}\})?|[()|*]|\s+|[^\s()|*…]+/gu;

/** A phrase's tokens: literals, "(", "|", ")", "*", gaps ("…", "…{n}") and runs of spaces. */
export function phraseTokens(phrase: string): string[] {
  return phrase.trim().match(TOKEN) ?? [];
}

/** How a phrase's literal words become key words: the fold of the expression the anchors stand in front of. */
export type FoldLiteral = (literal: string) => string;

const ARABIC = /^[\u0621-\u064a]/;
/** The article comes off: a phrase's Arabic word matches with or without it (phrases.ts, PROCLITICS). */
const ARTICLE = /^ال(?=[\u0621-\u064a]{3})/;

/** Strings one of which every match holds; undefined where nothing is required (an optional group, a gap). */
type AnchorSet = readonly string[] | undefined;

/** The better of two anchor sets: the one whose shortest string is longest (rarer), then the smaller one. */
function rarer(a: AnchorSet, b: AnchorSet): AnchorSet {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set: readonly string[]) => Math.min(...set.map((s) => s.length));
  const [la, lb] = [shortest(a), shortest(b)];
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

function literalAnchor(literal: string, fold: FoldLiteral): AnchorSet {
  let best: AnchorSet;
  for (const word of fold(literal).split(' ')) {
    const bare = ARABIC.test(word) ? word.replace(ARTICLE, '') : word;
    if (bare) best = rarer(best, [bare]);
  }
  return best;
}

/**
 * The anchor set of a phrase (its syntax: phrases.ts), or undefined when it has none: such a phrase is tried on
 * every key.
 */
export function phraseAnchors(phrase: string, fold: FoldLiteral): AnchorSet {
  // One frame per open group: the alternatives closed so far, and the best anchor of the current sequence.
  const frames: Array<{ alternatives: AnchorSet[]; sequence: AnchorSet }> = [
    { alternatives: [], sequence: undefined },
  ];
  const top = () => frames.at(-1)!;
  for (const token of phraseTokens(phrase)) {
    if (token === '(') frames.push({ alternatives: [], sequence: undefined });
    else if (token === '|') {
      top().alternatives.push(top().sequence);
      top().sequence = undefined;
    } else if (token === ')') {
      const group = required(frames.pop()!);
      top().sequence = rarer(top().sequence, group);
    } else if (token !== '*' && !token.startsWith('…') && !/^\s/.test(token))
      top().sequence = rarer(top().sequence, literalAnchor(token, fold));
  }
  // A phrase may be alternatives itself ("a b|c"): its root is a group.
  return required(frames[0]!);
}

/** A group requires something only if every alternative does: one string of each. */
function required(group: { alternatives: AnchorSet[]; sequence: AnchorSet }): AnchorSet {
  const alternatives = [...group.alternatives, group.sequence];
  return alternatives.every((a) => a) ? [...new Set(alternatives.flatMap((a) => a!))] : undefined;
}

/** Aho–Corasick automaton over a fixed set of strings. */
export class AnchorIndex {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private fail: Int32Array = new Int32Array(1);
  /** Per state, the ids of the strings that end there (its own and its failure chain's). */
  private readonly outputs: number[][] = [[]];

  constructor(strings: readonly string[]) {
    strings.forEach((s, id) => {
      let state = 0;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        let to = this.next[state]!.get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.outputs.push([]);
          this.next[state]!.set(c, to);
        }
        state = to;
      }
      this.outputs[state]!.push(id);
    });
    this.fail = new Int32Array(this.next.length);
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f > 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.outputs[to]!.push(...this.outputs[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** The state after reading character `c` in `state`. */
  private step(state: number, c: number): number {
    let to = this.next[state]!.get(c);
    while (to === undefined && state > 0) {
      state = this.fail[state]!;
      to = this.next[state]!.get(c);
    }
    return to ?? 0;
  }

  /** Whether the text holds any of the strings. */
  holdsAny(text: string): boolean {
    for (let i = 0, state = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      if (this.outputs[state]!.length > 0) return true;
    }
    return false;
  }

  /** Calls `found` with the id of every string the text holds, once per occurrence. */
  search(text: string, found: (id: number) => void): void {
    for (let i = 0, state = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      for (const id of this.outputs[state]!) found(id);
    }
  }
}
