import { format } from '../i18n/messages.js';
import type { Locale } from '../i18n/locales.js';
import type {
  CaseDetail,
  CitationVerdict,
  DecisionBody,
  QueueView,
  ReviewCase,
  SentenceVerdict,
} from './review-api.js';
import { rejectionReasons, type RejectionReason } from './review-messages.js';

/** How close a case is to its deadline: overdue, due within the quarter hour, or on time. */
export type Urgency = 'overdue' | 'soon' | 'on_time';
const SOON_MS = 15 * 60_000;

export function deadline(expectedBy: string, now: number): { urgency: Urgency; ms: number } {
  const ms = Date.parse(expectedBy) - now;
  return { urgency: ms <= 0 ? 'overdue' : ms <= SOON_MS ? 'soon' : 'on_time', ms: Math.abs(ms) };
}

/**
 * The order a reviewer works in. Held answers first, since a citizen waits for each, then samples; within each,
 * the earliest deadline first (so the overdue lead). Decided cases: the latest decision first.
 */
export function byUrgency(cases: readonly ReviewCase[], view: QueueView): ReviewCase[] {
  if (view === 'decided')
    return [...cases].sort((a, b) => Date.parse(b.decidedAt ?? '') - Date.parse(a.decidedAt ?? ''));
  const rank = (c: ReviewCase) => (c.kind === 'hold' ? 0 : 1);
  return [...cases].sort((a, b) => rank(a) - rank(b) || Date.parse(a.expectedBy) - Date.parse(b.expectedBy));
}

/** A duration to the second, as the countdown shows it. */
export function formatDuration(
  ms: number,
  templates: { durationHours: string; durationMinutes: string },
): string {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  return format(hours > 0 ? templates.durationHours : templates.durationMinutes, {
    h: hours,
    m: hours > 0 ? String(minutes).padStart(2, '0') : minutes,
    s: String(seconds % 60).padStart(2, '0'),
  });
}

/** The reviewer's verdicts: sentences by their text (so that they outlive an edit elsewhere), citations by number. */
export interface Scores {
  sentences: ReadonlyMap<string, SentenceVerdict>;
  citations: ReadonlyMap<number, CitationVerdict>;
}

/**
 * The decision the API receives: the scores of the sentences as the server cut the text being decided (only the
 * ones the reviewer scored, by their index), of the citations the case has, and the reason of a rejection.
 * No scores at all sends none, so that an unscored decision is recorded as such.
 */
export function decisionBody(
  detail: Pick<CaseDetail, 'sentences' | 'citations'>,
  scores: Scores,
  reason?: string,
) {
  const sentences = detail.sentences.flatMap(({ index, sentence }) => {
    const verdict = scores.sentences.get(sentence);
    return verdict ? [{ index, verdict }] : [];
  });
  const citations = detail.citations.flatMap(({ n }) => {
    const verdict = scores.citations.get(n);
    return verdict ? [{ n, verdict }] : [];
  });
  const body: DecisionBody = {};
  if (reason) body.reason = reason;
  if (sentences.length > 0 || citations.length > 0) body.scores = { sentences, citations };
  return body;
}

/** The reason a citizen reads: the chosen one in their language, then the reviewer's own words. */
export function rejectionText(
  choice: RejectionReason | 'other' | '',
  details: string,
  citizenLocale: Locale,
) {
  const chosen = choice && choice !== 'other' ? rejectionReasons[citizenLocale][choice] : '';
  return [chosen, details.trim()].filter(Boolean).join(' ');
}
