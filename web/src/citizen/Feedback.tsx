import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { useMessages } from '../i18n/messages.js';
import {
  FEEDBACK_REASONS,
  type FeedbackReason,
  type FeedbackRating,
} from '../../../src/oversight/citizen-voice.js';
import { assistantMessages } from './assistant-messages.js';
import { sendFeedback } from './citizen-api.js';

/**
 * Thumbs up or down on one answer; down asks why (reasons to tick, an optional comment). The server keeps the
 * comment only once personal data is taken out of it; the page says not to write any.
 */
export function Feedback({ auditId }: { auditId: string }) {
  const t = useMessages(assistantMessages);
  const [rating, setRating] = useState<FeedbackRating>();
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string>();
  const commentId = useId();
  const hintId = useId();

  const submit = async (chosen: FeedbackRating, event?: FormEvent) => {
    event?.preventDefault();
    setStatus('sending');
    setError(undefined);
    try {
      await sendFeedback({
        audit_id: auditId,
        rating: chosen,
        reasons: chosen === 'not_helpful' ? reasons : [],
        ...(chosen === 'not_helpful' && comment.trim() ? { comment: comment.trim() } : {}),
      });
      setStatus('sent');
    } catch (caught) {
      setStatus('idle');
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  if (status === 'sent')
    return (
      <p className="feedback-thanks" role="status">
        {t.feedbackThanks}
      </p>
    );
  return (
    <div className="feedback">
      <div className="row" role="group" aria-label={t.feedbackQuestion}>
        <span className="muted">{t.feedbackQuestion}</span>
        <button
          type="button"
          aria-pressed={rating === 'helpful'}
          disabled={status === 'sending'}
          onClick={() => {
            setRating('helpful');
            void submit('helpful');
          }}
        >
          <span aria-hidden="true">👍</span> {t.helpful}
        </button>
        <button
          type="button"
          aria-pressed={rating === 'not_helpful'}
          onClick={() => setRating('not_helpful')}
        >
          <span aria-hidden="true">👎</span> {t.notHelpful}
        </button>
      </div>
      {rating === 'not_helpful' && (
        <form className="stack feedback-form" onSubmit={(event) => void submit('not_helpful', event)}>
          <fieldset>
            <legend>{t.feedbackWhy}</legend>
            {FEEDBACK_REASONS.map((reason) => (
              <label key={reason} className="choice">
                <input
                  type="checkbox"
                  checked={reasons.includes(reason)}
                  onChange={(event) =>
                    setReasons((current) =>
                      event.target.checked ? [...current, reason] : current.filter((r) => r !== reason),
                    )
                  }
                />{' '}
                {t[`reason_${reason}`]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={commentId}>{t.feedbackComment}</label>
            <textarea
              id={commentId}
              aria-describedby={hintId}
              rows={2}
              maxLength={1000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
            <span id={hintId} className="muted">
              {t.feedbackCommentHint}
            </span>
          </div>
          <button type="submit" className="primary" disabled={status === 'sending'}>
            {t.feedbackSend}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </div>
  );
}
