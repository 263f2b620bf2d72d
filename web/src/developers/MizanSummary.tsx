import type { MizanExtension } from '../api/chat-stream.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { developersMessages } from './developers-messages.js';

/** An answer's `mizan` object, field by field, in words; the values themselves stay as the server wrote them. */
export function MizanSummary({ mizan }: { mizan: MizanExtension }) {
  const t = useMessages(developersMessages);
  const { formatDate } = useLocale();
  const { oversight, review, model, guard, grounding } = mizan;
  const entities = 'entities' in mizan.privacy ? Object.keys(mizan.privacy.entities) : [];
  const value = (text: string | number) => <bdi dir="ltr">{text}</bdi>;
  return (
    <dl className="dev-facts mizan-summary" data-testid="mizan-summary">
      <dt>{t.sandboxField}</dt>
      <dd data-testid="sandbox">
        {oversight ? (
          <span className={`badge ${oversight.sandbox ? 'badge-ok' : 'badge-danger'}`}>
            <code dir="ltr">sandbox: {String(oversight.sandbox)}</code>
          </span>
        ) : (
          t.noOversight
        )}
        {oversight && (
          <>
            {' '}
            {t.riskTier} {value(oversight.risk_tier)}
            {oversight.ai_label && <> · {t.aiLabel}</>}
          </>
        )}
      </dd>
      {oversight?.notice && (
        <>
          <dt>{t.notice}</dt>
          <dd>
            <bdi>{oversight.notice}</bdi>
          </dd>
        </>
      )}
      <dt>{t.modelField}</dt>
      <dd>
        {model ? (
          <>
            {value(model.id)} — {value(model.hosting.operator)}, {value(model.hosting.country)}{' '}
            <span className={`badge ${model.hosting.sovereign ? 'badge-ok' : 'badge-warn'}`}>
              {model.hosting.sovereign ? t.sovereign : t.notSovereign}
            </span>
          </>
        ) : (
          t.noModelRead
        )}
      </dd>
      <dt>{t.languageField}</dt>
      <dd>{mizan.language ? value(mizan.language) : '—'}</dd>
      <dt>{t.reviewField}</dt>
      <dd>
        {review ? (
          <>
            {format(t.reviewPending, { date: formatDate(review.expected_by) })}{' '}
            <code dir="ltr">GET /v1/reviews/{review.case_id}</code>
          </>
        ) : (
          t.reviewNone
        )}
      </dd>
      <dt>{t.citationsField}</dt>
      <dd>
        {mizan.citations.length === 0 ? (
          t.noCitations
        ) : (
          <ol>
            {mizan.citations.map((citation) => (
              <li key={citation.n} value={citation.n}>
                <bdi>{citation.title}</bdi> — <bdi>{citation.publisher}</bdi>
                {citation.article && (
                  <>
                    , <bdi>{citation.article}</bdi>
                  </>
                )}{' '}
                (v{citation.version})
              </li>
            ))}
          </ol>
        )}
      </dd>
      <dt>{t.groundingField}</dt>
      <dd>
        {grounding
          ? format(grounding.supported ? t.groundingOk : t.groundingNot, {
              checked: grounding.checked,
              unsupported: grounding.unsupported.length,
            })
          : '—'}
      </dd>
      <dt>{t.privacyField}</dt>
      <dd>{entities.length > 0 ? value(entities.join(', ')) : t.noEntities}</dd>
      <dt>{t.guardField}</dt>
      <dd>
        {value(guard.decision)}
        {guard.reasons.length > 0 && <> ({value(guard.reasons.join(', '))})</>}
      </dd>
      <dt>{t.auditField}</dt>
      <dd>{value(mizan.audit_id)}</dd>
    </dl>
  );
}
