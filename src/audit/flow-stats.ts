import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../store/schema.js';

export const STAT_DIMENSIONS = [
  'data_category',
  'provider_country',
  'application',
  'outcome',
  'guard_reason',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export interface FlowStatsQuery {
  by: StatDimension;
  bucket: 'hour' | 'day';
  from: Date;
  to: Date;
  tenantId?: string;
  applicationId?: string;
}

export interface FlowStatsPoint {
  /** Start of the bucket, UTC. */
  at: string;
  key: string;
  flows: number;
}

/**
 * Each dimension as a SQL expression over a flow record; data categories and guard reasons fan out, one row per
 * category found or reason given.
 */
const KEYS: Record<StatDimension, RawBuilder<string>> = {
  outcome: sql`e.detail->>'outcome'`,
  application: sql`coalesce(e.application_id, 'none')`,
  provider_country: sql`coalesce(e.detail->'model'->>'country', 'none')`,
  data_category: sql`c.category`,
  guard_reason: sql`g.reason`,
};

const FAN_OUT: Partial<Record<StatDimension, RawBuilder<unknown>>> = {
  data_category: sql`cross join lateral jsonb_object_keys(coalesce(e.detail->'data_categories', '{}'::jsonb)) as c(category)`,
  guard_reason: sql`cross join lateral jsonb_array_elements_text(coalesce(e.detail->'guard'->'reasons', '[]'::jsonb)) as g(reason)`,
};

/**
 * What the audit dashboards chart: flows over time by data category, by where the model ran, by application, by
 * outcome and by the guard's reasons (all that is kept of a blocked request). Read from the same records the log proves, so the charts and the verified log cannot disagree.
 */
export async function flowStats(db: Kysely<DatabaseSchema>, q: FlowStatsQuery): Promise<FlowStatsPoint[]> {
  const result = await sql<{ at: Date; key: string; flows: string | number }>`
    select date_trunc(${q.bucket}, e.at, 'UTC') as at, ${KEYS[q.by]} as key, count(*) as flows
    from audit_events e ${FAN_OUT[q.by] ?? sql``}
    where e.kind = 'flow' and e.at >= ${q.from} and e.at < ${q.to}
      ${q.tenantId === undefined ? sql`` : sql`and e.tenant_id = ${q.tenantId}`}
      ${q.applicationId === undefined ? sql`` : sql`and e.application_id = ${q.applicationId}`}
    group by 1, 2
    order by 1, 2`.execute(db);
  return result.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    key: row.key,
    flows: Number(row.flows),
  }));
}
