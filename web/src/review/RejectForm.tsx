import { useId, useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/LocaleProvider.js';
import { LOCALE_INFO, type Locale } from '../i18n/locales.js';
import { useMessages } from '../i18n/messages.js';
import { rejectionText } from './review-logic.js';
import {
  REJECTION_REASONS,
  rejectionReasons,
  reviewMessages,
  type RejectionReason,
} from './review-messages.js';

/**
 * A rejection's reason, required: one of the usual reasons (listed in the reviewer's language, sent in the
 * citizen's), the reviewer's own words, or both; the reviewer sees what the citizen will read.
 */
export function RejectForm({
  citizenLocale,
  busy,
  onReject,
}: {
  citizenLocale: Locale;
  busy: boolean;
  onReject(reason: string): void;
}) {
  const t = useMessages(reviewMessages);
  const { locale } = useLocale();
  const id = useId();
  const [choice, setChoice] = useState<RejectionReason | 'other' | ''>('');
  const [details, setDetails] = useState('');
  const [missing, setMissing] = useState(false);
  const reason = rejectionText(choice, details, citizenLocale);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason);
    if (reason) onReject(reason);
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby={id} noValidate>
      <h3 id={id}>{t.rejectTitle}</h3>
      <label className="field">
        <span>{t.reasonLabel}</span>
        <select
          value={choice}
          onChange={(event) => setChoice(event.target.value as RejectionReason | 'other' | '')}
          aria-invalid={missing}
        >
          <option value="">{t.reasonChoose}</option>
          {REJECTION_REASONS.map((option) => (
            <option key={option} value={option}>
              {rejectionReasons[locale][option]}
            </option>
          ))}
          <option value="other">{t.reasonOther}</option>
        </select>
      </label>
      <label className="field">
        <span>{t.reasonDetails}</span>
        <textarea
          rows={3}
          value={details}
          maxLength={1500}
          required={choice === 'other'}
          onChange={(event) => setDetails(event.target.value)}
        />
      </label>
      {missing && !reason && (
        <p className="alert alert-error" role="alert">
          {t.reasonRequired}
        </p>
      )}
      {reason && (
        <div className="alert">
          <p className="muted">{t.reasonPreview}</p>
          <p lang={LOCALE_INFO[citizenLocale].tag} dir={LOCALE_INFO[citizenLocale].dir}>
            {reason}
          </p>
        </div>
      )}
      <div className="row">
        <button type="submit" className="danger" disabled={busy}>
          {t.reject}
        </button>
      </div>
    </form>
  );
}
