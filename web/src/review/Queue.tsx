import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { languageAttributes } from '../citizen/language-attributes.js';
import { useStaff } from '../staff/StaffGate.js';
import { isMine, KindBadge, StatusBadge, Triggers } from './CaseFacts.js';
import { reviewApi, type CaseKind, type QueueView, type ReviewCase } from './review-api.js';
import { byUrgency, deadline } from './review-logic.js';
import { reviewMessages } from './review-messages.js';
import { SlaTimer, useNow } from './SlaTimer.js';

/** How often the queue asks for new cases. */
const REFRESH_MS = 30_000;
const EXCERPT = 240;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

/**
 * The reviewer's tenant's cases, most urgent first, with their countdowns; refreshed every 30 seconds. Claiming a
 * case opens it. A screen reader hears the number of cases and of overdue ones when they change, not the seconds.
 */
export function Queue({ onOpen, notice }: { onOpen(id: string): void; notice?: ReactNode }) {
  const t = useMessages(reviewMessages);
  const { formatDate } = useLocale();
  const actor = useStaff();
  const [view, setView] = useState<QueueView>('open');
  const [kind, setKind] = useState<CaseKind | ''>('');
  const [application, setApplication] = useState('');
  const [error, setError] = useState<unknown>();
  const [nextMissing, setNextMissing] = useState(false);
  const filter = { view, kind: kind || undefined, application: application || undefined };
  const cases = useResource(() => reviewApi.list(filter), [view, kind, application]);
  // Names for the application filter; a console without the list still filters by the ids it sees.
  const applications = useResource(() => reviewApi.applications().catch(() => []), []);
  const now = useNow();
  const { reload } = cases;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const refreshedAt = useMemo(() => Date.now(), [cases.data]);

  const sorted = byUrgency(cases.data ?? [], view);
  const names = new Map((applications.data ?? []).map((a) => [a.id, a.name]));
  for (const c of sorted) if (!names.has(c.applicationId)) names.set(c.applicationId, c.applicationId);
  const overdue =
    view === 'decided' ? 0 : sorted.filter((c) => deadline(c.expectedBy, now).urgency === 'overdue').length;

  const claim = async (id: string) => {
    setError(undefined);
    try {
      await reviewApi.claim(id);
      onOpen(id);
    } catch (failure) {
      setError(failure);
      reload();
    }
  };
  /** The most urgent case nobody holds, under the current filters; another reviewer may take one first. */
  const claimNext = async () => {
    setError(undefined);
    setNextMissing(false);
    try {
      const pending = byUrgency(await reviewApi.list({ ...filter, view: 'pending' }), 'pending');
      for (const c of pending) {
        const claimed = await reviewApi.claim(c.id).catch(() => undefined);
        if (claimed) return onOpen(c.id);
      }
      setNextMissing(true);
      reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const filtersId = useId();
  return (
    <section className="stack" aria-labelledby={`${filtersId}-title`}>
      <h1 id={`${filtersId}-title`}>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {notice}
      <div className="row">
        <button type="button" className="primary" onClick={claimNext}>
          {t.claimNext}
        </button>
        {nextMissing && <span role="status">{t.noNext}</span>}
      </div>
      <fieldset className="review-filters">
        <legend>{t.filters}</legend>
        <label className="field">
          <span>{t.statusLabel}</span>
          <select value={view} onChange={(event) => setView(event.target.value as QueueView)}>
            <option value="open">{t.statusOpen}</option>
            <option value="pending">{t.statusPending}</option>
            <option value="claimed">{t.statusClaimed}</option>
            <option value="decided">{t.statusDecided}</option>
          </select>
        </label>
        <label className="field">
          <span>{t.kindLabel}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as CaseKind | '')}>
            <option value="">{t.kindAll}</option>
            <option value="hold">{t.kindHold}</option>
            <option value="sample">{t.kindSample}</option>
          </select>
        </label>
        <label className="field">
          <span>{t.applicationLabel}</span>
          <select value={application} onChange={(event) => setApplication(event.target.value)}>
            <option value="">{t.applicationAll}</option>
            {[...names].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reload}>
          {t.refresh}
        </button>
      </fieldset>
      <p className="muted">
        {format(t.refreshedAt, { time: formatDate(refreshedAt, { timeStyle: 'medium' }) })}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="queue-summary">
        {cases.data && format(t.queueSummary, { count: sorted.length, overdue })}
      </p>
      <ErrorMessage error={error ?? cases.error} />
      {cases.data && sorted.length === 0 && <p>{t.empty}</p>}
      <ol className="review-queue" data-testid="review-queue">
        {sorted.map((c) => (
          <QueueItem
            key={c.id}
            c={c}
            now={now}
            applicationName={names.get(c.applicationId) ?? c.applicationId}
            action={(describedBy) =>
              c.status === 'pending' ? (
                <button
                  type="button"
                  className="primary"
                  aria-describedby={describedBy}
                  onClick={() => claim(c.id)}
                >
                  {t.claim}
                </button>
              ) : (
                <button type="button" aria-describedby={describedBy} onClick={() => onOpen(c.id)}>
                  {c.status === 'claimed' && isMine(c, actor) ? t.continue : t.view}
                </button>
              )
            }
          />
        ))}
      </ol>
    </section>
  );
}

function QueueItem({
  c,
  now,
  applicationName,
  action,
}: {
  c: ReviewCase;
  now: number;
  applicationName: string;
  /** The case's button, described by its question so that each has a distinct name for a screen reader. */
  action(describedBy: string): ReactNode;
}) {
  const t = useMessages(reviewMessages);
  const { formatDate } = useLocale();
  const actor = useStaff();
  const questionId = useId();
  const decided = c.status === 'approved' || c.status === 'rejected';
  const urgency = decided ? 'decided' : deadline(c.expectedBy, now).urgency;
  return (
    <li className={`card stack review-item review-item-${urgency}`} data-case={c.id}>
      <div className="row">
        <KindBadge kind={c.kind} />
        <StatusBadge c={c} actor={actor} />
        <span className="muted">{applicationName}</span>
      </div>
      <p id={questionId} className="review-item-question" {...languageAttributes(c.language)}>
        {excerpt(c.question)}
      </p>
      <Triggers c={c} />
      <div className="row review-item-foot">
        {decided ? (
          <span className="muted">
            {format(t.decidedOn, { date: formatDate(c.decidedAt ?? c.createdAt) })}
          </span>
        ) : (
          <SlaTimer expectedBy={c.expectedBy} now={now} />
        )}
        {action(questionId)}
      </div>
    </li>
  );
}
