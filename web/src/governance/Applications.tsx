import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { hasRole, useStaff } from '../staff/StaffGate.js';
import { ConfirmAction } from './ConfirmAction.js';
import { downloadHtml } from './download-html.js';
import { governanceApi, type ApplicationSummary } from './governance-api.js';
import { Questionnaire } from './Questionnaire.js';
import { registerMessages } from './register-messages.js';

/** Who writes the register and the assessments (src/oversight/governance.ts RECORD_ROLES); the DPO signs. */
const RECORD_ROLES = ['tenant_admin', 'dpo'];

/** A 404 that only says the thing is not there yet (no entry, no assessment) is shown as such, not as an error. */
const missing = async <T,>(load: () => Promise<T>): Promise<T | null> => {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
};

function ApplicationDetail({ application, onChange }: { application: ApplicationSummary; onChange(): void }) {
  const t = useMessages(registerMessages);
  const { formatDate, locale } = useLocale();
  const me = useStaff();
  const id = application.id;
  const entry = useResource(() => missing(() => governanceApi.useCase(id)), [id]);
  const promotion = useResource(() => governanceApi.promotion(id), [id]);
  const assessment = useResource(() => missing(() => governanceApi.assessment(id)), [id]);
  const [notice, setNotice] = useState('');
  const changed = () => {
    promotion.reload();
    assessment.reload();
    onChange();
  };
  const current = assessment.data;
  const recordLanguage = locale === 'zgh' ? 'fr' : locale;

  return (
    <section className="card stack" aria-labelledby="application-title">
      <h3 id="application-title">{application.name}</h3>

      <h4>{t.entry}</h4>
      <ErrorMessage error={entry.error} />
      {entry.data === null && <p className="alert alert-warn">{t.notRegistered}</p>}
      {entry.data && (
        <>
          <dl className="facts">
            <dt>{t.purpose}</dt>
            <dd>{entry.data.purpose}</dd>
            <dt>{t.sector}</dt>
            <dd>{entry.data.sector}</dd>
            <dt>{t.legalBasis}</dt>
            <dd>{entry.data.legal_basis}</dd>
            <dt>{t.dataCategories}</dt>
            <dd>{entry.data.data_categories.join(', ') || '—'}</dd>
            <dt>{t.people}</dt>
            <dd>{entry.data.people_affected.join(', ')}</dd>
            <dt>{t.cndp}</dt>
            <dd>
              {entry.data.cndp.regime} {entry.data.cndp.reference ?? ''} — {entry.data.cndp.status}
            </dd>
            <dt>{t.dpo}</dt>
            <dd>
              {entry.data.dpo.name} &lt;{entry.data.dpo.email}&gt;
            </dd>
          </dl>
          <button
            type="button"
            onClick={() =>
              downloadHtml(
                () => governanceApi.processingRecordHtml(id, recordLanguage),
                `processing-record-${application.name}.html`,
              )
            }
          >
            {t.processingRecord}
          </button>
        </>
      )}

      <h4>{t.promotion}</h4>
      <ErrorMessage error={promotion.error} />
      <ul className="plain-list checks">
        {promotion.data?.checks.map((check) => (
          <li key={check.check}>
            <span className={check.ok ? 'check-ok' : 'check-failed'}>{check.ok ? '✓' : '✗'}</span>{' '}
            <code>{check.check}</code> — {check.detail}
          </li>
        ))}
      </ul>
      {application.stage === 'development' && hasRole(me, ['tenant_admin']) && (
        <ConfirmAction
          label={t.promote}
          question={format(t.confirmPromote, { name: application.name })}
          onConfirm={async () => {
            await governanceApi.promote(id);
            changed();
          }}
        />
      )}

      <h4>{t.assessment}</h4>
      <ErrorMessage error={assessment.error} />
      {current === null && <p className="muted">{t.noAssessment}</p>}
      {current && (
        <dl className="facts">
          <dt>{t.riskTier}</dt>
          <dd>
            <span className="badge">{current.tier}</span>
          </dd>
          <dt>{t.submittedAt}</dt>
          <dd>{formatDate(current.submittedAt)}</dd>
          <dt>{t.signedBy}</dt>
          <dd>{current.signedAt ? `${current.signedBy} — ${formatDate(current.signedAt)}` : t.notSigned}</dd>
          <dt>{t.reassessBy}</dt>
          <dd>{formatDate(current.reassessBy, { dateStyle: 'medium' })}</dd>
        </dl>
      )}
      {current && !current.signedAt && me.kind === 'staff' && me.roles.includes('dpo') && (
        <ConfirmAction
          label={t.sign}
          question={t.confirmSign}
          onConfirm={async () => {
            await governanceApi.signAssessment(id, current.id);
            changed();
          }}
        />
      )}
      <p role="status" aria-live="polite">
        {notice}
      </p>
      {entry.data && hasRole(me, RECORD_ROLES) && (
        <Questionnaire
          applicationId={id}
          sector={entry.data.sector}
          onAssessed={(stored) => {
            setNotice(format(t.assessed, { tier: stored.tier }));
            changed();
          }}
        />
      )}
    </section>
  );
}

/** The tenant's applications, each with its register entry, its way to production and its risk assessment. */
export function Applications({
  applications,
  onChange,
}: {
  applications: ApplicationSummary[];
  onChange(): void;
}) {
  const t = useMessages(registerMessages);
  const [selected, setSelected] = useState<string>();
  const application = applications.find((a) => a.id === selected);
  return (
    <div className="stack">
      <h2>{t.applications}</h2>
      <DataTable
        rows={applications}
        rowKey={(a) => a.id}
        empty={t.noApplications}
        currentKey={selected}
        columns={[
          { header: t.name, rowHeader: true, cell: (a) => a.name },
          {
            header: t.stage,
            cell: (a) => (
              <span className={`badge ${a.stage === 'production' ? 'badge-ok' : 'badge-warn'}`}>
                {t[`stage_${a.stage}`]}
              </span>
            ),
          },
          { header: t.riskTier, cell: (a) => a.risk_tier ?? '—' },
          { header: t.registered, cell: (a) => (a.registered ? t.yes : t.no) },
          {
            header: t.open,
            hiddenHeader: true,
            cell: (a) => (
              <button
                type="button"
                onClick={() => setSelected(a.id)}
                aria-label={format(t.openApp, { name: a.name })}
              >
                {t.open}
              </button>
            ),
          },
        ]}
      />
      {application && (
        <ApplicationDetail key={application.id} application={application} onChange={onChange} />
      )}
    </div>
  );
}
