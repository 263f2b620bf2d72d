import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { format, useMessages } from '../i18n/messages.js';
import { HANDOFF_REASONS, type HandoffReason } from '../../../src/oversight/citizen-voice.js';
import { assistantMessages } from './assistant-messages.js';
import { requestHandoff, type HandoffReceipt } from './citizen-api.js';

/**
 * "Talk to a person": asks for an agent about the last answer, with a reason and a short optional message, and
 * shows the reference number and the administration's contact.
 */
export function Handoff({
  auditId,
  ensureSession,
}: {
  auditId: string | undefined;
  ensureSession(): Promise<void>;
}) {
  const t = useMessages(assistantMessages);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<HandoffReason>('prefer_human');
  const [message, setMessage] = useState('');
  const [receipt, setReceipt] = useState<HandoffReceipt>();
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const formId = useId();
  const reasonId = useId();
  const messageId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      await ensureSession();
      setReceipt(
        await requestHandoff({
          reason,
          ...(auditId ? { audit_id: auditId } : {}),
          ...(message.trim() ? { message: message.trim() } : {}),
        }),
      );
      setOpen(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="handoff">
      <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        {t.handoff}
      </button>
      {open && (
        <form id={formId} className="card stack" onSubmit={(event) => void submit(event)}>
          <h2>{t.handoffTitle}</h2>
          <div className="field">
            <label htmlFor={reasonId}>{t.handoffReason}</label>
            <select
              id={reasonId}
              value={reason}
              onChange={(event) => setReason(event.target.value as HandoffReason)}
            >
              {HANDOFF_REASONS.map((code) => (
                <option key={code} value={code}>
                  {t[`handoff_reason_${code}`]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={messageId}>{t.handoffMessage}</label>
            <textarea
              id={messageId}
              rows={2}
              maxLength={500}
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
            <span className="muted">{t.feedbackCommentHint}</span>
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={sending}>
              {t.handoffSend}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {receipt && (
        <div className="alert" role="status" data-testid="handoff-receipt">
          <p>
            <strong>{format(t.handoffDone, { reference: receipt.reference })}</strong>
          </p>
          <p>{receipt.notice}</p>
          {receipt.contact && (
            <p>
              {t.handoffContact} {receipt.contact.name}
              {receipt.contact.address && <>, {receipt.contact.address}</>}
            </p>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
    </div>
  );
}
