import { useState } from 'react';
import { format, useMessages } from '../i18n/messages.js';
import { CaseReview, type Decision } from './CaseReview.js';
import { Queue } from './Queue.js';
import { reviewMessages } from './review-messages.js';

/** The queue, or the case being reviewed; after a decision, the queue again, saying what became of the case. */
export function ReviewDesk() {
  const t = useMessages(reviewMessages);
  const [open, setOpen] = useState<string>();
  const [decided, setDecided] = useState<{ id: string; decision: Decision }>();

  if (open)
    return (
      <CaseReview
        id={open}
        onBack={() => setOpen(undefined)}
        onDecided={(decision) => {
          setDecided({ id: open, decision });
          setOpen(undefined);
        }}
      />
    );
  return (
    <Queue
      onOpen={(id) => {
        setDecided(undefined);
        setOpen(id);
      }}
      notice={
        decided && (
          <p className="alert" role="status">
            {format(decided.decision === 'approved' ? t.decidedApproved : t.decidedRejected, {
              id: decided.id,
            })}
          </p>
        )
      }
    />
  );
}
