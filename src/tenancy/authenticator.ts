import { errors } from '../errors.js';
import type { Principal } from '../pipeline/flow-context.js';
import type { TenancyStore } from '../store/tenancy-store.js';
import { hashApiKey, looksLikeApiKey } from './api-keys.js';

/** Bounds the cache so a flood of random keys cannot grow memory without limit. */
const MAX_CACHED_KEYS = 10_000;

export interface Authenticator {
  /** The principal behind a bearer token, or a 401. */
  authenticate(bearer: string | undefined): Promise<Principal>;
  /** Forget cached verdicts, e.g. after a revocation in this process. */
  invalidate(): void;
}

interface CacheEntry {
  principal: Principal | null;
  until: number;
}

/**
 * Verifies API keys against the store, caching verdicts for `ttlMs` so that the hot path does not query the
 * database on every request. A revocation made by another process or replica takes effect within `ttlMs`.
 */
export function createAuthenticator(options: {
  store: TenancyStore;
  secret: string;
  ttlMs: number;
  now?: () => number;
}): Authenticator {
  const now = options.now ?? Date.now;
  const cache = new Map<string, CacheEntry>();

  async function lookup(hash: string): Promise<Principal | null> {
    const cached = cache.get(hash);
    const t = now();
    if (cached && cached.until > t) return cached.principal;
    const found = await options.store.findActiveKeyByHash(hash, new Date(t));
    const principal = found
      ? {
          tenant: found.tenant,
          application: found.application,
          keyId: found.key.id,
          sandboxId: found.key.sandboxId,
        }
      : null;
    if (options.ttlMs > 0) {
      if (cache.size >= MAX_CACHED_KEYS) cache.clear();
      const expiresAt = found?.key.expiresAt?.getTime() ?? Infinity;
      cache.set(hash, { principal, until: Math.min(t + options.ttlMs, expiresAt) });
    }
    return principal;
  }

  return {
    async authenticate(bearer) {
      if (!bearer) {
        throw errors.unauthenticated(
          'missing_api_key',
          'no API key: send it as "Authorization: Bearer <key>" (an application key created with `mizan keys create`)',
        );
      }
      const principal = looksLikeApiKey(bearer) ? await lookup(hashApiKey(bearer, options.secret)) : null;
      if (!principal)
        throw errors.unauthenticated('invalid_api_key', 'the API key is invalid, revoked or expired');
      return principal;
    },
    invalidate: () => cache.clear(),
  };
}
