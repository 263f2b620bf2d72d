import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/** One application's use of one model on one UTC day. */
export interface UsageRow {
  tenantId: string;
  applicationId: string;
  model: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** Null while nothing was estimated (the model's energy and size are unknown). */
  energyWh: number | null;
}

export interface UsageQuery {
  /** Only this tenant's applications; every tenant when undefined. */
  tenantId?: string;
  applicationId?: string;
  /** Inclusive days, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

export interface UsageStore {
  /**
   * Adds each row to the stored one of its application, model and day (created when absent), in one statement; no
   * two rows may share their application, model and day.
   */
  add(rows: readonly UsageRow[]): Promise<void>;
  list(query: UsageQuery): Promise<UsageRow[]>;
}

export function createUsageStore(db: Kysely<DatabaseSchema>): UsageStore {
  return {
    async add(rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('usage_daily')
        .values(
          rows.map((row) => ({
            tenant_id: row.tenantId,
            application_id: row.applicationId,
            model: row.model,
            day: row.day,
            requests: row.requests,
            prompt_tokens: row.promptTokens,
            completion_tokens: row.completionTokens,
            energy_wh: row.energyWh,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['application_id', 'model', 'day']).doUpdateSet({
            requests: sql`usage_daily.requests + excluded.requests`,
            prompt_tokens: sql`usage_daily.prompt_tokens + excluded.prompt_tokens`,
            completion_tokens: sql`usage_daily.completion_tokens + excluded.completion_tokens`,
            // null + a number stays null in SQL: an estimate, once there is one, is kept and added to.
            energy_wh: sql`case when excluded.energy_wh is null then usage_daily.energy_wh
              else coalesce(usage_daily.energy_wh, 0) + excluded.energy_wh end`,
          }),
        )
        .execute();
    },
    async list(query) {
      let select = db
        .selectFrom('usage_daily')
        .selectAll()
        .where('day', '>=', query.from)
        .where('day', '<=', query.to);
      if (query.tenantId !== undefined) select = select.where('tenant_id', '=', query.tenantId);
      if (query.applicationId !== undefined)
        select = select.where('application_id', '=', query.applicationId);
      const rows = await select.orderBy('day').orderBy('application_id').orderBy('model').execute();
      return rows.map((row) => ({
        tenantId: row.tenant_id,
        applicationId: row.application_id,
        model: row.model,
        day: row.day,
        requests: Number(row.requests),
        promptTokens: Number(row.prompt_tokens),
        completionTokens: Number(row.completion_tokens),
        energyWh: row.energy_wh,
      }));
    },
  };
}
