import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../config/load.js';
import { MizanError } from '../errors.js';
import {
  decrypt,
  deriveTenantKey,
  deriveTenantKeys,
  encrypt,
  parseVaultMasterKey,
  resolveVaultMasterKey,
  VAULT_KEY_ENV,
  VAULT_KEY_FILE,
  vaultEntryAad,
} from './vault-crypto.js';

const master = randomBytes(32);
const keys = deriveTenantKeys(master, 'ten_a');
const aad = vaultEntryAad('ten_a', 'conv-1', '⟦MA_CIN_1⟧');
const decryptFails = (fn: () => unknown) =>
  assert.throws(fn, (error: unknown) => error instanceof MizanError && error.code === 'vault_decrypt_failed');

/** Flips one bit of the decoded ciphertext at `index` (negative: from the end). */
const flipByte = (encoded: string, index: number): string => {
  const bytes = Buffer.from(encoded, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString('base64');
};

describe('vault crypto', () => {
  it('decrypts what it encrypted, in Arabic and French', () => {
    for (const value of ['BK482913', 'فاطمة الزهراء العلوي', 'Amina « Mina » Alaoui\n', '']) {
      const encoded = encrypt(keys.encryption, value, aad);
      assert.equal(decrypt(keys.encryption, encoded, aad), value);
    }
  });

  it('uses a fresh IV each time', () => {
    assert.notEqual(encrypt(keys.encryption, 'BK482913', aad), encrypt(keys.encryption, 'BK482913', aad));
  });

  it('stores iv | tag | ciphertext in base64', () => {
    const encoded = encrypt(keys.encryption, 'BK482913', aad);
    assert.equal(Buffer.from(encoded, 'base64').length, 12 + 16 + Buffer.byteLength('BK482913'));
    assert.ok(!encoded.includes('BK482913'));
  });

  it('fails when the ciphertext, tag or IV is altered, or the value truncated', () => {
    const encoded = encrypt(keys.encryption, 'BK482913', aad);
    decryptFails(() => decrypt(keys.encryption, flipByte(encoded, -1), aad)); // ciphertext
    decryptFails(() => decrypt(keys.encryption, flipByte(encoded, 12), aad)); // tag
    decryptFails(() => decrypt(keys.encryption, flipByte(encoded, 0), aad)); // iv
    decryptFails(() =>
      decrypt(keys.encryption, Buffer.from(encoded, 'base64').subarray(0, 20).toString('base64'), aad),
    );
    decryptFails(() => decrypt(keys.encryption, '', aad));
  });

  it('fails when the ciphertext is moved to another conversation, token or tenant', () => {
    const encoded = encrypt(keys.encryption, 'BK482913', aad);
    decryptFails(() => decrypt(keys.encryption, encoded, vaultEntryAad('ten_a', 'conv-2', '⟦MA_CIN_1⟧')));
    decryptFails(() => decrypt(keys.encryption, encoded, vaultEntryAad('ten_a', 'conv-1', '⟦MA_CIN_2⟧')));
    decryptFails(() => decrypt(keys.encryption, encoded, vaultEntryAad('ten_b', 'conv-1', '⟦MA_CIN_1⟧')));
  });

  it("fails under another tenant's key or another master key", () => {
    const encoded = encrypt(keys.encryption, 'BK482913', aad);
    decryptFails(() => decrypt(deriveTenantKeys(master, 'ten_b').encryption, encoded, aad));
    decryptFails(() => decrypt(deriveTenantKeys(randomBytes(32), 'ten_a').encryption, encoded, aad));
  });

  it('derives a different key per tenant and per purpose, the same each time', () => {
    const all = [keys.encryption, keys.subject, keys.hash, deriveTenantKeys(master, 'ten_b').encryption];
    assert.equal(new Set(all.map((key) => key.toString('hex'))).size, all.length);
    assert.deepEqual(deriveTenantKey(master, 'ten_a', 'subject'), keys.subject);
    assert.throws(() => deriveTenantKey(randomBytes(16), 'ten_a', 'subject'), MizanError);
  });

  it('keeps AADs of different triples apart even when ids contain separators', () => {
    assert.notEqual(vaultEntryAad('a', 'b|c', 't'), vaultEntryAad('a|b', 'c', 't'));
  });
});

describe('vault master key', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mizan-vault-key-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('reads 32 bytes in base64, base64url or hex', () => {
    const key = randomBytes(32);
    for (const text of [
      key.toString('base64'),
      key.toString('base64url'),
      key.toString('hex'),
      ` ${key.toString('hex')}\n`,
    ]) {
      assert.deepEqual(parseVaultMasterKey(text, 'test'), key);
    }
  });

  it('refuses keys that are not 32 bytes, naming MIZAN_VAULT_KEY', () => {
    for (const text of [
      randomBytes(16).toString('base64'),
      'not a key!',
      'abc',
      randomBytes(33).toString('hex'),
    ]) {
      assert.throws(
        () => parseVaultMasterKey(text, VAULT_KEY_ENV),
        (error: unknown) => error instanceof ConfigError && error.message.includes(VAULT_KEY_ENV),
      );
    }
  });

  it('takes MIZAN_VAULT_KEY first, with either database', () => {
    const key = randomBytes(32);
    const env = { [VAULT_KEY_ENV]: key.toString('base64') };
    assert.deepEqual(resolveVaultMasterKey({ env, dataDir }), key);
    assert.deepEqual(resolveVaultMasterKey({ env, dataDir, databaseUrl: 'postgres://db/mizan' }), key);
  });

  it('refuses PostgreSQL without MIZAN_VAULT_KEY', () => {
    assert.throws(
      () => resolveVaultMasterKey({ env: {}, dataDir, databaseUrl: 'postgres://db/mizan' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message.includes(VAULT_KEY_ENV) &&
        /PostgreSQL/.test(error.message),
    );
  });

  it('creates <dataDir>/vault-key readable by its owner only, then reads it back', async () => {
    const first = resolveVaultMasterKey({ env: {}, dataDir });
    assert.equal(first.length, 32);
    const file = join(dataDir, VAULT_KEY_FILE);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(resolveVaultMasterKey({ env: { [VAULT_KEY_ENV]: '' }, dataDir }), first);
    assert.deepEqual(parseVaultMasterKey(await readFile(file, 'utf8'), file), first);
  });

  it('names the key file when it holds no valid key', async () => {
    const other = await mkdtemp(join(tmpdir(), 'mizan-vault-key-'));
    try {
      await writeFile(join(other, VAULT_KEY_FILE), 'short\n');
      assert.throws(() => resolveVaultMasterKey({ env: {}, dataDir: other }), new RegExp(VAULT_KEY_FILE));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
