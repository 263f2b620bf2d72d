import { cached } from '../../oversight/governance.js';
import type { Objection, RightsScope, RightsStore } from '../../store/rights-store.js';

export interface ObjectionGate {
  /** Whether the person objected to this application's processing, or to every application of its tenant. */
  objected(tenantId: string, applicationId: string, dataSubject: string): Promise<boolean>;
  /** Forget what was read, after a local objection or lift: it then applies on this replica at once. */
  invalidate(): void;
}

const key = (tenantId: string, applicationId: string | null, dataSubject: string) =>
  `${tenantId}\u0000${applicationId ?? ''}\u0000${dataSubject}`;

/**
 * What the gateway asks on every request that names its user. Every standing objection (few: people rarely
 * object) is read once per `ttlMs` into a set, so a request costs a lookup, and an objection recorded on one
 * replica applies on the others within `ttlMs`.
 */
export function createObjectionGate(
  store: Pick<RightsStore, 'activeObjections'>,
  ttlMs: number,
  now: () => number = Date.now,
): ObjectionGate {
  const standing = cached(ttlMs, now, async () => {
    const keys = new Set<string>();
    for (const o of await store.activeObjections()) keys.add(key(o.tenantId, o.applicationId, o.dataSubject));
    return keys;
  });
  return {
    async objected(tenantId, applicationId, dataSubject) {
      const keys = await standing.get();
      return (
        keys.has(key(tenantId, null, dataSubject)) || keys.has(key(tenantId, applicationId, dataSubject))
      );
    },
    invalidate: () => standing.invalidate(),
  };
}

/** Records the objection a request makes (Law 09-08 art. 9); the standing one if the person objected already. */
export async function recordObjection(
  store: RightsStore,
  gate: ObjectionGate,
  scope: RightsScope,
  dataSubject: string,
  requestId: string,
): Promise<{ objection: Objection; created: boolean }> {
  const recorded = await store.addObjection({ ...scope, dataSubject, requestId });
  gate.invalidate();
  return recorded;
}
