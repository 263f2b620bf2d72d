import type { AuditLog } from '../../audit/writer.js';
import { errors } from '../../errors.js';
import { actorLabel, authorize, type Actor, type StaffRole } from '../../oversight/actors.js';
import type { Principal } from '../../pipeline/flow-context.js';
import type { AuditKind } from '../../store/audit-store.js';
import type { RightsScope, RightsStore } from '../../store/rights-store.js';
import type { Application } from '../../store/tenancy-store.js';
import type { VaultStore } from '../../store/vault-store.js';
import type { Entity } from '../types.js';
import type { TenantKeys } from '../vault-crypto.js';
import { loginSubjectRef } from './login-subject.js';

/** What every right's module works with. */
export interface RightsContext {
  store: RightsStore;
  audit: AuditLog;
  vaults: VaultStore;
  keys: (tenantId: string) => TenantKeys;
  scan: (text: string) => Entity[];
  /** The application, once the actor may act on its tenant in one of `roles` (another tenant's is not found). */
  applicationFor(actor: Actor, applicationId: string, roles: readonly StaffRole[]): Promise<Application>;
  now: () => Date;
}

/**
 * Who exercises or handles a right: an application on behalf of its signed-in user, a citizen signed in at the
 * tenant (for themselves only, named by their pairwise pseudonym), or a person who governs.
 */
export type RightsCaller =
  | { kind: 'application'; principal: Principal }
  | { kind: 'citizen'; tenantId: string; subject: string }
  | Actor;

/** The citizen is written without their pseudonym: the record's data subject already says who they are. */
export const callerLabel = (caller: RightsCaller): string =>
  caller.kind === 'application'
    ? `application:${caller.principal.application.id}`
    : caller.kind === 'citizen'
      ? 'citizen'
      : actorLabel(caller);

/** Who handles rights requests (files them for a person, completes, refuses, lifts objections). */
export const HANDLER_ROLES: readonly StaffRole[] = ['dpo'];
/** Who may see the requests, and place or lift legal holds. */
export const OVERSEER_ROLES: readonly StaffRole[] = ['dpo', 'tenant_admin'];

type StaffActor = Extract<Actor, { kind: 'staff' }>;

/**
 * The caller as a member of a tenant's staff. Unlike other governance actions, the platform's operator has no say
 * here: it is a processor (Law 09-08 art. 23), and people's rights are answered by the controller's own DPO.
 */
export function asStaff(caller: RightsCaller): StaffActor {
  if (caller.kind === 'staff') return caller;
  throw errors.forbidden(
    'staff_required',
    'data-subject rights and legal holds are handled by the tenant’s own staff (its DPO), with a staff token',
  );
}

/** Refuses unless the caller is on `tenantId`'s staff with one of `roles`; another tenant's records are not found. */
export function requireStaff(
  caller: RightsCaller,
  roles: readonly StaffRole[],
  tenantId: string,
  notFound: () => Error,
): StaffActor {
  const staff = asStaff(caller);
  authorize(staff, roles, tenantId, notFound);
  return staff;
}

/** Appends a rights or retention event: ids, codes and counts, never a personal value in clear. */
export const recordRightsEvent = (
  ctx: RightsContext,
  event: {
    kind: Extract<AuditKind, 'rights' | 'retention'>;
    scope: RightsScope;
    action: string;
    caller: RightsCaller;
    subject: string | null;
    dataSubject: string | null;
    detail: Record<string, unknown>;
  },
) =>
  ctx.audit.append({
    kind: event.kind,
    tenantId: event.scope.tenantId,
    applicationId: event.scope.applicationId,
    action: event.action,
    actor: callerLabel(event.caller),
    subject: event.subject,
    dataSubject: event.dataSubject,
    detail: event.detail,
  });

/** How the tenant's storage names the person whose login subject is `user` (400 `invalid_user` if it is not one). */
export const identify = (ctx: RightsContext, tenantId: string, user: string): string =>
  loginSubjectRef(ctx.keys(tenantId).subject, user, ctx.scan);

/**
 * The scope a staff member acts on: the application they name (in their tenant), or their whole tenant; refused
 * unless they hold one of `roles` there.
 */
export async function staffScope(
  ctx: RightsContext,
  caller: RightsCaller,
  roles: readonly StaffRole[],
  applicationId: string | undefined,
): Promise<RightsScope> {
  const staff = asStaff(caller);
  if (applicationId !== undefined) {
    const application = await ctx.applicationFor(staff, applicationId, roles);
    return { tenantId: application.tenantId, applicationId: application.id };
  }
  requireStaff(staff, roles, staff.tenantId, () => errors.notFound('tenant_not_found', 'no such tenant'));
  return { tenantId: staff.tenantId, applicationId: null };
}
