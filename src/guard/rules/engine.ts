/**
 * The rule engine: packs compiled once into a few combined expressions, run over the views of a text. A view's
 * key (phrases.ts) is tested against each combined expression first; only when one matches are its rules tried
 * one by one, so an ordinary message costs a handful of regex scans per distinct key.
 */
import { arabicToArabizi } from '../../language/transliterate/index.js';
import type { GuardFinding, GuardReason, GuardView, HarmCategory } from '../types.js';
import { packError, RULE_FAMILIES, type GuardRulePack, type RuleFamily } from './pack.js';
import { compilePhrases, PhraseError, phraseKey, phraseSource, wordsAt, type PhraseKey } from './phrases.js';

/** A rule that fired: the finding, and the words of the view that fired it (for a quarantine reason, a test). */
export interface RuleMatch {
  finding: GuardFinding;
  phrase: string;
}

export interface RulePackSummary {
  id: string;
  version: number;
  reason: GuardReason;
  rules: number;
  /** Rules with phrases in each family. */
  byFamily: Record<RuleFamily, number>;
}

export interface RuleEngine {
  readonly packs: readonly RulePackSummary[];
  /** Each rule that fires in any view, once, with the first view that fired it. */
  scan(views: readonly GuardView[]): RuleMatch[];
  match(views: readonly GuardView[]): GuardFinding[];
}

interface CompiledRule {
  detail: string;
  reason: GuardReason;
  category: HarmCategory | undefined;
  weight: number;
  /** Global, on keys. */
  phrases: RegExp | undefined;
  /** Case-insensitive, on view texts. */
  tokens: RegExp | undefined;
  unless: RegExp | undefined;
}

/** Key characters around a match in which an `unless` phrase cancels it: a few words either side. */
const UNLESS_BEFORE = 60;
const UNLESS_AFTER = 40;
/**
 * Combined expressions are cut at this much source: V8 compiles small expressions to machine code but runs very
 * large ones in its interpreter, ten times slower (bench: 600 phrases in one expression, 275 µs per 300-character
 * key; in chunks of 100, 25 µs).
 */
const MAX_CHUNK_SOURCE = 6_000;

interface Chunk {
  any: RegExp;
  rules: CompiledRule[];
}

const TERM = /\{([a-z][a-z0-9_]*)\}/g;

function expandTerms(phrase: string, terms: Readonly<Record<string, readonly string[]>>): string {
  return phrase.replace(TERM, (_, name: string) => {
    const entries = terms[name];
    if (!entries) throw new PhraseError(`unknown term {${name}}`);
    return `(${entries.join('|')})`;
  });
}

interface Prepared {
  rule: CompiledRule;
  sources: string[];
}

function prepareRule(pack: GuardRulePack, index: number, file: string): Prepared {
  const rule = pack.rules[index]!;
  const where = `rules.${index} (${rule.id})`;
  const terms = pack.terms ?? {};
  const guarded = <T>(at: string, build: () => T): T => {
    try {
      return build();
    } catch (cause) {
      throw packError(file, `${where}.${at}`, cause instanceof Error ? cause.message : String(cause));
    }
  };
  const phrases: string[] = [];
  for (const family of RULE_FAMILIES) {
    const own = rule.phrases?.[family] ?? [];
    own.forEach((phrase, i) => {
      const expanded = guarded(`phrases.${family}.${i}`, () => expandTerms(phrase, terms));
      phrases.push(expanded);
      if (rule.arabizi && (family === 'arb' || family === 'ary_Arab'))
        phrases.push(arabicToArabizi(expanded));
    });
  }
  const sources = guarded('phrases', () => {
    if (phrases.length > 0) compilePhrases(phrases);
    return phrases.map(phraseSource);
  });
  const unless = rule.unless;
  return {
    sources,
    rule: {
      detail: `${pack.id}@${pack.version}:${rule.id}`,
      reason: pack.reason,
      category: rule.category,
      weight: rule.weight,
      phrases: sources.length > 0 ? new RegExp(` (?:${sources.join('|')})(?= )`, 'g') : undefined,
      tokens: rule.tokens && guarded('tokens', () => new RegExp(rule.tokens!.join('|'), 'iu')),
      unless: unless && guarded('unless', () => compilePhrases(unless.map((p) => expandTerms(p, terms)))),
    },
  };
}

function chunked(prepared: readonly Prepared[]): Chunk[] {
  const chunks: Chunk[] = [];
  let rules: CompiledRule[] = [];
  let sources: string[] = [];
  let size = 0;
  const flush = () => {
    if (rules.length === 0) return;
    chunks.push({ any: new RegExp(` (?:${sources.join('|')})(?= )`), rules });
    rules = [];
    sources = [];
    size = 0;
  };
  // Cut by phrase, not by rule: one rule's phrases, terms expanded, can be larger than V8 compiles to machine code.
  for (const { rule, sources: own } of prepared) {
    for (const source of own) {
      if (size + source.length + 1 > MAX_CHUNK_SOURCE) flush();
      if (rules.at(-1) !== rule) rules.push(rule);
      sources.push(source);
      size += source.length + 1;
    }
  }
  flush();
  return chunks;
}

/** The first match of the rule's phrases in the key that no `unless` phrase around it cancels. */
function firstMatch(rule: CompiledRule, prepared: PhraseKey): string | undefined {
  const { key } = prepared;
  const phrases = rule.phrases!;
  phrases.lastIndex = 0;
  for (let m = phrases.exec(key); m; m = phrases.exec(key)) {
    const end = m.index + m[0].length;
    if (rule.unless) {
      const from = Math.max(0, key.lastIndexOf(' ', Math.max(0, m.index - UNLESS_BEFORE)));
      const next = key.indexOf(' ', Math.min(key.length - 1, end + UNLESS_AFTER));
      if (rule.unless.test(key.slice(from, next === -1 ? key.length : next + 1))) continue;
    }
    return wordsAt(prepared, m.index, end);
  }
  return undefined;
}

const MAX_TOKEN_PHRASE = 80;

/** Compiles checked packs (loadRulePacks); `files` name them in errors, by pack id. */
export function compileRulePacks(
  packs: readonly GuardRulePack[],
  files: Readonly<Record<string, string>> = {},
): RuleEngine {
  const ids = new Set<string>();
  const prepared: Prepared[] = [];
  for (const pack of packs) {
    const file = files[pack.id] ?? `${pack.id}.yaml`;
    if (ids.has(pack.id)) throw packError(file, 'id', `two packs are named "${pack.id}"`);
    ids.add(pack.id);
    pack.rules.forEach((_, i) => prepared.push(prepareRule(pack, i, file)));
  }
  const chunks = chunked(prepared);
  const tokenRules = prepared.map((p) => p.rule).filter((rule) => rule.tokens);
  const summaries: RulePackSummary[] = packs.map((pack) => ({
    id: pack.id,
    version: pack.version,
    reason: pack.reason,
    rules: pack.rules.length,
    byFamily: Object.fromEntries(
      RULE_FAMILIES.map((f) => [f, pack.rules.filter((rule) => rule.phrases?.[f]).length]),
    ) as Record<RuleFamily, number>,
  }));

  function scan(views: readonly GuardView[]): RuleMatch[] {
    const matches: RuleMatch[] = [];
    const fired = new Set<CompiledRule>();
    const fire = (rule: CompiledRule, view: GuardView, phrase: string) => {
      fired.add(rule);
      const { reason, weight: score, detail, category } = rule;
      const finding: GuardFinding = { reason, score, source: 'rules', detail, view: view.transform };
      if (category) finding.category = category;
      matches.push({ finding, phrase });
    };
    const keys = new Set<string>();
    for (const view of views) {
      for (const rule of tokenRules) {
        if (fired.has(rule)) continue;
        const token = rule.tokens!.exec(view.text);
        if (token) fire(rule, view, token[0].slice(0, MAX_TOKEN_PHRASE));
      }
      const prepared = phraseKey(view.text);
      if (keys.has(prepared.key)) continue;
      keys.add(prepared.key);
      for (const chunk of chunks) {
        if (!chunk.any.test(prepared.key)) continue;
        for (const rule of chunk.rules) {
          if (fired.has(rule)) continue;
          const phrase = firstMatch(rule, prepared);
          if (phrase !== undefined) fire(rule, view, phrase);
        }
      }
    }
    return matches;
  }

  return {
    packs: summaries,
    scan,
    match: (views) => scan(views).map((m) => m.finding),
  };
}
