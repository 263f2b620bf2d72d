import { useState } from 'react';
import { DataTable } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useSubmit } from '../components/use-submit.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { hasRole, useStaff } from '../staff/StaffGate.js';
import { ApplicationSelect } from './ApplicationSelect.js';
import { ConfirmAction } from './ConfirmAction.js';
import { governanceApi, type ApplicationSummary } from './governance-api.js';
import { governanceMessages } from './governance-messages.js';
import { registerMessages } from './register-messages.js';

const DAY_MS = 86_400_000;
/** The server's minimum for a purpose and for the findings. */
const TEXT_MIN = 3;
const inAMonth = () => new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);

/** Regulatory sandboxes: opened by a tenant admin for an application, with an end and quotas, closed with findings. */
export function Sandboxes({ applications }: { applications: ApplicationSummary[] }) {
  const t = useMessages(registerMessages);
  const common = useMessages(governanceMessages);
  const { formatDate } = useLocale();
  const me = useStaff();
  const admin = hasRole(me, ['tenant_admin']);
  const sandboxes = useResource(governanceApi.sandboxes, []);
  const [draft, setDraft] = useState({
    application: applications[0]?.id ?? '',
    purpose: '',
    ends: inAMonth(),
    requests: '1000',
    tokens: '1000000',
  });
  const [key, setKey] = useState('');
  const appName = (id: string) => applications.find((a) => a.id === id)?.name ?? id;
  const open = useSubmit(async () => {
    const opened = await governanceApi.openSandbox(draft.application, {
      purpose: draft.purpose.trim(),
      ends_at: new Date(`${draft.ends}T23:59:59Z`).toISOString(),
      max_requests: Number(draft.requests),
      max_tokens: Number(draft.tokens),
    });
    setKey(opened.key);
    sandboxes.reload();
  });
  const set = (name: keyof typeof draft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  return (
    <div className="stack">
      <h2>{t.sandboxes}</h2>
      {admin && (
        <form className="card stack" onSubmit={open.onSubmit} aria-labelledby="sandbox-new">
          <h3 id="sandbox-new">{t.newSandbox}</h3>
          <div className="filter-grid">
            <ApplicationSelect
              applications={applications}
              value={draft.application}
              onChange={(application) => setDraft({ ...draft, application })}
            />
            <label className="field">
              <span>{t.endsAt}</span>
              <input type="date" required {...set('ends')} />
            </label>
            <label className="field">
              <span>{t.maxRequests}</span>
              <input type="number" min={1} required {...set('requests')} />
            </label>
            <label className="field">
              <span>{t.maxTokens}</span>
              <input type="number" min={1} required {...set('tokens')} />
            </label>
          </div>
          <label className="field">
            <span>{t.purpose}</span>
            <textarea required minLength={TEXT_MIN} rows={2} {...set('purpose')} />
          </label>
          <ErrorMessage error={open.error} />
          <button type="submit" className="primary">
            {t.openSandbox}
          </button>
          {key && (
            <p className="alert" role="status">
              {format(t.sandboxKey, { key })}
            </p>
          )}
        </form>
      )}
      <ErrorMessage error={sandboxes.error} />
      <DataTable
        rows={sandboxes.data}
        rowKey={(s) => s.id}
        empty={t.noSandboxes}
        columns={[
          { header: common.application, rowHeader: true, cell: (s) => appName(s.applicationId) },
          { header: t.purpose, cell: (s) => s.purpose },
          { header: t.endsAt, cell: (s) => formatDate(s.endsAt, { dateStyle: 'medium' }) },
          {
            header: t.used,
            cell: (s) => `${s.usedRequests}/${s.maxRequests} · ${s.usedTokens}/${s.maxTokens}`,
          },
          {
            header: t.status,
            cell: (s) => (
              <span className={`badge ${s.closedAt ? '' : 'badge-ok'}`}>
                {s.closedAt ? t.closedStatus : t.openStatus}
              </span>
            ),
          },
          admin && {
            header: t.close,
            hiddenHeader: true,
            cell: (s) =>
              !s.closedAt && (
                <ConfirmAction
                  label={t.close}
                  question={`${t.close} — ${appName(s.applicationId)}`}
                  reason={{ label: t.tested, minLength: TEXT_MIN }}
                  onConfirm={async (tested) => {
                    await governanceApi.closeSandbox(s.id, tested);
                    sandboxes.reload();
                  }}
                />
              ),
          },
        ]}
      />
    </div>
  );
}
