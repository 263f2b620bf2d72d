/**
 * The npm peers, `redact-pii` and `@redactpii/node`, run offline. Both only return redacted text (each match
 * replaced by a label such as PHONE_NUMBER), so to score their spans this module replays their own rules, in
 * their order, over a text that remembers where each character came from; the replay's output is compared with
 * the library's own `redact()` on every input, and the mismatches are counted (they should be zero).
 * Throughput is always measured on the library's own `redact()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Span } from './metrics.js';

const require = createRequire(import.meta.url);

export interface Peer {
  name: string;
  version: string;
  /** Mizan types this peer claims to find (its labels mapped). */
  types: readonly string[];
  redact(text: string): string;
  /** Spans in the original text; `type` is a Mizan type, `PHONE` for phone numbers, or `other:LABEL`. */
  spans(text: string): { spans: Span[]; replayOk: boolean };
}

/** A piece of a replacement: a kept slice of the match (relative offsets) or a label. */
type Piece = { keep: readonly [number, number] } | { token: string };

interface Token {
  type: string;
  start: number;
  end: number;
  alive: boolean;
}

/** Text under successive replacements, each character knowing its original offset or the token it belongs to. */
class TrackedText {
  text: string;
  private origin: number[];
  readonly tokens: Token[] = [];

  constructor(original: string) {
    this.text = original;
    this.origin = Array.from({ length: original.length }, (_, i) => i);
  }

  private originalStart(i: number): number {
    const o = this.origin[i]!;
    return o >= 0 ? o : this.tokens[-o - 1]!.start;
  }

  private originalEnd(i: number): number {
    const o = this.origin[i]!;
    return o >= 0 ? o + 1 : this.tokens[-o - 1]!.end;
  }

  /** The replacement of current [start, end) by `pieces`, appended to `text`/`origin`; tokens recorded. */
  private emit(
    start: number,
    end: number,
    pieces: readonly Piece[],
    label: (token: string) => string,
    out: { text: string; origin: number[] },
  ): void {
    const kept = pieces.flatMap((p) => ('keep' in p ? [p.keep] : []));
    const inKept = (rel: number) => kept.some(([a, b]) => rel >= a && rel < b);
    let first = -1;
    let last = -1;
    for (let i = start; i < end; i++) {
      if (inKept(i - start)) continue;
      if (first < 0) first = i;
      last = i;
      const o = this.origin[i]!;
      if (o < 0) this.tokens[-o - 1]!.alive = false;
    }
    for (const p of pieces) {
      if ('keep' in p) {
        out.text += this.text.slice(start + p.keep[0], start + p.keep[1]);
        for (let i = start + p.keep[0]; i < start + p.keep[1]; i++) out.origin.push(this.origin[i]!);
      } else {
        const id = this.tokens.length;
        this.tokens.push(
          first < 0
            ? { type: label(p.token), start: 0, end: 0, alive: false }
            : {
                type: label(p.token),
                start: this.originalStart(first),
                end: this.originalEnd(last),
                alive: true,
              },
        );
        out.text += p.token;
        for (let i = 0; i < p.token.length; i++) out.origin.push(-id - 1);
      }
    }
  }

  /** Replaces the non-overlapping [start, end) ranges (sorted) by their pieces, in one pass. */
  private apply(
    edits: readonly { start: number; end: number; pieces: readonly Piece[] }[],
    label: (token: string) => string,
  ) {
    if (edits.length === 0) return;
    const out = { text: '', origin: [] as number[] };
    let pos = 0;
    for (const e of edits) {
      out.text += this.text.slice(pos, e.start);
      for (let i = pos; i < e.start; i++) out.origin.push(this.origin[i]!);
      this.emit(e.start, e.end, e.pieces, label, out);
      pos = e.end;
    }
    out.text += this.text.slice(pos);
    for (let i = pos; i < this.text.length; i++) out.origin.push(this.origin[i]!);
    this.text = out.text;
    this.origin = out.origin;
  }

  splice(start: number, end: number, pieces: readonly Piece[], label: (token: string) => string): void {
    this.apply([{ start, end, pieces }], label);
  }

  /** `String.prototype.replace(regex, …)` with the pieces of each match. */
  replace(regex: RegExp, pieces: (m: RegExpExecArray) => Piece[], label: (token: string) => string): void {
    const re = new RegExp(regex.source, regex.flags);
    const edits: { start: number; end: number; pieces: Piece[] }[] = [];
    if (re.global) {
      re.lastIndex = 0;
      for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
        edits.push({ start: m.index, end: m.index + m[0].length, pieces: pieces(m) });
        if (m[0].length === 0) re.lastIndex++;
      }
    } else {
      const m = re.exec(this.text);
      if (m) edits.push({ start: m.index, end: m.index + m[0].length, pieces: pieces(m) });
    }
    this.apply(edits, label);
  }

  spans(): Span[] {
    return this.tokens
      .filter((t) => t.alive && t.end > t.start)
      .map(({ type, start, end }) => ({ type, start, end }));
  }
}

/** The installed version (read from the package's package.json, which `exports` may not expose). */
function version(pkg: string): string {
  try {
    let dir = path.dirname(require.resolve(pkg));
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    }
  } catch {
    // not installed
  }
  return '?';
}

// ---------------------------------------------------------------------------------------------------------------
// redact-pii 3.x

const REDACT_PII_LABELS: Readonly<Record<string, string>> = {
  CREDIT_CARD_NUMBER: 'PAYMENT_CARD',
  STREET_ADDRESS: 'ADDRESS',
  PHONE_NUMBER: 'PHONE',
  IP_ADDRESS: 'IP_ADDRESS',
  EMAIL_ADDRESS: 'EMAIL',
  PERSON_NAME: 'PERSON',
};

interface RedactPiiChild {
  redact(text: string): string;
  regexpMatcher?: RegExp;
  replaceWith?: string;
}

async function loadRedactPii(): Promise<Peer | undefined> {
  let mod: { SyncRedactor: new () => { redact(t: string): string } };
  try {
    mod = require('redact-pii') as typeof mod;
  } catch {
    return undefined;
  }
  const redactor = new mod.SyncRedactor();
  const children = (redactor as unknown as { childRedactors: RedactPiiChild[] }).childRedactors;
  const names = require('redact-pii/lib/built-ins/well-known-names.json') as string[];
  // NameRedactor's expressions, as in redact-pii/lib/built-ins/NameRedactor.js.
  const greetingRegex = /(^|\.\s+)(dear|hi|hello|greetings|hey|hey there)/gi;
  const closingRegex =
    /(thx|thanks|thank you|regards|best|[a-z]+ly|[a-z]+ regards|all the best|happy [a-z]+ing|take care|have a [a-z]+ (weekend|night|day))/gi;
  const greetingOrClosingSource =
    '(((' + greetingRegex.source + ')|(' + closingRegex.source + '\\s*[,.!]*))[\\s-]*)';
  const genericNameSource = '( ?(([A-Z][a-z]+)|([A-Z]\\.)))+([,.]|[,.]?$)';
  const wellKnownNames = new RegExp('\\b(\\s*)(\\s*(' + names.join('|') + '))+\\b', 'gim');
  const label = (token: string) => REDACT_PII_LABELS[token] ?? `other:${token}`;

  const replayNames = (t: TrackedText, replaceWith: string) => {
    const greetingOrClosing = new RegExp(greetingOrClosingSource, 'gi');
    const genericName = new RegExp(genericNameSource, 'gm');
    let g = greetingOrClosing.exec(t.text);
    while (g !== null) {
      genericName.lastIndex = greetingOrClosing.lastIndex;
      const n = genericName.exec(t.text);
      if (n !== null && n.index === greetingOrClosing.lastIndex) {
        const suffix = n[5] ?? '';
        const len = n[0].length;
        t.splice(
          n.index,
          n.index + len,
          [{ token: replaceWith }, { keep: [len - suffix.length, len] }],
          label,
        );
      }
      g = greetingOrClosing.exec(t.text);
    }
    t.replace(wellKnownNames, (m) => [{ keep: [0, m[1]!.length] }, { token: replaceWith }], label);
  };

  return {
    name: 'redact-pii',
    version: version('redact-pii'),
    types: ['PAYMENT_CARD', 'ADDRESS', 'MA_PHONE', 'IP_ADDRESS', 'EMAIL', 'PERSON'],
    redact: (text) => redactor.redact(text),
    spans(text) {
      const t = new TrackedText(text);
      for (const child of children) {
        if (child.regexpMatcher && child.replaceWith !== undefined) {
          const token = child.replaceWith;
          t.replace(child.regexpMatcher, () => [{ token }], label);
        } else {
          replayNames(t, child.replaceWith ?? 'PERSON_NAME');
        }
      }
      return { spans: t.spans(), replayOk: t.text === redactor.redact(text) };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// @redactpii/node 1.x

const REDACTPII_NODE_LABELS: Readonly<Record<string, string>> = {
  CREDIT_CARD: 'PAYMENT_CARD',
  EMAIL: 'EMAIL',
  PERSON_NAME: 'PERSON',
  PHONE_NUMBER: 'PHONE',
};
const REDACTPII_NODE_TOKENS: Readonly<Record<string, string>> = {
  CREDIT_CARD: 'CREDIT_CARD_NUMBER',
  EMAIL: 'EMAIL_ADDRESS',
  PERSON_NAME: 'PERSON_NAME',
  PHONE_NUMBER: 'PHONE_NUMBER',
  US_SOCIAL_SECURITY_NUMBER: 'US_SOCIAL_SECURITY_NUMBER',
};

async function loadRedactPiiNode(): Promise<Peer | undefined> {
  let mod: { Redactor: new () => { redact(t: string): string } };
  try {
    mod = (await import('@redactpii/node')) as unknown as typeof mod;
  } catch {
    return undefined;
  }
  const redactor = new mod.Redactor();
  const rules = (redactor as unknown as { activeRules: { pattern: RegExp; name: string }[] }).activeRules;
  return {
    name: '@redactpii/node',
    version: version('@redactpii/node'),
    types: ['PAYMENT_CARD', 'EMAIL', 'MA_PHONE', 'PERSON'],
    redact: (text) => redactor.redact(text),
    spans(text) {
      const t = new TrackedText(text);
      for (const { pattern, name } of rules) {
        const token = REDACTPII_NODE_TOKENS[name] ?? 'DIGITS';
        const type = REDACTPII_NODE_LABELS[name] ?? `other:${name}`;
        t.replace(
          pattern,
          () => [{ token }],
          () => type,
        );
      }
      return { spans: t.spans(), replayOk: t.text === redactor.redact(text) };
    },
  };
}

/** The peers that load here (a missing package is skipped, with the reason). */
export async function loadPeers(): Promise<{ peers: Peer[]; missing: string[] }> {
  const peers: Peer[] = [];
  const missing: string[] = [];
  for (const [name, load] of [
    ['redact-pii', loadRedactPii],
    ['@redactpii/node', loadRedactPiiNode],
  ] as const) {
    const peer = await load();
    if (peer) peers.push(peer);
    else missing.push(`${name} (not installed)`);
  }
  return { peers, missing };
}

/** A peer's span type on a given data set: its generic phone label becomes `phoneType`. */
export const mapPhone = (spans: readonly Span[], phoneType: string): Span[] =>
  spans.map((s) => (s.type === 'PHONE' ? { ...s, type: phoneType } : s));
