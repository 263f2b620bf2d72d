import type { ApiKeyRecord, TenancyStore } from '../store/tenancy-store.js';
import { generateApiKey, hashApiKey } from './api-keys.js';
import type { Authenticator } from './authenticator.js';

export interface CreatedKey {
  record: ApiKeyRecord;
  /** The only time the secret exists outside its owner's hands. */
  key: string;
}

/**
 * Administration of tenants, applications and keys, shared by the CLI and the admin API so that a key is
 * hashed, and a revocation invalidates cached verdicts, in one place.
 */
export function createTenancyService(store: TenancyStore, secret: string, authenticator?: Authenticator) {
  return {
    ...store,
    async createKey(input: {
      applicationId: string;
      expiresAt?: Date | null;
      sandboxId?: string | null;
    }): Promise<CreatedKey> {
      const { key, prefix } = generateApiKey();
      const record = await store.createApiKey({
        applicationId: input.applicationId,
        prefix,
        hash: hashApiKey(key, secret),
        expiresAt: input.expiresAt ?? null,
        sandboxId: input.sandboxId ?? null,
      });
      return { record, key };
    },
    async revokeKey(idOrPrefix: string): Promise<ApiKeyRecord | undefined> {
      const revoked = await store.revokeApiKey(idOrPrefix);
      authenticator?.invalidate();
      return revoked;
    },
    /** After keys were revoked in bulk (a sandbox closed): forget the cached verdicts. */
    invalidateKeys: () => authenticator?.invalidate(),
  };
}

export type TenancyService = ReturnType<typeof createTenancyService>;

/** What administering tenants takes, whether on the database directly or through a running server's admin API. */
export type TenancyAdmin = Pick<
  TenancyService,
  | 'createTenant'
  | 'listTenants'
  | 'findTenant'
  | 'createApplication'
  | 'listApplications'
  | 'createKey'
  | 'revokeKey'
  | 'listApiKeys'
>;
