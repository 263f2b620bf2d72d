import { timingSafeEqual } from 'node:crypto';
import { errors } from '../errors.js';
import type { GovernanceStore } from '../store/governance-store.js';
import type { AuditLog } from '../audit/writer.js';
import { generateApiKey, hashApiKey, looksLikeApiKey, STAFF_TOKEN_PREFIX } from '../tenancy/api-keys.js';
import { actorLabel, authorize, isStaffRole, STAFF_ROLES, type Actor, type StaffRole } from './actors.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How the staff service reads a sign-in session (src/identity), without depending on it. */
export interface StaffSessions {
  isSession(token: string): boolean;
  actor(token: string): Promise<Actor>;
}

/**
 * The people who govern a tenant: each gets a staff token with roles. The platform admin (the admin token) and a
 * tenant's admins create them; issue 10's single sign-on maps an identity provider's claims onto the same roles.
 */
export function createStaffService(options: {
  store: GovernanceStore;
  audit: AuditLog;
  secret: string;
  adminToken: string | undefined;
  /** Sign-in sessions (src/identity): staff signed in with their administration's provider act with its roles. */
  sessions?: StaffSessions;
}) {
  const { store, secret, sessions } = options;
  return {
    /**
     * The actor behind a bearer token: the admin token, a staff token, or a staff member's sign-in session (a
     * session cookie arrives here as its token); 401 otherwise, 403 for a citizen's session.
     */
    async authenticate(bearer: string | undefined): Promise<Actor> {
      if (bearer && options.adminToken && sameSecret(bearer, options.adminToken))
        return { kind: 'platform_admin' };
      if (bearer && sessions?.isSession(bearer)) return sessions.actor(bearer);
      if (bearer && looksLikeApiKey(bearer, STAFF_TOKEN_PREFIX)) {
        const member = await store.findActiveStaffByHash(hashApiKey(bearer, secret));
        if (member) {
          return {
            kind: 'staff',
            id: member.id,
            tenantId: member.tenantId,
            name: member.name,
            roles: member.roles.filter(isStaffRole),
          };
        }
      }
      throw errors.unauthenticated(
        'invalid_staff_token',
        'this needs a staff token (created with `mizan staff create`) or the admin token, as a Bearer token, or a staff member signed in at /auth/<tenant>/login',
      );
    },

    async create(actor: Actor, input: { tenantId: string; name: string; roles: string[] }) {
      authorize(actor, ['tenant_admin'], input.tenantId, () =>
        errors.notFound('tenant_not_found', `no tenant "${input.tenantId}"`, 'tenant'),
      );
      const unknown = input.roles.filter((role) => !isStaffRole(role));
      if (input.roles.length === 0 || unknown.length > 0) {
        throw errors.invalidRequest(
          'invalid_roles',
          `roles must be some of ${STAFF_ROLES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
          'roles',
        );
      }
      const { key, prefix } = generateApiKey(STAFF_TOKEN_PREFIX);
      const member = await store.createStaff({ ...input, prefix, hash: hashApiKey(key, secret) });
      await options.audit.append({
        kind: 'governance',
        tenantId: input.tenantId,
        applicationId: null,
        action: 'staff.created',
        actor: actorLabel(actor),
        subject: member.id,
        detail: { roles: input.roles as StaffRole[] },
      });
      return { member, token: key };
    },

    async list(actor: Actor, tenantId: string) {
      authorize(actor, ['tenant_admin', 'dpo', 'auditor'], tenantId, () =>
        errors.notFound('tenant_not_found', `no tenant "${tenantId}"`, 'tenant'),
      );
      return store.listStaff(tenantId);
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
