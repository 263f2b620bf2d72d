import { normalizeForDetection } from '../../privacy/normalize.js';
import { scan } from '../../privacy/scan.js';
import { IDENTIFIER_TYPES, type Entity } from '../../privacy/types.js';
import { canonicalValue } from '../../privacy/vault.js';
import type { GuardFinding } from '../types.js';

/** What replaces personal data the reader did not give: neutral, and the same in every language. */
export const REDACTION_MARKER = '[…]';

/**
 * The detectors' scores are calibrated for input; an answer that shows someone's identifier is a leak worth a
 * warning whatever the score, and the policy redacts it in place.
 */
const LEAK_SCORE = 0.8;

/**
 * Runs of letters and digits with the separators people type inside identifiers, compared without those separators
 * ("06 12 34 56 78" and "06.12.34.56.78" are one run "0612345678"). A value the detectors missed in the reader's
 * text (no context word there) still counts as given when its compact form appears in one of these runs.
 */
const RUN = /[\p{L}\p{N}][\p{L}\p{N}\s.\-/_@+()]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
/** Shorter values ("Ali") would be found inside any word: they count as given only when detected there. */
const MIN_SUBSTRING = 5;
const compact = (text: string): string => text.replace(/[^\p{L}\p{N}@]/gu, '').toLowerCase();

const IBAN_PREFIX = 4;

/** Identifiers only: see findPersonalDataLeaks. */
const IDENTIFIERS = { types: [...IDENTIFIER_TYPES] };

/** A phone number's national digits (without 0, 212 or 00212), so that every way of writing it meets. */
const nationalDigits = (canonicalPhone: string): string => canonicalPhone.replace(/^0/, '');

interface KnownData {
  /** `type\u0000canonical value` of every entity detected in the known texts. */
  canonical: Set<string>;
  /** Compact runs of the known texts. */
  runs: string[];
}

function knownData(texts: readonly string[]): KnownData {
  const canonical = new Set<string>();
  const runs: string[] = [];
  for (const text of texts) {
    for (const entity of scan(text, IDENTIFIERS))
      canonical.add(`${entity.type}\u0000${canonicalValue(entity.type, entity.text)}`);
    for (const match of normalizeForDetection(text).text.matchAll(RUN)) runs.push(compact(match[0]));
  }
  return { canonical, runs };
}

function isKnown(entity: Entity, known: KnownData): boolean {
  const value = canonicalValue(entity.type, entity.text);
  if (known.canonical.has(`${entity.type}\u0000${value}`)) return true;
  // Detected under another type there (a number read as CIN there, passport here), or not detected at all.
  let needle =
    entity.type === 'MA_PHONE' ? nationalDigits(value) : compact(normalizeForDetection(entity.text).text);
  // An IBAN is the country, two check digits and the account's RIB: the RIB the reader gave is the same account.
  if (entity.type === 'IBAN') needle = needle.slice(IBAN_PREFIX);
  return needle.length >= MIN_SUBSTRING && known.runs.some((run) => run.includes(needle));
}

export interface PersonalDataLeaks {
  findings: GuardFinding[];
  redacted: string;
}

/**
 * Identifiers in an answer (names, addresses, numbers, e-mail addresses…) that none of `known` contains (the
 * reader's own messages, and any text the application published), with the answer where only those spans are
 * replaced by REDACTION_MARKER. One finding per span; `detail` is the entity type, never the value. Sensitive
 * categories (health, religion…) are left out: an answer that speaks of the reader's health reveals nobody else's,
 * and the forbidden-advice check covers diagnoses.
 */
export function findPersonalDataLeaks(answer: string, known: readonly string[]): PersonalDataLeaks {
  const entities = scan(answer, IDENTIFIERS);
  if (entities.length === 0) return { findings: [], redacted: answer };
  const knownValues = knownData(known);
  const leaks = entities.filter((entity) => !isKnown(entity, knownValues));

  // Overlapping spans (an e-mail and the login inside it) become one marker.
  const spans: Array<[number, number]> = [];
  for (const { start, end } of [...leaks].sort((x, y) => x.start - y.start)) {
    const previous = spans.at(-1);
    if (previous && start < previous[1]) previous[1] = Math.max(previous[1], end);
    else spans.push([start, end]);
  }
  let redacted = '';
  let copiedUpTo = 0;
  for (const [start, end] of spans) {
    redacted += answer.slice(copiedUpTo, start) + REDACTION_MARKER;
    copiedUpTo = end;
  }
  redacted += answer.slice(copiedUpTo);

  return {
    findings: leaks.map((entity) => ({
      reason: 'personal_data_leak' as const,
      score: LEAK_SCORE,
      source: 'output' as const,
      detail: entity.type,
    })),
    redacted,
  };
}
