import { useEffect, useState } from 'react';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { deadline, formatDuration } from './review-logic.js';
import { reviewMessages } from './review-messages.js';

/** The current time, ticking every `intervalMs`, for countdowns. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The time left until a case's deadline, to the second, or how late it is. Overdue and due-soon cases say so in
 * words, not by colour alone. Not a live region: a screen reader would otherwise hear every second.
 */
export function SlaTimer({ expectedBy, now }: { expectedBy: string; now: number }) {
  const t = useMessages(reviewMessages);
  const { formatDate } = useLocale();
  const { urgency, ms } = deadline(expectedBy, now);
  const time = formatDuration(ms, t);
  return (
    <span className={`sla sla-${urgency}`} data-testid="sla-timer" data-urgency={urgency}>
      {urgency !== 'on_time' && (
        <span className={`badge ${urgency === 'overdue' ? 'badge-danger' : 'badge-warn'}`}>
          {urgency === 'overdue' ? t.overdue : t.dueSoon}
        </span>
      )}{' '}
      <time dateTime={expectedBy} title={formatDate(expectedBy, { dateStyle: 'medium', timeStyle: 'short' })}>
        {format(urgency === 'overdue' ? t.overdueBy : t.timeLeft, { time })}
      </time>
    </span>
  );
}
