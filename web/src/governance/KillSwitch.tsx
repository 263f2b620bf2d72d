import { useState } from 'react';
import { ResourceList } from '../components/ResourceList.js';
import { useResource } from '../components/use-resource.js';
import { useLocale } from '../i18n/LocaleProvider.js';
import { format, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './ConfirmAction.js';
import { governanceApi, type ApplicationSummary } from './governance-api.js';
import { governanceMessages } from './governance-messages.js';

type TargetKind = 'application' | 'model';
const REASON_MIN = 3;

/** The kill switch: suspend one of the tenant's applications, or a model for the tenant, and lift it again. */
export function KillSwitch({ applications }: { applications: ApplicationSummary[] }) {
  const t = useMessages(governanceMessages);
  const { formatDate } = useLocale();
  const suspensions = useResource(governanceApi.suspensions, []);
  const models = useResource(governanceApi.models, []);
  const [kind, setKind] = useState<TargetKind>('application');
  const [target, setTarget] = useState('');
  const [notice, setNotice] = useState('');

  const targets =
    kind === 'application'
      ? applications.map((a) => ({ id: a.id, name: a.name }))
      : (models.data ?? []).map((m) => ({ id: m.id, name: m.id }));
  const chosen = targets.find((x) => x.id === target) ?? targets[0];
  const nameOf = (targetKind: TargetKind, id: string) =>
    (targetKind === 'application' ? applications.find((a) => a.id === id)?.name : undefined) ?? id;

  const suspend = async (reason: string) => {
    await governanceApi.suspend({ target_kind: kind, target_id: chosen!.id, reason });
    setNotice(format(t.suspended, { target: chosen!.name }));
    suspensions.reload();
  };
  const lift = async (targetKind: TargetKind, id: string) => {
    await governanceApi.lift(targetKind, id);
    setNotice(format(t.lifted, { target: nameOf(targetKind, id) }));
    suspensions.reload();
  };

  return (
    <div className="stack">
      <h2>{t.killTitle}</h2>
      <p className="muted">{t.killIntro}</p>
      <section className="card stack" aria-labelledby="kill-new">
        <h3 id="kill-new">{t.suspend}</h3>
        <div className="row">
          <label className="field">
            <span>{t.targetKind}</span>
            <select
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as TargetKind);
                setTarget('');
              }}
            >
              <option value="application">{t.kindApplication}</option>
              <option value="model">{t.kindModel}</option>
            </select>
          </label>
          <label className="field">
            <span>{t.target}</span>
            <select value={chosen?.id ?? ''} onChange={(event) => setTarget(event.target.value)}>
              {targets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {chosen && (
          <ConfirmAction
            label={t.suspend}
            question={format(t.confirmSuspend, { target: chosen.name })}
            reason={{ label: `${t.reason} — ${t.reasonHelp}`, minLength: REASON_MIN }}
            danger
            onConfirm={suspend}
          />
        )}
      </section>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <section className="card stack" aria-labelledby="kill-standing">
        <h3 id="kill-standing">{t.standing}</h3>
        <ResourceList resource={suspensions} empty={t.noSuspensions}>
          {(s) => (
            <li key={s.id} className="card stack" data-testid="suspension">
              <div className="row">
                <span className="badge badge-danger">
                  {s.targetKind === 'application' ? t.kindApplication : t.kindModel}
                </span>
                <strong>{nameOf(s.targetKind, s.targetId)}</strong>
                {s.tenantId === null && <span className="badge">{t.scopePlatform}</span>}
              </div>
              <p>
                <strong>{t.reason}</strong> {s.reason}
              </p>
              <p className="muted">
                {t.since} <time dateTime={s.suspendedAt}>{formatDate(s.suspendedAt)}</time> — {t.by}{' '}
                {s.suspendedBy}
              </p>
              {s.tenantId !== null && (
                <ConfirmAction
                  label={t.lift}
                  question={format(t.confirmLift, { target: nameOf(s.targetKind, s.targetId) })}
                  onConfirm={() => lift(s.targetKind, s.targetId)}
                />
              )}
            </li>
          )}
        </ResourceList>
      </section>
    </div>
  );
}
