import type { StaffRole } from '../oversight/actors.js';
import type { TenantIdentityConfig } from './config-schema.js';

export type SignedIn = { kind: 'citizen' } | { kind: 'staff'; roles: StaffRole[] };

/** A claim's values: a list of strings, or one space- or comma-separated string (both are seen in the wild). */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Maps the configured claim's values onto staff roles. Someone given none signs in as a citizen where the tenant's
 * provider serves citizens, and is refused (null) where it serves only staff.
 */
export function rolesFromClaims(
  claims: Record<string, unknown>,
  config: TenantIdentityConfig['roles'],
): SignedIn | null {
  const roles = new Set<StaffRole>();
  for (const value of claimValues(claims[config.claim])) {
    for (const role of config.map[value] ?? []) roles.add(role);
  }
  if (roles.size > 0) return { kind: 'staff', roles: [...roles].sort() };
  return config.citizens ? { kind: 'citizen' } : null;
}
