import { sql, type Kysely, type Selectable } from 'kysely';
import { errors } from '../errors.js';
import { newId, UNIQUE_VIOLATION } from './ids.js';
import type {
  DatabaseSchema,
  ModelApprovalsTable,
  RiskAssessmentsTable,
  SandboxesTable,
  StaffTable,
  SuspensionsTable,
} from './schema.js';

/** The stored register entry, in its wire (snake_case) form; `src/oversight/register` parses and validates it. */
export interface StoredUseCase {
  applicationId: string;
  entry: object;
  demo: boolean;
  updatedBy: string;
  updatedAt: Date;
}

export interface StoredAssessment {
  id: string;
  applicationId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Record<string, string | string[]>;
  result: object;
  tier: string;
  submittedBy: string;
  submittedAt: Date;
  signedBy: string | null;
  signedAt: Date | null;
  reassessBy: Date;
}

export interface StaffMember {
  id: string;
  tenantId: string;
  name: string;
  roles: string[];
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface Sandbox {
  id: string;
  tenantId: string;
  applicationId: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  maxRequests: number;
  maxTokens: number;
  usedRequests: number;
  usedTokens: number;
  openedBy: string;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  report: object | null;
  /** Opened by an assurance run for its own synthetic prompts. */
  assurance: boolean;
}

export interface ModelApproval {
  id: string;
  modelId: string;
  tier: string;
  evaluationReports: object[];
  note: string | null;
  approvedBy: string;
  approvedAt: Date;
  revokedBy: string | null;
  revokedAt: Date | null;
}

export interface Suspension {
  id: string;
  targetKind: 'application' | 'model';
  targetId: string;
  /** Null: platform-wide. */
  tenantId: string | null;
  reason: string;
  automatic: boolean;
  suspendedBy: string;
  suspendedAt: Date;
  liftedBy: string | null;
  liftedAt: Date | null;
}

const toAssessment = (row: Selectable<RiskAssessmentsTable>): StoredAssessment => ({
  id: row.id,
  applicationId: row.application_id,
  questionnaireId: row.questionnaire_id,
  questionnaireVersion: row.questionnaire_version,
  answers: row.answers,
  result: row.result,
  tier: row.tier,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  signedBy: row.signed_by,
  signedAt: row.signed_at,
  reassessBy: row.reassess_by,
});

const toStaff = (row: Omit<Selectable<StaffTable>, 'hash'>): StaffMember => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  roles: row.roles,
  prefix: row.prefix,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

const toSandbox = (row: Selectable<SandboxesTable>): Sandbox => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  purpose: row.purpose,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  maxRequests: row.max_requests,
  maxTokens: row.max_tokens,
  usedRequests: row.used_requests,
  usedTokens: row.used_tokens,
  openedBy: row.opened_by,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  report: row.report,
  assurance: row.assurance,
});

const toApproval = (row: Selectable<ModelApprovalsTable>): ModelApproval => ({
  id: row.id,
  modelId: row.model_id,
  tier: row.tier,
  evaluationReports: row.evaluation_reports,
  note: row.note,
  approvedBy: row.approved_by,
  approvedAt: row.approved_at,
  revokedBy: row.revoked_by,
  revokedAt: row.revoked_at,
});

const toSuspension = (row: Selectable<SuspensionsTable>): Suspension => ({
  id: row.id,
  targetKind: row.target_kind,
  targetId: row.target_id,
  tenantId: row.tenant_id,
  reason: row.reason,
  automatic: row.automatic,
  suspendedBy: row.suspended_by,
  suspendedAt: row.suspended_at,
  liftedBy: row.lifted_by,
  liftedAt: row.lifted_at,
});

const STAFF_COLUMNS = [
  'id',
  'tenant_id',
  'name',
  'roles',
  'prefix',
  'created_at',
  'revoked_at',
] as const satisfies readonly (keyof StaffTable)[];

/** Everything about governing applications that lives in the database: one place for its SQL. */
export const createGovernanceStore = (db: Kysely<DatabaseSchema>) => ({
  async putUseCase(input: { applicationId: string; entry: object; demo?: boolean; updatedBy: string }) {
    const entry = JSON.stringify(input.entry);
    const row = await db
      .insertInto('use_cases')
      .values({
        application_id: input.applicationId,
        entry,
        demo: input.demo ?? false,
        updated_by: input.updatedBy,
      })
      .onConflict((oc) =>
        oc
          .column('application_id')
          .doUpdateSet({ entry, updated_by: input.updatedBy, updated_at: new Date() }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      applicationId: row.application_id,
      entry: row.entry,
      demo: row.demo,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    } satisfies StoredUseCase;
  },

  async findUseCase(applicationId: string): Promise<StoredUseCase | undefined> {
    const row = await db
      .selectFrom('use_cases')
      .selectAll()
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return (
      row && {
        applicationId: row.application_id,
        entry: row.entry,
        demo: row.demo,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }
    );
  },

  async addAssessment(input: Omit<StoredAssessment, 'id' | 'submittedAt' | 'signedBy' | 'signedAt'>) {
    const row = await db
      .insertInto('risk_assessments')
      .values({
        id: newId('ra'),
        application_id: input.applicationId,
        questionnaire_id: input.questionnaireId,
        questionnaire_version: input.questionnaireVersion,
        answers: JSON.stringify(input.answers),
        result: JSON.stringify(input.result),
        tier: input.tier,
        submitted_by: input.submittedBy,
        reassess_by: input.reassessBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAssessment(row);
  },

  /** The latest assessment submitted for the application: it supersedes every earlier one. */
  async currentAssessment(applicationId: string): Promise<StoredAssessment | undefined> {
    const row = await db
      .selectFrom('risk_assessments')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toAssessment(row);
  },

  async findAssessment(id: string): Promise<StoredAssessment | undefined> {
    const row = await db.selectFrom('risk_assessments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAssessment(row);
  },

  /** Signs an unsigned assessment; undefined when it was signed already (a second sign-off changes nothing). */
  async signAssessment(id: string, signedBy: string): Promise<StoredAssessment | undefined> {
    const row = await db
      .updateTable('risk_assessments')
      .set({ signed_by: signedBy, signed_at: new Date() })
      .where('id', '=', id)
      .where('signed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toAssessment(row);
  },

  async setStage(applicationId: string, stage: 'development' | 'production', by: string) {
    await db
      .updateTable('applications')
      .set({
        stage,
        promoted_at: stage === 'production' ? new Date() : null,
        promoted_by: stage === 'production' ? by : null,
      })
      .where('id', '=', applicationId)
      .execute();
  },

  async stageOf(applicationId: string): Promise<'development' | 'production' | undefined> {
    const row = await db
      .selectFrom('applications')
      .select('stage')
      .where('id', '=', applicationId)
      .executeTakeFirst();
    return row?.stage;
  },

  async createStaff(input: {
    tenantId: string;
    name: string;
    roles: string[];
    prefix: string;
    hash: string;
  }) {
    const row = await db
      .insertInto('staff')
      .values({
        id: newId('stf'),
        tenant_id: input.tenantId,
        name: input.name,
        roles: JSON.stringify(input.roles),
        prefix: input.prefix,
        hash: input.hash,
      })
      .returning(STAFF_COLUMNS)
      .executeTakeFirstOrThrow();
    return toStaff(row);
  },

  async findActiveStaffByHash(hash: string): Promise<StaffMember | undefined> {
    const row = await db
      .selectFrom('staff')
      .select(STAFF_COLUMNS)
      .where('hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toStaff(row);
  },

  async listStaff(tenantId: string): Promise<StaffMember[]> {
    const rows = await db
      .selectFrom('staff')
      .select(STAFF_COLUMNS)
      .where('tenant_id', '=', tenantId)
      .orderBy('name')
      .execute();
    return rows.map(toStaff);
  },

  async revokeStaff(id: string, tenantId: string | undefined): Promise<StaffMember | undefined> {
    const row = await db
      .updateTable('staff')
      .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
      .where('id', '=', id)
      .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
      .returning(STAFF_COLUMNS)
      .executeTakeFirst();
    return row && toStaff(row);
  },

  async createSandbox(
    input: Pick<
      Sandbox,
      | 'tenantId'
      | 'applicationId'
      | 'purpose'
      | 'startsAt'
      | 'endsAt'
      | 'maxRequests'
      | 'maxTokens'
      | 'openedBy'
    > & { assurance?: boolean },
  ): Promise<Sandbox> {
    const row = await db
      .insertInto('sandboxes')
      .values({
        id: newId('sbx'),
        tenant_id: input.tenantId,
        application_id: input.applicationId,
        purpose: input.purpose,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        max_requests: input.maxRequests,
        max_tokens: input.maxTokens,
        opened_by: input.openedBy,
        assurance: input.assurance ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSandbox(row);
  },

  async findSandbox(id: string): Promise<Sandbox | undefined> {
    const row = await db.selectFrom('sandboxes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSandbox(row);
  },

  async listSandboxes(filter: { tenantId?: string; applicationId?: string }): Promise<Sandbox[]> {
    const rows = await db
      .selectFrom('sandboxes')
      .selectAll()
      .$if(filter.tenantId !== undefined, (q) => q.where('tenant_id', '=', filter.tenantId!))
      .$if(filter.applicationId !== undefined, (q) => q.where('application_id', '=', filter.applicationId!))
      .orderBy('created_at')
      .execute();
    return rows.map(toSandbox);
  },

  /**
   * Counts one request against the sandbox's quota in one statement, so that replicas cannot overspend it
   * together; undefined when the request quota is spent (nothing counted).
   */
  async takeSandboxRequest(id: string): Promise<Sandbox | undefined> {
    const row = await db
      .updateTable('sandboxes')
      .set({ used_requests: sql<number>`used_requests + 1` })
      .where('id', '=', id)
      .where(sql<boolean>`used_requests < max_requests`)
      .where(sql<boolean>`used_tokens < max_tokens`)
      .returningAll()
      .executeTakeFirst();
    return row && toSandbox(row);
  },

  async addSandboxTokens(id: string, tokens: number): Promise<void> {
    await db
      .updateTable('sandboxes')
      .set({ used_tokens: sql<number>`used_tokens + ${tokens}` })
      .where('id', '=', id)
      .execute();
  },

  /** Closes an open sandbox with its report and revokes its keys; undefined when it was closed already. */
  async closeSandbox(id: string, by: string, report: object): Promise<Sandbox | undefined> {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('sandboxes')
        .set({ closed_at: new Date(), closed_by: by, report: JSON.stringify(report) })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      await trx
        .updateTable('api_keys')
        .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
        .where('sandbox_id', '=', id)
        .execute();
      return toSandbox(row);
    });
  },

  async approveModel(input: {
    modelId: string;
    tier: string;
    evaluationReports: object[];
    note: string | null;
    approvedBy: string;
  }): Promise<ModelApproval> {
    try {
      const row = await db
        .insertInto('model_approvals')
        .values({
          id: newId('apr'),
          model_id: input.modelId,
          tier: input.tier,
          evaluation_reports: JSON.stringify(input.evaluationReports),
          note: input.note,
          approved_by: input.approvedBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApproval(row);
    } catch (error) {
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
        throw errors.conflict(
          'model_already_approved',
          `the model "${input.modelId}" is already approved for the ${input.tier} tier; revoke that approval first to change it`,
          'tier',
        );
      }
      throw error;
    }
  },

  async revokeModelApproval(modelId: string, tier: string, by: string): Promise<ModelApproval | undefined> {
    const row = await db
      .updateTable('model_approvals')
      .set({ revoked_at: new Date(), revoked_by: by })
      .where('model_id', '=', modelId)
      .where('tier', '=', tier)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toApproval(row);
  },

  /** Standing approvals, or every approval ever given (history) when asked. */
  async listModelApprovals(options: { history?: boolean } = {}): Promise<ModelApproval[]> {
    const rows = await db
      .selectFrom('model_approvals')
      .selectAll()
      .$if(!options.history, (q) => q.where('revoked_at', 'is', null))
      .orderBy('model_id')
      .orderBy('tier')
      .orderBy('approved_at')
      .execute();
    return rows.map(toApproval);
  },

  async suspend(
    input: Pick<Suspension, 'targetKind' | 'targetId' | 'tenantId' | 'reason' | 'suspendedBy'> & {
      automatic?: boolean;
    },
  ): Promise<Suspension> {
    const row = await db
      .insertInto('suspensions')
      .values({
        id: newId('sus'),
        target_kind: input.targetKind,
        target_id: input.targetId,
        tenant_id: input.tenantId,
        reason: input.reason,
        automatic: input.automatic ?? false,
        suspended_by: input.suspendedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSuspension(row);
  },

  /** Lifts the standing suspensions of a target within a scope (a tenant's, or the platform's with null). */
  async lift(
    input: Pick<Suspension, 'targetKind' | 'targetId' | 'tenantId'> & { by: string },
  ): Promise<Suspension[]> {
    const rows = await db
      .updateTable('suspensions')
      .set({ lifted_at: new Date(), lifted_by: input.by })
      .where('target_kind', '=', input.targetKind)
      .where('target_id', '=', input.targetId)
      .where((eb) =>
        input.tenantId === null ? eb('tenant_id', 'is', null) : eb('tenant_id', '=', input.tenantId),
      )
      .where('lifted_at', 'is', null)
      .returningAll()
      .execute();
    return rows.map(toSuspension);
  },

  /** Every standing suspension: few, and read by each replica on its short refresh. */
  async activeSuspensions(): Promise<Suspension[]> {
    const rows = await db
      .selectFrom('suspensions')
      .selectAll()
      .where('lifted_at', 'is', null)
      .orderBy('suspended_at')
      .execute();
    return rows.map(toSuspension);
  },
});

export type GovernanceStore = ReturnType<typeof createGovernanceStore>;
