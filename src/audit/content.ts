import { createHash, randomBytes } from 'node:crypto';
import { decrypt, encrypt } from '../privacy/vault-crypto.js';

/** What one flow exchanged: the messages as the user sent them and the answer as the user received it. */
export interface FlowContent {
  request: unknown;
  answer?: unknown;
}

export interface SealedContent {
  salt: Buffer;
  /** Salted SHA-256 of each part, hex: what the audit record holds instead of the content. */
  commitments: { request: string; answer?: string };
  /** The content encrypted under the tenant's key, when the retention policy keeps it; otherwise null. */
  ciphertext: string | null;
}

const SALT_BYTES = 16;

/**
 * Salted, so that a commitment to a short message (a card number, "yes") cannot be found by guessing: once the
 * salt is erased with the content, the record's commitment is bound to nothing anyone can recompute.
 */
export const commitTo = (salt: Uint8Array, part: unknown): string =>
  createHash('sha256')
    .update(salt)
    .update(JSON.stringify(part) ?? 'null', 'utf8')
    .digest('hex');

const contentAad = (tenantId: string, recordId: string) =>
  JSON.stringify(['mizan-audit-content-v1', tenantId, recordId]);

export function sealContent(
  tenantEncryptionKey: Uint8Array,
  tenantId: string,
  recordId: string,
  content: FlowContent,
  keep: boolean,
): SealedContent {
  const salt = randomBytes(SALT_BYTES);
  return {
    salt,
    commitments: {
      request: commitTo(salt, content.request),
      ...(content.answer === undefined ? {} : { answer: commitTo(salt, content.answer) }),
    },
    ciphertext: keep
      ? encrypt(tenantEncryptionKey, JSON.stringify(content), contentAad(tenantId, recordId))
      : null,
  };
}

/** The content `sealContent` kept; throws `vault_decrypt_failed` if it was altered or moved to another record. */
export const openContent = (
  tenantEncryptionKey: Uint8Array,
  tenantId: string,
  recordId: string,
  ciphertext: string,
): FlowContent =>
  JSON.parse(decrypt(tenantEncryptionKey, ciphertext, contentAad(tenantId, recordId))) as FlowContent;
