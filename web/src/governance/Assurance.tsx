import { useState } from 'react';
import { DataTable } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useSubmit } from '../components/use-submit.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { hasRole, useStaff } from '../staff/StaffGate.js';
import { ApplicationSelect } from './ApplicationSelect.js';
import { downloadHtml } from './download-html.js';
import { governanceApi, type ApplicationSummary } from './governance-api.js';
import { governanceMessages } from './governance-messages.js';
import { registerMessages } from './register-messages.js';

/** Who starts a run (src/assurance/assurance-service.ts RUN_ROLES); every reader sees runs and reports. */
const RUN_ROLES = ['tenant_admin', 'dpo'];

/** Assurance: the test packs, the runs of a pack against an application with a model, and their reports. */
export function Assurance({ applications }: { applications: ApplicationSummary[] }) {
  const t = useMessages(registerMessages);
  const common = useMessages(governanceMessages);
  const { formatDate } = useLocale();
  const me = useStaff();
  const packs = useResource(governanceApi.packs, []);
  const runs = useResource(governanceApi.runs, []);
  const models = useResource(governanceApi.models, []);
  const chatModels = (models.data ?? []).filter((m) => m.kind === 'chat');
  const [draft, setDraft] = useState({ pack: '', application: '', model: '' });
  const [notice, setNotice] = useState('');
  const chosen = {
    pack: draft.pack || packs.data?.[0]?.id || '',
    application: draft.application || applications[0]?.id || '',
    model: draft.model || chatModels[0]?.id || '',
  };
  const appName = (id: string) => applications.find((a) => a.id === id)?.name ?? id;
  const start = useSubmit(async () => {
    const run = await governanceApi.startRun(chosen);
    setNotice(format(t.started, { id: run.id }));
    runs.reload();
  });

  return (
    <div className="stack">
      <h2>{t.assurance}</h2>
      <ErrorMessage error={packs.error ?? runs.error} />
      {hasRole(me, RUN_ROLES) && (
        <form className="card stack" onSubmit={start.onSubmit} aria-labelledby="assurance-start">
          <h3 id="assurance-start">{t.startRun}</h3>
          <div className="filter-grid">
            <label className="field">
              <span>{t.pack}</span>
              <select value={chosen.pack} onChange={(e) => setDraft({ ...draft, pack: e.target.value })}>
                {packs.data?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title} (v{p.version})
                  </option>
                ))}
              </select>
            </label>
            <ApplicationSelect
              applications={applications}
              value={chosen.application}
              onChange={(application) => setDraft({ ...draft, application })}
            />
            <label className="field">
              <span>{t.model}</span>
              <select value={chosen.model} onChange={(e) => setDraft({ ...draft, model: e.target.value })}>
                {chatModels.map((m) => (
                  <option key={m.id}>{m.id}</option>
                ))}
              </select>
            </label>
          </div>
          <ErrorMessage error={start.error} />
          <button type="submit" className="primary">
            {t.startRun}
          </button>
          <p role="status" aria-live="polite">
            {notice}
          </p>
        </form>
      )}
      <section className="card stack" aria-labelledby="assurance-runs">
        <h3 id="assurance-runs">{t.runs}</h3>
        <DataTable
          rows={runs.data}
          rowKey={(run) => run.id}
          empty={t.noRuns}
          columns={[
            { header: t.when, cell: (run) => formatDate(run.startedAt) },
            { header: common.application, cell: (run) => appName(run.applicationId) },
            { header: t.pack, cell: (run) => `${run.packId} v${run.packVersion}` },
            { header: t.model, cell: (run) => run.modelId },
            { header: t.status, cell: (run) => run.status },
            {
              header: t.grade,
              cell: (run) => (
                <>
                  {run.grade ?? '—'}{' '}
                  {run.passed !== null && (
                    <span className={`badge ${run.passed ? 'badge-ok' : 'badge-danger'}`}>
                      {run.passed ? t.passed : t.notPassed}
                    </span>
                  )}
                </>
              ),
            },
            {
              header: t.report,
              hiddenHeader: true,
              cell: (run) =>
                run.status === 'finished' && (
                  <button
                    type="button"
                    onClick={() =>
                      downloadHtml(() => governanceApi.runReportHtml(run.id), `assurance-${run.id}.html`)
                    }
                  >
                    {t.report}
                  </button>
                ),
            },
          ]}
        />
      </section>
    </div>
  );
}
