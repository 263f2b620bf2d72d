import { useState } from 'react';
import { DataTable } from '../components/DataTable.js';
import { ResourceList } from '../components/ResourceList.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useSubmit } from '../components/use-submit.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { useStaff } from '../staff/StaffGate.js';
import { ApplicationSelect } from './ApplicationSelect.js';
import { ConfirmAction } from './ConfirmAction.js';
import { governanceApi, type ApplicationSummary } from './governance-api.js';
import { governanceMessages } from './governance-messages.js';

/** The server's minimum length of a refusal's and a hold's reason. */
const REASON_MIN = 3;
/** A request still waiting for the DPO's answer. */
const isOpen = (request: { status: string }) => request.status === 'received';

/**
 * Data-subject requests for the DPO (tenant admins see them): requests to their deadline, completed or refused
 * with a reason by the DPO; standing objections; legal holds, placed and lifted.
 */
export function SubjectRights({ applications }: { applications: ApplicationSummary[] }) {
  const t = useMessages(governanceMessages);
  const { formatDate } = useLocale();
  const me = useStaff();
  // Only the DPO handles a request (src/privacy/rights/context.ts HANDLER_ROLES); admins oversee.
  const handles = me.kind === 'platform_admin' || me.roles.includes('dpo');
  const requests = useResource(governanceApi.subjectRequests, []);
  const objections = useResource(governanceApi.objections, []);
  const holds = useResource(governanceApi.holds, []);
  const [hold, setHold] = useState({ user: '', application: '', reason: '' });
  const appName = (id: string | null) => (id ? (applications.find((a) => a.id === id)?.name ?? id) : '—');
  const placeHold = useSubmit(async () => {
    await governanceApi.placeHold({
      reason: hold.reason.trim(),
      ...(hold.user.trim() ? { user: hold.user.trim() } : {}),
      ...(hold.application ? { application: hold.application } : {}),
    });
    setHold({ user: '', application: '', reason: '' });
    holds.reload();
  });

  return (
    <div className="stack">
      <h2>{t.rightsTitle}</h2>
      <section className="card stack" aria-labelledby="rights-requests">
        <h3 id="rights-requests">{t.requests}</h3>
        <ErrorMessage error={requests.error} />
        <DataTable
          testId="subject-requests"
          rows={requests.data}
          rowKey={(r) => r.id}
          empty={t.noRequests}
          columns={[
            { header: t.subject, cell: (r) => <code>{r.data_subject}</code> },
            { header: t.kind, cell: (r) => r.kind },
            { header: t.application, cell: (r) => appName(r.application_id) },
            {
              header: t.status,
              cell: (r) => (
                <>
                  <span className="badge">{r.status}</span>
                  {r.reason && <div className="muted">{r.reason}</div>}
                </>
              ),
            },
            { header: t.received, cell: (r) => formatDate(r.received_at) },
            {
              header: t.due,
              cell: (r) => (
                <>
                  {formatDate(r.due_at, { dateStyle: 'medium' })}
                  {isOpen(r) && Date.parse(r.due_at) < Date.now() && (
                    <span className="badge badge-danger">{t.overdue}</span>
                  )}
                </>
              ),
            },
            {
              header: t.actions,
              className: 'stack',
              cell: (r) =>
                isOpen(r) &&
                handles && (
                  <>
                    <ConfirmAction
                      label={t.complete}
                      question={`${t.complete} — ${r.kind}, ${r.data_subject}`}
                      reason={{ label: t.completionNote, minLength: 0 }}
                      onConfirm={async (reason) => {
                        await governanceApi.completeRequest(r.id, reason);
                        requests.reload();
                      }}
                    />
                    <ConfirmAction
                      label={t.refuse}
                      question={`${t.refuse} — ${r.kind}, ${r.data_subject}`}
                      reason={{ label: t.refusalReason, minLength: REASON_MIN }}
                      danger
                      onConfirm={async (reason) => {
                        await governanceApi.refuseRequest(r.id, reason);
                        requests.reload();
                      }}
                    />
                  </>
                ),
            },
          ]}
        />
      </section>

      <section className="card stack" aria-labelledby="rights-objections">
        <h3 id="rights-objections">{t.objections}</h3>
        <ResourceList resource={objections} empty={t.noObjections}>
          {(o) => (
            <li key={o.id} className="row">
              <code>{o.data_subject}</code> — {appName(o.application_id)} — {t.since} {formatDate(o.since)}
              {handles && (
                <ConfirmAction
                  label={t.liftObjection}
                  question={`${t.liftObjection} — ${o.data_subject}`}
                  onConfirm={async () => {
                    await governanceApi.liftObjection(o.id);
                    objections.reload();
                  }}
                />
              )}
            </li>
          )}
        </ResourceList>
      </section>

      <section className="card stack" aria-labelledby="rights-holds">
        <h3 id="rights-holds">{t.holds}</h3>
        <ResourceList resource={holds} empty={t.noHolds}>
          {(h) => (
            <li key={h.id} className="row">
              <span>
                {h.data_subject ? <code>{h.data_subject}</code> : appName(h.application_id)} — {h.reason} —{' '}
                {t.since} {formatDate(h.placed_at)}
              </span>
              <ConfirmAction
                label={t.liftHold}
                question={format(t.confirmLift, { target: h.data_subject ?? appName(h.application_id) })}
                onConfirm={async () => {
                  await governanceApi.liftHold(h.id);
                  holds.reload();
                }}
              />
            </li>
          )}
        </ResourceList>
        <form className="stack" onSubmit={placeHold.onSubmit} aria-labelledby="rights-new-hold">
          <h4 id="rights-new-hold">{t.placeHold}</h4>
          <div className="filter-grid">
            <label className="field">
              <span>{t.holdUser}</span>
              <input value={hold.user} onChange={(e) => setHold({ ...hold, user: e.target.value })} />
            </label>
            <ApplicationSelect
              applications={applications}
              value={hold.application}
              onChange={(application) => setHold({ ...hold, application })}
              any
            />
          </div>
          <label className="field">
            <span>{t.reason}</span>
            <textarea
              value={hold.reason}
              onChange={(e) => setHold({ ...hold, reason: e.target.value })}
              required
              minLength={REASON_MIN}
              rows={2}
            />
          </label>
          <ErrorMessage error={placeHold.error} />
          <button type="submit">{t.placeHold}</button>
        </form>
      </section>
    </div>
  );
}
