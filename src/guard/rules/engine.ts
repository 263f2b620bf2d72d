/**
 * The rule engine: packs compiled once into one expression per phrase, run over the views of a text. A view's key
 * (phrases.ts) is read once by the anchor index (src/language/anchors.ts); only the phrases whose anchors it holds are tried,
 * so an ordinary message costs one linear pass per distinct key and a few expressions.
 */
import { AnchorIndex, phraseAnchors } from '../../language/anchors.js';
import { arabicToArabizi } from '../../language/transliterate/index.js';
import type { GuardFinding, GuardReason, GuardView, HarmCategory } from '../types.js';
import { packError, RULE_FAMILIES, type GuardRulePack, type RuleFamily } from './pack.js';
import {
  compilePhrases,
  foldChunk,
  PhraseError,
  phraseKey,
  phraseSource,
  wordsAt,
  type PhraseKey,
} from './phrases.js';

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
  /** Case-insensitive, on view texts. */
  tokens: RegExp | undefined;
  unless: RegExp | undefined;
}

/** Key characters around a match in which an `unless` phrase cancels it: a few words either side. */
const UNLESS_BEFORE = 60;
const UNLESS_AFTER = 40;
/** One phrase of a rule: its expression (global, on keys) and its anchors. */
interface CompiledPhrase {
  rule: CompiledRule;
  expression: RegExp;
  anchors: readonly string[] | undefined;
}

const TERM = /\{([a-z][a-z0-9_]*)\}/g;

function expandTerms(phrase: string, terms: Readonly<Record<string, readonly string[]>>): string {
  return phrase.replace(TERM, (_, name: string) => {
    const entries = terms[name];
    if (!entries) throw new PhraseError(`unknown term {${name}}`);
    return `(${entries.join('|')})`;
  });
}

function compileRule(
  pack: GuardRulePack,
  index: number,
  file: string,
): { rule: CompiledRule; phrases: CompiledPhrase[] } {
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
  const compiled: CompiledRule = {
    detail: `${pack.id}@${pack.version}:${rule.id}`,
    reason: pack.reason,
    category: rule.category,
    weight: rule.weight,
    tokens: rule.tokens && guarded('tokens', () => new RegExp(rule.tokens!.join('|'), 'iu')),
    unless: unless && guarded('unless', () => compilePhrases(unless.map((p) => expandTerms(p, terms)))),
  };
  return {
    rule: compiled,
    phrases: sources.map((source, i) => ({
      rule: compiled,
      expression: new RegExp(` (?:${source})(?= )`, 'g'),
      anchors: phraseAnchors(phrases[i]!, foldChunk),
    })),
  };
}

/** The first match of the rule's phrases in the key that no `unless` phrase around it cancels. */
function firstMatch({ rule, expression }: CompiledPhrase, prepared: PhraseKey): string | undefined {
  const { key } = prepared;
  expression.lastIndex = 0;
  for (let m = expression.exec(key); m; m = expression.exec(key)) {
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
  const tokenRules: CompiledRule[] = [];
  /** In rule order, which is the order findings are reported in. */
  const phrases: CompiledPhrase[] = [];
  for (const pack of packs) {
    const file = files[pack.id] ?? `${pack.id}.yaml`;
    if (ids.has(pack.id)) throw packError(file, 'id', `two packs are named "${pack.id}"`);
    ids.add(pack.id);
    pack.rules.forEach((_, i) => {
      const compiled = compileRule(pack, i, file);
      if (compiled.rule.tokens) tokenRules.push(compiled.rule);
      phrases.push(...compiled.phrases);
    });
  }
  const anchorIds = new Map<string, number>();
  /** Anchor id → the phrases it stands for; and the phrases without anchors, tried on every key. */
  const anchored: number[][] = [];
  const unanchored: number[] = [];
  phrases.forEach(({ anchors }, p) => {
    if (!anchors) return unanchored.push(p);
    for (const anchor of anchors) {
      let id = anchorIds.get(anchor);
      if (id === undefined) anchorIds.set(anchor, (id = anchored.push([]) - 1));
      anchored[id]!.push(p);
    }
  });
  const index = new AnchorIndex([...anchorIds.keys()]);

  /** The phrases worth trying on a key, in rule order. */
  function candidates(key: string): number[] {
    const found = new Set(unanchored);
    index.search(key, (id) => anchored[id]!.forEach((p) => found.add(p)));
    return [...found].sort((a, b) => a - b);
  }
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
      for (const p of candidates(prepared.key)) {
        const phrase = phrases[p]!;
        if (fired.has(phrase.rule)) continue;
        const words = firstMatch(phrase, prepared);
        if (words !== undefined) fire(phrase.rule, view, words);
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
