import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { ActiveApiKey, ApiKeyRecord, TenancyStore } from '../store/tenancy-store.js';
import { generateApiKey, hashApiKey } from './api-keys.js';
import { createAuthenticator, type Authenticator } from './authenticator.js';

const SECRET = 'test-secret-test-secret-test-secret';
const TTL_MS = 5_000;

/** A store holding keys in memory that counts its lookups and honours revocation and expiry like the real one. */
function fakeStore() {
  const keys = new Map<string, ActiveApiKey>();
  const lookups: Array<{ hash: string; now: Date | undefined }> = [];
  const unused = () => Promise.reject(new Error('not used by the authenticator'));
  const store: TenancyStore = {
    createTenant: unused,
    listTenants: unused,
    findTenant: unused,
    createApplication: unused,
    listApplications: unused,
    findApplication: unused,
    setAuthorisedTransfers: unused,
    createApiKey: unused,
    listApiKeys: unused,
    revokeApiKey: unused,
    async findActiveKeyByHash(hash, now) {
      lookups.push({ hash, now });
      const found = keys.get(hash);
      const at = now ?? new Date();
      if (!found || found.key.revokedAt || (found.key.expiresAt && found.key.expiresAt <= at))
        return undefined;
      return found;
    },
  };
  return {
    store,
    lookups,
    add(expiresAt: Date | null = null): { key: string; record: ApiKeyRecord } {
      const { key, prefix } = generateApiKey();
      const record: ApiKeyRecord = {
        id: `key_${prefix}`,
        applicationId: 'app_1',
        prefix,
        createdAt: new Date(0),
        expiresAt,
        revokedAt: null,
        sandboxId: null,
      };
      keys.set(hashApiKey(key, SECRET), {
        key: record,
        application: {
          id: 'app_1',
          tenantId: 'ten_1',
          name: 'guichet',
          allowedModels: [],
          rateLimitRpm: null,
          privacyPolicy: null,
          authorisedTransfers: [],
          createdAt: new Date(0),
          stage: 'production',
        },
        tenant: { id: 'ten_1', name: 'ministere', createdAt: new Date(0) },
      });
      return { key, record };
    },
    revoke(record: ApiKeyRecord) {
      record.revokedAt = new Date();
    },
  };
}

const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error: { code?: string; status?: number }) => {
    assert.equal(error.code, code);
    assert.equal(error.status, 401);
    return true;
  });

describe('createAuthenticator with a 5 s cache and an injected clock', () => {
  let fake: ReturnType<typeof fakeStore>;
  let clock: number;
  let authenticator: Authenticator;

  beforeEach(() => {
    fake = fakeStore();
    clock = 1_000_000;
    authenticator = createAuthenticator({
      store: fake.store,
      secret: SECRET,
      ttlMs: TTL_MS,
      now: () => clock,
    });
  });

  it('returns the tenant, application and key id when the key is active', async () => {
    const { key, record } = fake.add();
    const principal = await authenticator.authenticate(key);
    assert.equal(principal.tenant.id, 'ten_1');
    assert.equal(principal.application.id, 'app_1');
    assert.equal(principal.keyId, record.id);
  });

  it('looks the key up by its HMAC, never by the key itself', async () => {
    const { key } = fake.add();
    await authenticator.authenticate(key);
    assert.equal(fake.lookups[0]?.hash, hashApiKey(key, SECRET));
    assert.notEqual(fake.lookups[0]?.hash, key);
  });

  it('answers from the cache without a store call when asked again within the TTL', async () => {
    const { key } = fake.add();
    await authenticator.authenticate(key);
    clock += TTL_MS - 1;
    await authenticator.authenticate(key);
    assert.equal(fake.lookups.length, 1);
  });

  it('asks the store again when the TTL has passed', async () => {
    const { key } = fake.add();
    await authenticator.authenticate(key);
    clock += TTL_MS + 1;
    await authenticator.authenticate(key);
    assert.equal(fake.lookups.length, 2);
    assert.equal(fake.lookups[1]?.now?.getTime(), clock, 'the store judges expiry at the injected time');
  });

  it('rejects a cached key once it has expired even though the TTL has not passed', async () => {
    const { key } = fake.add(new Date(clock + 1_000));
    await authenticator.authenticate(key);
    clock += 1_001;
    await rejectsWith(authenticator.authenticate(key), 'invalid_api_key');
  });

  it('keeps trusting a revoked key from the cache until invalidate() forces a re-check', async () => {
    const { key, record } = fake.add();
    await authenticator.authenticate(key);
    fake.revoke(record);
    await authenticator.authenticate(key);
    authenticator.invalidate();
    await rejectsWith(authenticator.authenticate(key), 'invalid_api_key');
    assert.equal(fake.lookups.length, 2);
  });

  it('rejects with missing_api_key without a store call when there is no bearer', async () => {
    await rejectsWith(authenticator.authenticate(undefined), 'missing_api_key');
    await rejectsWith(authenticator.authenticate(''), 'missing_api_key');
    assert.equal(fake.lookups.length, 0);
  });

  it('rejects with invalid_api_key without a store call when the bearer is not shaped like a key', async () => {
    const { key } = fake.add();
    for (const bearer of [
      'not-a-key',
      'mz_short',
      `${key}x`,
      key.slice(0, -1),
      `sk_${key.slice(3)}`,
      "' OR 1=1 --",
    ]) {
      await rejectsWith(authenticator.authenticate(bearer), 'invalid_api_key');
    }
    assert.equal(fake.lookups.length, 0);
  });

  it('rejects with invalid_api_key when a well-formed key is unknown', async () => {
    await rejectsWith(authenticator.authenticate(generateApiKey().key), 'invalid_api_key');
    assert.equal(fake.lookups.length, 1);
  });
});

describe('createAuthenticator with the cache off', () => {
  it('asks the store on every request when ttlMs is 0', async () => {
    const fake = fakeStore();
    const authenticator = createAuthenticator({ store: fake.store, secret: SECRET, ttlMs: 0 });
    const { key, record } = fake.add();
    await authenticator.authenticate(key);
    await authenticator.authenticate(key);
    assert.equal(fake.lookups.length, 2);
    fake.revoke(record);
    await rejectsWith(authenticator.authenticate(key), 'invalid_api_key');
  });
});
