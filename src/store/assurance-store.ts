import type { Kysely, Selectable } from 'kysely';
import { newId } from './ids.js';
import type { AssuranceRunsTable, DatabaseSchema } from './schema.js';

export interface AssuranceRun {
  id: string;
  tenantId: string;
  applicationId: string;
  packId: string;
  packVersion: number;
  modelId: string;
  modelFingerprint: string;
  assessmentId: string | null;
  seed: number;
  sandboxId: string | null;
  status: 'running' | 'interrupted' | 'finished';
  totalCases: number;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  grade: string | null;
  passed: boolean | null;
  report: object | null;
}

const toRun = (row: Selectable<AssuranceRunsTable>): AssuranceRun => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  packId: row.pack_id,
  packVersion: row.pack_version,
  modelId: row.model_id,
  modelFingerprint: row.model_fingerprint,
  assessmentId: row.assessment_id,
  seed: row.seed,
  sandboxId: row.sandbox_id,
  status: row.status,
  totalCases: row.total_cases,
  startedBy: row.started_by,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  grade: row.grade,
  passed: row.passed,
  report: row.report,
});

/** Runs and their results, case by case: a result is written once, so a resumed run skips what it has. */
export const createAssuranceStore = (db: Kysely<DatabaseSchema>) => ({
  async createRun(
    input: Pick<
      AssuranceRun,
      | 'tenantId'
      | 'applicationId'
      | 'packId'
      | 'packVersion'
      | 'modelId'
      | 'modelFingerprint'
      | 'assessmentId'
      | 'seed'
      | 'totalCases'
      | 'startedBy'
    >,
  ): Promise<AssuranceRun> {
    const row = await db
      .insertInto('assurance_runs')
      .values({
        id: newId('run'),
        tenant_id: input.tenantId,
        application_id: input.applicationId,
        pack_id: input.packId,
        pack_version: input.packVersion,
        model_id: input.modelId,
        model_fingerprint: input.modelFingerprint,
        assessment_id: input.assessmentId,
        seed: input.seed,
        status: 'running',
        total_cases: input.totalCases,
        started_by: input.startedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  },

  async findRun(id: string): Promise<AssuranceRun | undefined> {
    const row = await db.selectFrom('assurance_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  },

  /** Newest first. */
  async listRuns(filter: { tenantId?: string; applicationId?: string }): Promise<AssuranceRun[]> {
    const rows = await db
      .selectFrom('assurance_runs')
      .selectAll()
      .$if(filter.tenantId !== undefined, (q) => q.where('tenant_id', '=', filter.tenantId!))
      .$if(filter.applicationId !== undefined, (q) => q.where('application_id', '=', filter.applicationId!))
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map(toRun);
  },

  async setRunning(id: string, sandboxId: string): Promise<void> {
    await db
      .updateTable('assurance_runs')
      .set({ status: 'running', sandbox_id: sandboxId })
      .where('id', '=', id)
      .execute();
  },

  /** A run its process stopped before it finished: it resumes on request. */
  async markInterrupted(id: string): Promise<void> {
    await db
      .updateTable('assurance_runs')
      .set({ status: 'interrupted' })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  },

  async finishRun(
    id: string,
    input: { grade: string; passed: boolean; report: object },
  ): Promise<AssuranceRun> {
    const row = await db
      .updateTable('assurance_runs')
      .set({
        status: 'finished',
        finished_at: new Date(),
        grade: input.grade,
        passed: input.passed,
        report: JSON.stringify(input.report),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  },

  async addResult(runId: string, caseId: string, result: object): Promise<void> {
    await db
      .insertInto('assurance_results')
      .values({ run_id: runId, case_id: caseId, result: JSON.stringify(result) })
      .onConflict((oc) => oc.columns(['run_id', 'case_id']).doNothing())
      .execute();
  },

  async results(runId: string): Promise<{ caseId: string; result: object }[]> {
    const rows = await db
      .selectFrom('assurance_results')
      .select(['case_id', 'result'])
      .where('run_id', '=', runId)
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, result: r.result }));
  },

  async countResults(runId: string): Promise<number> {
    const row = await db
      .selectFrom('assurance_results')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
});

export type AssuranceStore = ReturnType<typeof createAssuranceStore>;
