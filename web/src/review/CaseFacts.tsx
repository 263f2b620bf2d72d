import type { StaffActor } from '../staff/StaffGate.js';
import { format, useMessages } from '../i18n/messages.js';
import type { ReviewCase } from './review-api.js';
import { reviewMessages } from './review-messages.js';

type Texts = (typeof reviewMessages)['fr'];

/** Whether `actor` holds the case (the server records a staff member as `staff:<id>`). */
export const isMine = (c: ReviewCase, actor: StaffActor) =>
  c.claimedBy !== null &&
  c.claimedBy === (actor.kind === 'platform_admin' ? 'platform-admin' : `staff:${actor.id ?? ''}`);

/** Held (a citizen waits) or sampled (quality check after release). */
export function KindBadge({ kind }: { kind: ReviewCase['kind'] }) {
  const t = useMessages(reviewMessages);
  return (
    <span className={`badge ${kind === 'hold' ? 'badge-warn' : ''}`}>
      {kind === 'hold' ? t.kindHold : t.kindSample}
    </span>
  );
}

/** Where a case stands, from this reviewer's point of view. */
export function StatusBadge({ c, actor }: { c: ReviewCase; actor: StaffActor }) {
  const t = useMessages(reviewMessages);
  if (c.status === 'approved') return <span className="badge badge-ok">{t.approved}</span>;
  if (c.status === 'rejected') return <span className="badge badge-danger">{t.rejected}</span>;
  if (c.status === 'pending') return <span className="badge">{t.statusPending}</span>;
  return <span className="badge">{isMine(c, actor) ? t.claimedByYou : t.claimedByOther}</span>;
}

const triggerLabel = (t: Texts, trigger: ReviewCase['triggers'][number]) => {
  const kind = t[`trigger_${trigger.kind}` as keyof Texts] ?? trigger.kind;
  const topic = trigger.detail && t[`topic_${trigger.detail}` as keyof Texts];
  return topic ? `${kind} (${topic})` : kind;
};

/** Why the case was opened (never the citizen's words: the server keeps only the rule or topic). */
export function Triggers({ c }: { c: ReviewCase }) {
  const t = useMessages(reviewMessages);
  if (c.triggers.length === 0) return null;
  return (
    <p className="muted review-triggers">
      {format(t.triggers, { list: c.triggers.map((trigger) => triggerLabel(t, trigger)).join(' · ') })}
    </p>
  );
}
