import type { MizanExtension } from '../api/chat-stream.js';
import { format, useMessages } from '../i18n/messages.js';
import { entityMessages } from '../i18n/entity-messages.js';
import { assistantMessages, codeMessages } from './assistant-messages.js';

export type ReviewState = 'none' | 'pending' | 'approved' | 'rejected';

/** A code of the API in the reader's language, or the code itself when the interface has no word for it. */
function useLabels() {
  const labels: Record<string, string> = { ...useMessages(entityMessages), ...useMessages(codeMessages) };
  return (code: string) => labels[code] ?? code;
}

function ProtectedData({ privacy }: { privacy: MizanExtension['privacy'] }) {
  const t = useMessages(assistantMessages);
  const label = useLabels();
  if (!('entities' in privacy)) return <p>{t.noPersonalData}</p>;
  // Counts per type and operator only: the values never reach the browser's answer object.
  const rows = Object.entries(privacy.entities).flatMap(([type, operators]) =>
    Object.entries(operators ?? {}).map(([operator, count]) => ({ type, operator, count: count ?? 0 })),
  );
  return (
    <>
      {rows.length === 0 ? (
        <p>{t.noPersonalData}</p>
      ) : (
        <ul data-testid="protected-data">
          {rows.map((row) => (
            <li key={`${row.type}:${row.operator}`}>
              {format(t.protectedCount, {
                type: label(row.type),
                count: row.count,
                operator: label(row.operator),
              })}
            </li>
          ))}
        </ul>
      )}
      <p>{privacy.personal_data_forwarded ? t.personalDataForwarded : t.personalDataKept}</p>
      <p>
        {t.transfer}: {label(privacy.transfer.decision)} ({privacy.transfer.country})
      </p>
    </>
  );
}

function Grounding({ grounding }: { grounding: MizanExtension['grounding'] }) {
  const t = useMessages(assistantMessages);
  if (!grounding) return <p>{t.groundingNone}</p>;
  return (
    <p>
      {grounding.supported ? (
        <span className="badge badge-ok">{format(t.groundingSupported, { checked: grounding.checked })}</span>
      ) : (
        <span className="badge badge-warn">
          {format(t.groundingUnsupported, {
            unsupported: grounding.unsupported.length,
            checked: grounding.checked,
          })}
        </span>
      )}
    </p>
  );
}

const REVIEW_TEXT = {
  none: 'reviewNone',
  pending: 'reviewPending',
  approved: 'reviewApproved',
  rejected: 'reviewRejected',
} as const;

/**
 * "How this answer was made": the model and where it runs, the personal data that was protected (counts, never
 * values), the grounding check, the guard's decision, the risk tier and the human review, with the audit reference
 * a person quotes to exercise their rights.
 */
export function HowMade({ mizan, review }: { mizan: MizanExtension; review: ReviewState }) {
  const t = useMessages(assistantMessages);
  const label = useLabels();
  const { model, oversight, guard } = mizan;
  return (
    <details className="how-made">
      <summary>{t.howMade}</summary>
      <dl className="facts">
        <dt>{t.model}</dt>
        <dd>
          {model ? (
            <>
              <code>{model.id}</code> ({model.provider})
              <br />
              {format(t.runsAt, { operator: model.hosting.operator, country: model.hosting.country })}{' '}
              <span className={model.hosting.sovereign ? 'badge badge-ok' : 'badge badge-warn'}>
                {model.hosting.sovereign ? t.sovereign : t.notSovereign}
              </span>
            </>
          ) : (
            t.noModel
          )}
        </dd>
        <dt>{t.protectedData}</dt>
        <dd>
          <ProtectedData privacy={mizan.privacy} />
        </dd>
        <dt>{t.grounding}</dt>
        <dd>
          <Grounding grounding={mizan.grounding} />
        </dd>
        <dt>{t.guard}</dt>
        <dd>
          {label(`${guard.decision}_decision`)}
          {guard.reasons.length > 0 && <> ({guard.reasons.join(', ')})</>}
        </dd>
        {oversight && (
          <>
            <dt>{t.riskTier}</dt>
            <dd>
              {label(oversight.risk_tier)}
              {oversight.sandbox && <span className="badge badge-warn">{t.sandbox}</span>}
            </dd>
          </>
        )}
        <dt>{t.reviewStatus}</dt>
        <dd>{t[REVIEW_TEXT[review]]}</dd>
        <dt>{t.auditReference}</dt>
        <dd>
          <code className="break-anywhere">{mizan.audit_id}</code>
        </dd>
      </dl>
    </details>
  );
}
