import { useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useSubmit } from '../components/use-submit.js';
import { useMessages } from '../i18n/messages.js';
import { governanceMessages } from './governance-messages.js';

export interface ReasonField {
  label: string;
  /** The server's minimum; 0 makes the reason optional. */
  minLength: number;
}

/**
 * A button whose action is asked for twice: it first opens a question (with a reason to give, where the action
 * needs one), and only the confirmation acts. The server's refusal is shown in place.
 */
export function ConfirmAction({
  label,
  question,
  reason,
  danger = false,
  onConfirm,
}: {
  label: string;
  question: string;
  reason?: ReasonField;
  danger?: boolean;
  onConfirm(reason: string): Promise<unknown>;
}) {
  const t = useMessages(governanceMessages);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const first = useRef<HTMLTextAreaElement & HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const confirm = useSubmit(async () => {
    await onConfirm(text.trim());
    setOpen(false);
    setText('');
  });

  if (!open)
    return (
      <button type="button" className={danger ? 'danger' : undefined} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <form
      className="confirm stack"
      role="group"
      aria-labelledby={`${id}-question`}
      onSubmit={confirm.onSubmit}
    >
      <p id={`${id}-question`}>
        <strong>{question}</strong>
      </p>
      {reason && (
        <label className="field">
          <span>{reason.label}</span>
          <textarea
            ref={first}
            value={text}
            onChange={(event) => setText(event.target.value)}
            required={reason.minLength > 0}
            minLength={reason.minLength || undefined}
            rows={2}
          />
        </label>
      )}
      <ErrorMessage error={confirm.error} />
      <div className="row">
        <button
          ref={reason ? undefined : first}
          type="submit"
          className={danger ? 'danger' : 'primary'}
          disabled={confirm.busy || text.trim().length < (reason?.minLength ?? 0)}
        >
          {t.confirm}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
