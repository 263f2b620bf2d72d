import { useMemo, useState, type FormEvent } from 'react';
import { DataTable } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useResource } from '../../components/use-resource.js';
import { useLocale } from '../../i18n/LocaleProvider.js';
import { format, useMessages } from '../../i18n/messages.js';
import { governanceApi, STAT_DIMENSIONS, type AuditEvent, type StatDimension } from '../governance-api.js';
import { ApplicationSelect } from '../ApplicationSelect.js';
import { auditMessages } from './audit-messages.js';
import { FlowChart } from './FlowChart.js';
import { VerifyPanel } from './VerifyPanel.js';

const KINDS = ['flow', 'oversight', 'governance', 'rights', 'retention'] as const;
const PAGE = 100;
const DAY_MS = 86_400_000;

interface Filter {
  application: string;
  kind: string;
  outcome: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filter = { application: '', kind: '', outcome: '', action: '', from: '', to: '' };
/** A date input's day as the start (or the end) of that day in UTC, as the API takes times. */
const dayBound = (day: string, end: boolean) =>
  day ? new Date(Date.parse(`${day}T00:00:00Z`) + (end ? DAY_MS : 0)).toISOString() : undefined;

/** A flow's outcome is a word; other records (a rights request's) keep a structure there, not shown in a cell. */
const outcomeOf = (event: AuditEvent) =>
  typeof event.detail.outcome === 'string' ? event.detail.outcome : '—';
const modelOf = (event: AuditEvent) =>
  event.kind === 'flow' && event.detail.model
    ? `${event.detail.model.id} (${event.detail.model.country})`
    : '—';

/** The audit log for auditors: filter the records, chart the flows, and verify the log in the browser. */
export function AuditExplorer({ applications }: { applications: { id: string; name: string }[] }) {
  const t = useMessages(auditMessages);
  const { formatDate } = useLocale();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [recordId, setRecordId] = useState<string>();
  const [by, setBy] = useState<StatDimension>('outcome');
  const [bucket, setBucket] = useState<'day' | 'hour'>('day');
  // The charts' window: the last week, up to the next hour (so that what was just logged is in it).
  const window = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    return { from: new Date(to.getTime() - 7 * DAY_MS).toISOString(), to: to.toISOString() };
  }, []);
  const names = new Map(applications.map((a) => [a.id, a.name]));

  const records = useResource(
    () =>
      governanceApi.records({
        application: filter.application || undefined,
        kind: filter.kind || undefined,
        outcome: filter.outcome.trim() || undefined,
        action: filter.action.trim() || undefined,
        from: dayBound(filter.from, false),
        to: dayBound(filter.to, true),
        limit: PAGE,
      }),
    [filter],
  );
  const stats = useResource(
    () =>
      governanceApi.stats({
        by,
        bucket,
        ...window,
        ...(filter.application ? { application: filter.application } : {}),
      }),
    [by, bucket, filter.application],
  );

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const field = (name: keyof Filter) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });
  const dimension = t[`dim_${by}`];

  return (
    <div className="stack">
      <h2>{t.title}</h2>
      <form className="card filters" onSubmit={apply} aria-labelledby="audit-filters">
        <h3 id="audit-filters">{t.filters}</h3>
        <div className="filter-grid">
          <ApplicationSelect
            applications={applications}
            value={draft.application}
            onChange={(application) => setDraft({ ...draft, application })}
            any
          />
          <label className="field">
            <span>{t.kind}</span>
            <select {...field('kind')}>
              <option value="">{t.anyKind}</option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t.outcome}</span>
            <input {...field('outcome')} placeholder="answered" />
          </label>
          <label className="field">
            <span>{t.action}</span>
            <input {...field('action')} placeholder="chat" />
          </label>
          <label className="field">
            <span>{t.from}</span>
            <input type="date" {...field('from')} />
          </label>
          <label className="field">
            <span>{t.to}</span>
            <input type="date" {...field('to')} />
          </label>
        </div>
        <button type="submit" className="primary">
          {t.apply}
        </button>
      </form>

      <section className="card stack" aria-labelledby="audit-charts">
        <h3 id="audit-charts">{t.charts}</h3>
        <div className="row">
          <label className="field">
            <span>{t.chartBy}</span>
            <select value={by} onChange={(e) => setBy(e.target.value as StatDimension)}>
              {STAT_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t[`dim_${d}`]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t.bucket}</span>
            <select value={bucket} onChange={(e) => setBucket(e.target.value as 'day' | 'hour')}>
              <option value="day">{t.day}</option>
              <option value="hour">{t.hour}</option>
            </select>
          </label>
        </div>
        <ErrorMessage error={stats.error} />
        {stats.data && (
          <FlowChart
            points={
              by === 'application'
                ? stats.data.map((p) => ({ ...p, key: names.get(p.key) ?? p.key }))
                : stats.data
            }
            title={format(t.chartTitle, { dimension })}
          />
        )}
      </section>

      <section className="card stack" aria-labelledby="audit-records">
        <h3 id="audit-records">{t.records}</h3>
        <ErrorMessage error={records.error} />
        {records.data && (
          <>
            <p aria-live="polite">{format(t.recordCount, { count: records.data.length })}</p>
            <DataTable
              testId="audit-records"
              rows={records.data}
              rowKey={(event) => event.id}
              empty={t.noRecords}
              currentKey={recordId}
              columns={[
                {
                  header: t.time,
                  cell: (event) => <time dateTime={event.at}>{formatDate(event.at)}</time>,
                },
                {
                  header: t.application,
                  cell: (event) =>
                    event.applicationId ? (names.get(event.applicationId) ?? event.applicationId) : '—',
                },
                { header: t.kind, cell: (event) => event.kind },
                { header: t.action, cell: (event) => event.action },
                { header: t.outcome, cell: outcomeOf },
                { header: t.model, cell: modelOf },
                {
                  header: t.prove,
                  hiddenHeader: true,
                  cell: (event) => (
                    <button
                      type="button"
                      onClick={() => setRecordId(event.id)}
                      aria-label={format(t.proveRecord, { id: event.id })}
                    >
                      {t.prove}
                    </button>
                  ),
                },
              ]}
            />
          </>
        )}
      </section>

      <VerifyPanel recordId={recordId} />
    </div>
  );
}
