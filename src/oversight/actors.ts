import { errors } from '../errors.js';

/**
 * The roles of a tenant's staff: the people who govern its applications, and its agents, who use an assistant for
 * the citizens they serve. A tenant's identity provider maps its claims onto them (src/identity/roles.ts).
 */
export const STAFF_ROLES = ['tenant_admin', 'dpo', 'reviewer', 'auditor', 'agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Every role a person can hold. A citizen signed in with the national digital identity is not staff: they chat with
 * their tenant's citizen-facing application and govern nothing. The platform admin is the admin token's, never a
 * tenant identity provider's to grant.
 */
export const ROLES = ['citizen', ...STAFF_ROLES, 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

export const isStaffRole = (value: string): value is StaffRole =>
  (STAFF_ROLES as readonly string[]).includes(value);

/**
 * Who takes a governance decision: the platform's operator (the admin token), a member of a tenant's staff, or
 * the gateway itself (the automatic breaker, SLA escalation).
 */
export type Actor =
  | { kind: 'platform_admin' }
  | { kind: 'staff'; id: string; tenantId: string; name: string; roles: readonly StaffRole[] }
  | { kind: 'gateway' };

/** How an actor is written in the audit log and on records: an id, never a name. */
export const actorLabel = (actor: Actor): string =>
  actor.kind === 'staff'
    ? `staff:${actor.id}`
    : actor.kind === 'platform_admin'
      ? 'platform-admin'
      : 'gateway';

/**
 * Refuses unless the actor may act on `tenantId` in one of `roles`. The platform admin may act on every tenant; a
 * staff member only on their own, and another tenant's records are reported as not found, so that their existence
 * does not leak.
 */
export function authorize(
  actor: Actor,
  roles: readonly StaffRole[],
  tenantId: string | null,
  notFound: () => Error,
): void {
  if (actor.kind === 'platform_admin' || actor.kind === 'gateway') return;
  if (tenantId === null || actor.tenantId !== tenantId) throw notFound();
  if (!actor.roles.some((role) => roles.includes(role))) {
    throw errors.forbidden(
      'role_required',
      `this needs one of the roles ${roles.join(', ')}; you have ${actor.roles.join(', ') || 'none'}`,
    );
  }
}

/** Actions only the platform's operator takes (approving models for every tenant). */
export function requirePlatformAdmin(actor: Actor, what: string): void {
  if (actor.kind !== 'platform_admin')
    throw errors.forbidden('platform_admin_required', `only the platform administrator can ${what}`);
}

/** The tenant whose records a staff member may see, or undefined for the platform admin (all tenants). */
export const tenantScope = (actor: Actor): string | undefined =>
  actor.kind === 'staff' ? actor.tenantId : undefined;
