import type { AuditLog } from '../../audit/writer.js';
import type { MizanConfig } from '../../config/schema.js';
import { errors } from '../../errors.js';
import type { Logger } from '../../observability/logger.js';
import type { GovernanceContext } from '../../oversight/governance.js';
import { createNotifier } from '../../oversight/notifier.js';
import type { Database } from '../../store/database.js';
import { newId } from '../../store/ids.js';
import {
  createRightsStore,
  type Objection,
  type RightsScope,
  type SubjectRequest,
  type SubjectRequestKind,
  type SubjectRequestStatus,
} from '../../store/rights-store.js';
import type { VaultStore } from '../../store/vault-store.js';
import { createRetentionJob } from '../retention.js';
import type { Entity } from '../types.js';
import type { TenantKeys } from '../vault-crypto.js';
import { buildAccessExport, exportCounts, type SubjectExport } from './access.js';
import {
  callerLabel,
  HANDLER_ROLES,
  identify,
  OVERSEER_ROLES,
  recordRightsEvent,
  requireStaff,
  staffScope,
  type RightsCaller,
  type RightsContext,
} from './context.js';
import { alertHorizon, dueDate } from './deadlines.js';
import { eraseSubjectData } from './erasure.js';
import { createLegalHolds } from './legal-holds.js';
import { createObjectionGate, recordObjection } from './opposition.js';
import { applyCorrections, openCorrections, sealCorrections, type Correction } from './rectification.js';

export interface SubjectRightsOptions {
  config: MizanConfig;
  database: Database;
  /** The platform's verifiable log: every request, decision and retention pass is recorded there. */
  audit: AuditLog;
  vaults: VaultStore;
  keys: (tenantId: string) => TenantKeys;
  governance: Pick<GovernanceContext, 'applicationFor'>;
  logger: Logger;
  scan: (text: string) => Entity[];
  now?: () => Date;
}

export interface NewSubjectRequest {
  /** The login subject of the person (OpenAI's `user`, the OpenID `sub`); a signed-in citizen names no one. */
  user?: string;
  kind: SubjectRequestKind;
  /** A rectification's corrections. */
  corrections?: Correction[];
  /** From an application: its own processing (the default) or every application of its tenant. */
  scope?: 'application' | 'tenant';
  /** From staff: the application concerned; absent, every application of their tenant. */
  application?: string;
}

export interface SubmittedRequest {
  request: SubjectRequest;
  /** An access request's export, given once, inline. */
  export?: SubjectExport;
}

/** A request, with a rectification's corrections opened for the people who handle it. */
export interface RequestView {
  request: SubjectRequest;
  corrections?: Correction[];
}

const requestNotFound = (id: string) =>
  errors.notFound('subject_request_not_found', `no data-subject request "${id}"`, 'id');
const objectionNotFound = (id: string) =>
  errors.notFound('objection_not_found', `no objection "${id}"`, 'id');
const GATEWAY = { kind: 'gateway' } as const;

/**
 * Data-subject rights (Law 09-08 art. 7-9, LAW.md R10) and retention (R7), wired: people's requests with their
 * legal deadline, answered at once where the gateway can (access, opposition, erasure, the rectifications it can
 * apply) and otherwise left to the DPO, alerted before they are due; objections the gateway enforces on every
 * request; legal holds; and the retention job.
 */
export function createSubjectRights(options: SubjectRightsOptions) {
  const { config, logger } = options;
  const store = createRightsStore(options.database.db);
  const ctx: RightsContext = {
    store,
    audit: options.audit,
    vaults: options.vaults,
    keys: options.keys,
    scan: options.scan,
    applicationFor: (actor, applicationId, roles) =>
      options.governance.applicationFor(actor, applicationId, roles),
    now: options.now ?? (() => new Date()),
  };
  const gate = createObjectionGate(store, config.oversight.cache_ttl_ms);
  const notifier = createNotifier({ logger, webhookUrl: config.oversight.notify_webhook });
  const retention = createRetentionJob({
    store,
    vaults: options.vaults,
    audit: options.audit,
    logger,
    intervalMs: config.retention.sweep_interval_ms,
  });

  async function scopeOf(caller: RightsCaller, input: NewSubjectRequest): Promise<RightsScope> {
    // A citizen's pseudonym is the tenant's: their request covers every application of it.
    if (caller.kind === 'citizen') return { tenantId: caller.tenantId, applicationId: null };
    if (caller.kind !== 'application') return staffScope(ctx, caller, HANDLER_ROLES, input.application);
    const { tenant, application } = caller.principal;
    return { tenantId: tenant.id, applicationId: input.scope === 'tenant' ? null : application.id };
  }

  const recordRequest = (request: SubjectRequest, action: string, caller: RightsCaller) =>
    recordRightsEvent(ctx, {
      kind: 'rights',
      scope: request,
      action,
      caller,
      subject: request.id,
      dataSubject: request.dataSubject,
      detail: {
        kind: request.kind,
        status: request.status,
        due_at: request.dueAt.toISOString(),
        ...(request.outcome ? { outcome: request.outcome } : {}),
      },
    });

  /** Closes an open request and records it; 409 when it was closed meanwhile. */
  async function close(
    request: SubjectRequest,
    by: RightsCaller,
    status: Exclude<SubjectRequestStatus, 'received'>,
    change: { outcome?: Record<string, unknown>; reason?: string | null },
  ): Promise<SubjectRequest> {
    const closed = await store.closeRequest(request.id, {
      status,
      handledBy: callerLabel(by),
      at: ctx.now(),
      ...change,
    });
    if (!closed) {
      throw errors.conflict(
        'subject_request_closed',
        `the request "${request.id}" is ${request.status} already`,
      );
    }
    await recordRequest(closed, `subject_request.${status}`, by);
    return closed;
  }

  /** Does what the gateway can do for a request at once; what it cannot is left open for the DPO. */
  async function answer(
    request: SubjectRequest,
    corrections: Correction[] | undefined,
  ): Promise<SubmittedRequest> {
    const scope: RightsScope = request;
    switch (request.kind) {
      case 'access': {
        const exported = await buildAccessExport(ctx, scope, request.dataSubject);
        return {
          request: await close(request, GATEWAY, 'completed', { outcome: exportCounts(exported) }),
          export: exported,
        };
      }
      case 'opposition': {
        const { objection, created } = await recordObjection(
          store,
          gate,
          scope,
          request.dataSubject,
          request.id,
        );
        return {
          request: await close(request, GATEWAY, 'completed', {
            outcome: { objection_id: objection.id, already_objected: !created },
          }),
        };
      }
      case 'erasure': {
        const result = await eraseSubjectData(ctx, scope, request.dataSubject);
        if ('held' in result) {
          return {
            request: await close(request, GATEWAY, 'refused', {
              outcome: { legal_holds: result.held.map((h) => h.id) },
              reason: 'legal_hold',
            }),
          };
        }
        const { contents, vaultEntries, reviewCases } = result.erased;
        return {
          request: await close(request, GATEWAY, 'completed', {
            outcome: { contents, vault_entries: vaultEntries, review_cases: reviewCases },
          }),
        };
      }
      case 'rectification': {
        const result = await applyCorrections(ctx, scope, request.dataSubject, corrections ?? []);
        const outcome = {
          corrections: (corrections ?? []).length,
          applied: result.applied,
          unmatched: result.unmatched,
          vault_entries: result.vaultEntries,
        };
        if (result.unmatched.length === 0) {
          return { request: await close(request, GATEWAY, 'completed', { outcome }) };
        }
        // Some values changed already: recorded now, while the rest waits for the DPO.
        const updated = (await store.noteOutcome(request.id, outcome)) ?? request;
        await recordRequest(updated, 'subject_request.updated', GATEWAY);
        return { request: updated };
      }
    }
  }

  /**
   * The request, once the caller may see it: its tenant's DPO or admin, the application it concerns, or the citizen
   * it is about. Anyone else's is not found.
   */
  async function visible(caller: RightsCaller, id: string): Promise<SubjectRequest> {
    const found = await store.findRequest(id);
    if (!found) throw requestNotFound(id);
    if (caller.kind === 'citizen') {
      const own =
        found.tenantId === caller.tenantId &&
        found.dataSubject === identify(ctx, caller.tenantId, caller.subject);
      if (!own) throw requestNotFound(id);
      return found;
    }
    if (caller.kind === 'application') {
      const { tenant, application } = caller.principal;
      const own =
        found.tenantId === tenant.id &&
        (found.applicationId === application.id || found.requestedBy === callerLabel(caller));
      if (!own) throw requestNotFound(id);
      return found;
    }
    requireStaff(caller, OVERSEER_ROLES, found.tenantId, () => requestNotFound(id));
    return found;
  }

  async function decide(
    caller: RightsCaller,
    id: string,
    status: 'completed' | 'refused',
    reason: string | null,
  ): Promise<SubjectRequest> {
    const found = await store.findRequest(id);
    if (!found) throw requestNotFound(id);
    requireStaff(caller, HANDLER_ROLES, found.tenantId, () => requestNotFound(id));
    return close(found, caller, status, { reason, outcome: { ...found.outcome, decided_by_hand: true } });
  }

  /** Tells the people on duty about open requests nearing their deadline, once each; returns how many. */
  async function alertDue(now: Date = ctx.now()): Promise<number> {
    const due = await store.claimAlerts(alertHorizon(now, config.rights.alert_before_days), now);
    for (const request of due) {
      await notifier.notify({
        type: 'rights.request_due',
        request_id: request.id,
        tenant_id: request.tenantId,
        application_id: request.applicationId,
        kind: request.kind,
        due_at: request.dueAt.toISOString(),
      });
    }
    return due.length;
  }

  let alerts: NodeJS.Timeout | undefined;

  return {
    /** What the gateway's identify-subject stage asks on each request that names its user. */
    subjects: {
      identify: (tenantId: string, user: string) => identify(ctx, tenantId, user),
      objected: gate.objected,
    },

    requests: {
      /** Files a request and answers it at once where the gateway can; 201 material. */
      async submit(caller: RightsCaller, input: NewSubjectRequest): Promise<SubmittedRequest> {
        const scope = await scopeOf(caller, input);
        // A citizen files for themselves, whoever the input names; no one else may leave `user` out.
        const user = caller.kind === 'citizen' ? caller.subject : (input.user ?? '');
        const dataSubject = identify(ctx, scope.tenantId, user);
        if ((input.kind === 'rectification') !== (input.corrections !== undefined)) {
          throw errors.invalidRequest(
            input.kind === 'rectification' ? 'corrections_required' : 'unexpected_corrections',
            input.kind === 'rectification'
              ? 'a rectification needs its corrections: [{ type, from, to }]'
              : 'corrections belong to a rectification request only',
            'corrections',
          );
        }
        const id = newId('sr');
        const receivedAt = ctx.now();
        const request = await store.createRequest({
          id,
          ...scope,
          dataSubject,
          kind: input.kind,
          receivedAt,
          dueAt: dueDate(receivedAt, config.rights.deadline_days),
          requestedBy: callerLabel(caller),
          correctionsCiphertext:
            input.corrections && sealCorrections(ctx, scope.tenantId, id, input.corrections),
        });
        await recordRequest(request, 'subject_request.received', caller);
        return answer(request, input.corrections);
      },

      /** The tenant's requests, to its DPO or admin; a citizen's own, to them. */
      async list(
        caller: RightsCaller,
        filter: { status?: SubjectRequestStatus; kind?: SubjectRequestKind } = {},
      ): Promise<SubjectRequest[]> {
        if (caller.kind === 'citizen') {
          const { tenantId, subject } = caller;
          return store.listRequests({ tenantId, dataSubject: identify(ctx, tenantId, subject), ...filter });
        }
        const { tenantId } = await staffScope(ctx, caller, OVERSEER_ROLES, undefined);
        return store.listRequests({ tenantId, ...filter });
      },

      async get(caller: RightsCaller, id: string): Promise<RequestView> {
        const request = await visible(caller, id);
        return request.correctionsCiphertext === null
          ? { request }
          : {
              request,
              corrections: openCorrections(ctx, request.tenantId, id, request.correctionsCiphertext),
            };
      },

      /** The DPO answered a request the gateway could not (a rectification made by hand). */
      complete: (caller: RightsCaller, id: string, note?: string) =>
        decide(caller, id, 'completed', note ?? null),
      /** The DPO refuses a request, saying why (Law 09-08 art. 8 and 9 allow refusing unfounded requests). */
      refuse: (caller: RightsCaller, id: string, reason: string) => decide(caller, id, 'refused', reason),
    },

    objections: {
      async list(caller: RightsCaller, filter: { active?: boolean } = {}): Promise<Objection[]> {
        const { tenantId } = await staffScope(ctx, caller, OVERSEER_ROLES, undefined);
        return store.listObjections({ tenantId, ...filter });
      },

      /** The DPO lifts an objection (the person withdrew it); it stops applying within the cache time. */
      async lift(caller: RightsCaller, id: string): Promise<Objection> {
        const found = await store.findObjection(id);
        if (!found) throw objectionNotFound(id);
        requireStaff(caller, HANDLER_ROLES, found.tenantId, () => objectionNotFound(id));
        const lifted = await store.liftObjection(id, callerLabel(caller), ctx.now());
        if (!lifted) throw errors.conflict('objection_lifted', `the objection "${id}" is lifted already`);
        gate.invalidate();
        await recordRightsEvent(ctx, {
          kind: 'rights',
          scope: lifted,
          action: 'objection.lifted',
          caller,
          subject: id,
          dataSubject: lifted.dataSubject,
          detail: {},
        });
        return lifted;
      },
    },

    holds: createLegalHolds(ctx),
    retention,
    alertDue,

    /** Starts the deadline alerts and the retention job; their timers never keep the process alive. */
    start() {
      alerts = setInterval(() => {
        alertDue().catch((error: unknown) => logger.error({ err: error }, 'rights deadline sweep failed'));
      }, config.oversight.escalation_check_ms);
      alerts.unref();
      retention.start();
    },
    async stop() {
      clearInterval(alerts);
      await retention.stop();
    },
  };
}

export type SubjectRights = ReturnType<typeof createSubjectRights>;
