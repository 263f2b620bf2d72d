import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { ConfigError } from '../config/load.js';
import { errors } from '../errors.js';
import { readOrCreateSecretFile } from '../tenancy/server-secret.js';

/** The environment variable that gives the vault master key (32 bytes, base64 or hex). */
export const VAULT_KEY_ENV = 'MIZAN_VAULT_KEY';
/** With the embedded database and no `MIZAN_VAULT_KEY`, the master key is generated into `<dataDir>/vault-key`. */
export const VAULT_KEY_FILE = 'vault-key';

/** AES-256 and HMAC-SHA256 keys are 32 bytes. */
export const KEY_BYTES = 32;
/** AES-GCM's recommended nonce: 96 bits, random per encryption (NIST SP 800-38D §8.2.2). */
const IV_BYTES = 12;
/** The full 128-bit GCM tag; shorter tags are never accepted. */
const TAG_BYTES = 16;
const CIPHER = 'aes-256-gcm';

/** HKDF-SHA256 (RFC 5869) salt: a fixed label, since the master key is already uniformly random. */
const HKDF_SALT = 'mizan-vault-v1';

/**
 * The keys one tenant gets from the master key, each for one purpose (HKDF `info` = purpose + tenant id), so
 * that a leak of one reveals neither the master key, another purpose's key, nor another tenant's keys.
 */
export interface TenantKeys {
  /** AES-256-GCM key for vault values. */
  readonly encryption: Buffer;
  /** HMAC key for `subject_hash`, which finds a data subject's entries without decrypting them. */
  readonly subject: Buffer;
  /** HMAC key for the `hash` operator's output, kept apart so published hashes cannot be matched to the store. */
  readonly hash: Buffer;
}

export type KeyPurpose = keyof TenantKeys;

/** One purpose's key for one tenant. */
export const deriveTenantKey = (masterKey: Uint8Array, tenantId: string, purpose: KeyPurpose): Buffer => {
  if (masterKey.length !== KEY_BYTES) {
    throw errors.internal('vault_key_invalid', `the vault master key must be ${KEY_BYTES} bytes`);
  }
  if (tenantId === '') throw errors.internal('vault_key_invalid', 'a tenant key needs a tenant id');
  // The purpose is one of three fixed words without ':', so `purpose:tenantId` is unambiguous.
  return Buffer.from(
    hkdfSync('sha256', masterKey, HKDF_SALT, `mizan:vault:${purpose}:${tenantId}`, KEY_BYTES),
  );
};

export const deriveTenantKeys = (masterKey: Uint8Array, tenantId: string): TenantKeys => ({
  encryption: deriveTenantKey(masterKey, tenantId, 'encryption'),
  subject: deriveTenantKey(masterKey, tenantId, 'subject'),
  hash: deriveTenantKey(masterKey, tenantId, 'hash'),
});

/** HMAC-SHA256 of a (canonical) value, in hex. */
export const hmacHex = (key: Uint8Array, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('hex');

/**
 * The additional authenticated data of a vault value: tenant, conversation and token, JSON-encoded so no two
 * triples encode alike. A ciphertext moved to another row, conversation or tenant no longer decrypts.
 */
export const vaultEntryAad = (tenantId: string, conversationId: string, token: string): string =>
  JSON.stringify(['mizan-vault-v1', tenantId, conversationId, token]);

/** AES-256-GCM with a random 96-bit IV; returns base64 of iv | tag | ciphertext. */
export const encrypt = (key: Uint8Array, plaintext: string, aad: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
};

/**
 * The plaintext of `encrypt`'s output under the same key and AAD. Anything else (another key, another AAD, a
 * changed byte, a truncated value) throws `vault_decrypt_failed` and never returns partial plaintext.
 */
export const decrypt = (key: Uint8Array, encoded: string, aad: string): string => {
  const failed = (cause?: unknown) =>
    errors.internal(
      'vault_decrypt_failed',
      'a vault value could not be decrypted: wrong master key, or the stored value was altered or moved',
      cause,
    );
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw failed();
  try {
    const decipher = createDecipheriv(CIPHER, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plaintext = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return plaintext.toString('utf8');
  } catch (error) {
    throw failed(error);
  }
};

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** A 32-byte master key written in hex (64 digits) or base64 / base64url; `source` names where it came from. */
export const parseVaultMasterKey = (text: string, source: string): Buffer => {
  const trimmed = text.trim();
  const key = HEX_KEY.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : BASE64_KEY.test(trimmed)
      ? // Node's base64 decoder also reads the URL-safe alphabet.
        Buffer.from(trimmed, 'base64')
      : undefined;
  if (key === undefined || key.length !== KEY_BYTES) {
    throw new ConfigError([
      {
        key: VAULT_KEY_ENV,
        source,
        message: `must be ${KEY_BYTES} random bytes written in base64 or hex (e.g. \`openssl rand -base64 32\`)`,
      },
    ]);
  }
  return key;
};

export interface VaultKeyOptions {
  env: Record<string, string | undefined>;
  dataDir: string;
  /** Set when the store is PostgreSQL: every replica must then share the key, so it cannot be generated. */
  databaseUrl?: string | undefined;
}

/**
 * The vault master key: `MIZAN_VAULT_KEY` when set; else, on the embedded database, `<dataDir>/vault-key`
 * (created on first use, readable by its owner only); with PostgreSQL and no `MIZAN_VAULT_KEY`, a ConfigError.
 * A key kept beside the database protects copies and backups of the database, not a stolen data directory.
 */
export const resolveVaultMasterKey = ({ env, dataDir, databaseUrl }: VaultKeyOptions): Buffer => {
  const fromEnv = env[VAULT_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return parseVaultMasterKey(fromEnv, VAULT_KEY_ENV);
  if (databaseUrl) {
    throw new ConfigError([
      {
        key: VAULT_KEY_ENV,
        source: 'environment',
        message:
          'required with a PostgreSQL database, so that every replica decrypts the conversation vault alike: ' +
          `set ${VAULT_KEY_ENV} to 32 random bytes in base64 or hex (e.g. \`openssl rand -base64 32\`)`,
      },
    ]);
  }
  return parseVaultMasterKey(readOrCreateSecretFile(dataDir, VAULT_KEY_FILE), `${dataDir}/${VAULT_KEY_FILE}`);
};
