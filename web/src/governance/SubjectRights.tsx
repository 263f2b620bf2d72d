import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { useStaff } from '../staff/StaffGate.js';
import { ConfirmAction } from './ConfirmAction.js';
import { governanceApi, type ApplicationSummary } from './governance-api.js';
import { governanceMessages } from './governance-messages.js';

/** The server's minimum length of a refusal's and a hold's reason. */
const REASON_MIN = 3;
const OPEN_STATUS = 'received';

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
  const [holdError, setHoldError] = useState<unknown>();
  const appName = (id: string | null) => (id ? (applications.find((a) => a.id === id)?.name ?? id) : '—');

  const placeHold = async (event: FormEvent) => {
    event.preventDefault();
    setHoldError(undefined);
    try {
      await governanceApi.placeHold({
        reason: hold.reason.trim(),
        ...(hold.user.trim() ? { user: hold.user.trim() } : {}),
        ...(hold.application ? { application: hold.application } : {}),
      });
      setHold({ user: '', application: '', reason: '' });
      holds.reload();
    } catch (error) {
      setHoldError(error);
    }
  };

  return (
    <div className="stack">
      <h2>{t.rightsTitle}</h2>
      <section className="card stack" aria-labelledby="rights-requests">
        <h3 id="rights-requests">{t.requests}</h3>
        <ErrorMessage error={requests.error} />
        {requests.data?.length === 0 && <p className="muted">{t.noRequests}</p>}
        {requests.data && requests.data.length > 0 && (
          <div className="table-scroll">
            <table data-testid="subject-requests">
              <thead>
                <tr>
                  <th scope="col">{t.subject}</th>
                  <th scope="col">{t.kind}</th>
                  <th scope="col">{t.application}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.received}</th>
                  <th scope="col">{t.due}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {requests.data.map((r) => {
                  const open = r.status === OPEN_STATUS;
                  const late = open && Date.parse(r.due_at) < Date.now();
                  return (
                    <tr key={r.id}>
                      <td>
                        <code>{r.data_subject}</code>
                      </td>
                      <td>{r.kind}</td>
                      <td>{appName(r.application_id)}</td>
                      <td>
                        <span className="badge">{r.status}</span>
                        {r.reason && <div className="muted">{r.reason}</div>}
                      </td>
                      <td>{formatDate(r.received_at)}</td>
                      <td>
                        {formatDate(r.due_at, { dateStyle: 'medium' })}
                        {late && <span className="badge badge-danger">{t.overdue}</span>}
                      </td>
                      <td className="stack">
                        {open && handles && (
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
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack" aria-labelledby="rights-objections">
        <h3 id="rights-objections">{t.objections}</h3>
        <ErrorMessage error={objections.error} />
        {objections.data?.length === 0 && <p className="muted">{t.noObjections}</p>}
        <ul className="plain-list stack">
          {objections.data?.map((o) => (
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
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="rights-holds">
        <h3 id="rights-holds">{t.holds}</h3>
        <ErrorMessage error={holds.error} />
        {holds.data?.length === 0 && <p className="muted">{t.noHolds}</p>}
        <ul className="plain-list stack">
          {holds.data?.map((h) => (
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
          ))}
        </ul>
        <form className="stack" onSubmit={placeHold} aria-labelledby="rights-new-hold">
          <h4 id="rights-new-hold">{t.placeHold}</h4>
          <div className="filter-grid">
            <label className="field">
              <span>{t.holdUser}</span>
              <input value={hold.user} onChange={(e) => setHold({ ...hold, user: e.target.value })} />
            </label>
            <label className="field">
              <span>{t.application}</span>
              <select
                value={hold.application}
                onChange={(e) => setHold({ ...hold, application: e.target.value })}
              >
                <option value="">{t.anyApplication}</option>
                {applications.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
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
          <ErrorMessage error={holdError} />
          <button type="submit">{t.placeHold}</button>
        </form>
      </section>
    </div>
  );
}
