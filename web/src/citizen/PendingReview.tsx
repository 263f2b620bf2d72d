import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { assistantMessages } from './assistant-messages.js';
import { CitedAnswer } from './Citations.js';
import { fetchReview, type ReviewOutcome } from './citizen-api.js';
import type { ReviewState } from './HowMade.js';

/** A held answer the page waits for; kept for the tab so that a reload goes on waiting. */
export interface PendingCase {
  case_id: string;
  expected_by: string;
}

const STORAGE_KEY = 'mizan.citizen.pendingReviews';

export const pendingCases = {
  list(): PendingCase[] {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
      return Array.isArray(saved) ? (saved as PendingCase[]) : [];
    } catch {
      return [];
    }
  },
  keep(pending: PendingCase): void {
    const others = pendingCases.list().filter((c) => c.case_id !== pending.case_id);
    pendingCases.write([...others, pending]);
  },
  forget(caseId: string): void {
    pendingCases.write(pendingCases.list().filter((c) => c.case_id !== caseId));
  },
  write(cases: PendingCase[]): void {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(cases));
    } catch {
      // Storage off: the wait still goes on until the page is closed.
    }
  },
};

/** How often the page asks whether a reviewer decided. */
export const REVIEW_POLL_MS = 5_000;

/**
 * Asks `GET /v1/reviews/{case_id}` until a reviewer decides, then forgets the case. A case the server no longer
 * knows (another session, expired) is forgotten too.
 */
function useReviewOutcome(pending: PendingCase, pollMs: number): ReviewOutcome | undefined {
  const [outcome, setOutcome] = useState<ReviewOutcome>();
  useEffect(() => {
    pendingCases.keep(pending);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const found = await fetchReview(pending.case_id);
        if (stopped) return;
        setOutcome(found);
        if (found.status === 'approved' || found.status === 'rejected') {
          pendingCases.forget(pending.case_id);
          return;
        }
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          pendingCases.forget(pending.case_id);
          return;
        }
        // A network hiccup: ask again at the next tick.
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pending, pollMs]);
  return outcome;
}

export const reviewStateOf = (outcome: ReviewOutcome | undefined): ReviewState =>
  outcome?.status === 'approved' || outcome?.status === 'rejected' ? outcome.status : 'pending';

/**
 * A held answer: "a person will check it, by …" while the reviewer works, then the reviewed answer with its
 * sources, or the rejection with its reason. The status is announced politely when it changes.
 */
export function HeldAnswer({
  pending,
  pollMs = REVIEW_POLL_MS,
  onDecided,
  explained = false,
}: {
  pending: PendingCase;
  pollMs?: number;
  onDecided?(state: ReviewState): void;
  /** The gateway's own message about the wait is shown already, with its deadline: say it once. */
  explained?: boolean;
}) {
  const t = useMessages(assistantMessages);
  const { formatDate } = useLocale();
  const outcome = useReviewOutcome(pending, pollMs);
  const [open, setOpen] = useState<number>();
  const state = reviewStateOf(outcome);
  useEffect(() => {
    if (state !== 'pending') onDecided?.(state);
  }, [state, onDecided]);
  return (
    <div className="held-answer" aria-live="polite" data-testid="held-answer" data-status={state}>
      {outcome?.status === 'approved' ? (
        <div className="reviewed">
          <p className="badge badge-ok">{t.approvedTitle}</p>
          {outcome.edited && <p className="muted">{t.approvedEdited}</p>}
          <CitedAnswer
            text={outcome.answer}
            citations={outcome.citations}
            language={outcome.language}
            open={open}
            setOpen={setOpen}
          />
        </div>
      ) : outcome?.status === 'rejected' ? (
        <div className="alert alert-warn">
          <p>
            <strong>{t.rejectedTitle}</strong>
          </p>
          <p>{outcome.message}</p>
          {outcome.reason && <p>{format(t.rejectedReason, { reason: outcome.reason })}</p>}
        </div>
      ) : (
        <div className="alert pending">
          <p>
            <span className="spinner" aria-hidden="true" /> <strong>{t.pendingTitle}</strong>
          </p>
          {!explained && <p>{format(t.pendingBody, { when: formatDate(pending.expected_by) })}</p>}
          <p className="muted">{t.pendingChecking}</p>
        </div>
      )}
    </div>
  );
}
