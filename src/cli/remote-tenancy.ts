import { MizanError } from '../errors.js';
import type { ApiKeyRecord, Application, Tenant } from '../store/tenancy-store.js';
import type { TenancyAdmin } from '../tenancy/tenancy-service.js';
import type { LocalServer } from './local-server.js';

const DATE_FIELDS = ['createdAt', 'expiresAt', 'revokedAt'] as const;

/** JSON carries dates as strings; the CLI prints the same values either way. */
function revive<T>(value: Record<string, unknown>): T {
  const copy = { ...value };
  for (const field of DATE_FIELDS) if (typeof copy[field] === 'string') copy[field] = new Date(copy[field]);
  return copy as T;
}

/** The tenancy operations of the CLI, over a running server's admin API. */
export function createRemoteTenancy(server: LocalServer): TenancyAdmin {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const payload = (await response.json()) as T & { error?: { code: string; message: string; type: never } };
    if (payload.error) {
      throw new MizanError(payload.error.code, payload.error.message, {
        status: response.status,
        type: payload.error.type,
      });
    }
    return payload;
  }
  const list = async <T>(path: string) =>
    (await call<{ data: Record<string, unknown>[] }>('GET', path)).data.map((row) => revive<T>(row));
  const query = (params: Record<string, string | undefined>) => {
    const defined = Object.entries(params).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    return defined.length > 0 ? `?${new URLSearchParams(defined)}` : '';
  };

  return {
    createTenant: async (input) => revive<Tenant>(await call('POST', '/tenants', input)),
    listTenants: () => list<Tenant>('/tenants'),
    findTenant: async (idOrName) =>
      (await list<Tenant>('/tenants')).find((t) => t.id === idOrName || t.name === idOrName),
    createApplication: async (input) =>
      revive<Application>(
        await call('POST', '/applications', {
          tenant: input.tenantId,
          name: input.name,
          allowed_models: input.allowedModels ?? [],
          rate_limit_rpm: input.rateLimitRpm ?? null,
          privacy_policy: input.privacyPolicy ?? null,
          authorised_transfers: input.authorisedTransfers ?? [],
        }),
      ),
    listApplications: (filter = {}) =>
      list<Application>(`/applications${query({ tenant: filter.tenantId })}`),
    createKey: async (input) => {
      const { key, ...record } = await call<Record<string, unknown> & { key: string }>('POST', '/keys', {
        application: input.applicationId,
        ...(input.expiresAt ? { expires_at: input.expiresAt.toISOString() } : {}),
      });
      return { key, record: revive<ApiKeyRecord>(record) };
    },
    revokeKey: async (idOrPrefix) => {
      try {
        return revive<ApiKeyRecord>(await call('POST', `/keys/${encodeURIComponent(idOrPrefix)}/revoke`));
      } catch (error) {
        if (error instanceof MizanError && error.code === 'key_not_found') return undefined;
        throw error;
      }
    },
    listApiKeys: (filter = {}) =>
      list<ApiKeyRecord>(`/keys${query({ application: filter.applicationId, tenant: filter.tenantId })}`),
  };
}
