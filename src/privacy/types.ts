/**
 * The privacy layer's vocabulary. Entity type names are part of the API, the CLI and the audit record: never
 * rename one.
 */
export const IDENTIFIER_TYPES = [
  'MA_CIN',
  'MA_PHONE',
  'MA_RIB',
  'IBAN',
  'MA_CNSS',
  'MA_MASSAR',
  'MA_ICE',
  'MA_PASSPORT',
  'MA_PLATE',
  'PAYMENT_CARD',
  'EMAIL',
  'IP_ADDRESS',
  'DATE_OF_BIRTH',
  'PERSON',
  'ADDRESS',
] as const;

/** Law 09-08 art. 1-3 sensitive categories, plus offences and convictions (art. 12, 49). */
export const SENSITIVE_TYPES = [
  'SENSITIVE_HEALTH',
  'SENSITIVE_ETHNIC_ORIGIN',
  'SENSITIVE_POLITICAL',
  'SENSITIVE_RELIGION',
  'SENSITIVE_UNION',
  'SENSITIVE_SEX_LIFE',
  'SENSITIVE_CRIMINAL',
] as const;

export const ENTITY_TYPES = [...IDENTIFIER_TYPES, ...SENSITIVE_TYPES] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const isEntityType = (value: string): value is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(value);

/** One regular expression of a recognizer. It runs on the normalized text and must be linear-time safe. */
export interface PatternSpec {
  name: string;
  /** Must have the `g` flag (and `u` when it uses \p{…}); no nested quantifiers over the same characters. */
  regex: RegExp;
  /** Base score before validation and context. */
  score: number;
  /**
   * Capture group holding the entity, when the match includes surrounding cues; default the whole match. The group
   * may sit in a lookbehind (a pattern anchored on digits that captures the letters before them).
   */
  group?: number;
  /** When true, this pattern's matches need a context word nearby (the recognizer's other patterns may not). */
  requiresContext?: boolean;
  /** A cheap test on the whole normalized text (neither global nor sticky): when it fails, the pattern is skipped. */
  prefilter?: RegExp;
}

/** A span a recognizer proposes, in normalized-text offsets. */
export interface Candidate {
  start: number;
  end: number;
  score: number;
  pattern: string;
}

/**
 * A recognizer is data (patterns, context words) plus an optional validator; scoring with context, overlap
 * resolution and offset mapping belong to the shared engine.
 */
export interface Recognizer {
  readonly entity: EntityType;
  readonly patterns: readonly PatternSpec[];
  /** Words that make a nearby match more likely: French, Arabic, Darija in both scripts, English. */
  readonly context: readonly string[];
  /** When true, a match without a context word nearby is dropped (bare numbers that are too ambiguous). */
  readonly requiresContext?: boolean;
  /**
   * Words that make a nearby match unlikely ("facture", "réf", "modèle"): an unvalidated match with one of them just
   * before it and no context word is dropped.
   */
  readonly negativeContext?: readonly string[];
  /**
   * A cheap test on the whole normalized text: when it fails, the recognizer cannot find anything and is skipped
   * (e.g. /\d/ for number-based recognizers). Must not be global or sticky.
   */
  readonly prefilter?: RegExp;
  /** Checksum or format check on the matched text (normalized, separators kept): true → certain, false → drop. */
  validate?(match: string): boolean | undefined;
  /** For recognizers beyond regular expressions (gazetteers, cue phrases): proposes candidates itself. */
  find?(normalized: string): Candidate[];
}

/** Why a span was reported, for audit and debugging. */
export interface Explanation {
  recognizer: EntityType;
  pattern: string;
  baseScore: number;
  validated?: boolean;
  contextWord?: string;
}

export interface Entity {
  type: EntityType;
  /** JavaScript string indices in the original text, end exclusive. */
  start: number;
  end: number;
  text: string;
  score: number;
  explanation: Explanation;
}
