import type { Insertable, Kysely } from 'kysely';
import { errors } from '../errors.js';
import { ENTITY_TYPES, isEntityType, type EntityType } from '../privacy/types.js';
import { canonicalValue, ConversationVault, type VaultEntry } from '../privacy/vault.js';
import {
  decrypt,
  deriveTenantKeys,
  encrypt,
  hmacHex,
  KEY_BYTES,
  vaultEntryAad,
} from '../privacy/vault-crypto.js';
import type { DatabaseSchema, VaultEntriesTable } from './schema.js';

/**
 * Conversation vaults at rest: one row per pseudonym, its value encrypted under the tenant's key with the
 * (tenant, conversation, token) as AAD, so nothing can be read across tenants or moved across conversations.
 */
export interface VaultStore {
  /** The conversation's unexpired entries at `now`, decrypted; an empty vault for a new conversation. */
  load(tenantId: string, conversationId: string, now?: Date): Promise<ConversationVault>;
  /**
   * Writes the entries this store has not written or loaded for this vault yet, expiring at `expiresAt`.
   * Idempotent: an entry already stored is kept as it is (with its first expiry), except that a row whose expiry
   * has passed by `now` (not yet purged) is replaced.
   */
  save(
    tenantId: string,
    conversationId: string,
    vault: ConversationVault,
    expiresAt: Date,
    now?: Date,
  ): Promise<void>;
  /**
   * Deletes every entry of this tenant, in every conversation, whose value is `value` (compared canonically, as
   * the vault does), of type `type` or of any type. Returns how many were deleted.
   */
  eraseSubject(tenantId: string, value: string, type?: EntityType): Promise<number>;
  /** Deletes every entry, of every tenant, expired at `now`; returns how many. */
  purgeExpired(now?: Date): Promise<number>;
}

/** Rows per INSERT: 6 parameters each, well under PostgreSQL's 65,535 bind parameters. */
const INSERT_BATCH = 1_000;

const requireId = (name: string, value: string): void => {
  if (typeof value !== 'string' || value === '')
    throw errors.internal('vault_scope_invalid', `${name} is empty`);
};

export const createVaultStore = (db: Kysely<DatabaseSchema>, masterKey: Uint8Array): VaultStore => {
  // Checked at creation rather than on the first request.
  if (masterKey.length !== KEY_BYTES) {
    throw errors.internal('vault_key_invalid', `the vault master key must be ${KEY_BYTES} bytes`);
  }
  /** Tokens each vault object already has in the store (loaded or saved), so a save writes only new ones. */
  const stored = new WeakMap<ConversationVault, Set<string>>();

  return {
    async load(tenantId, conversationId, now = new Date()) {
      requireId('tenantId', tenantId);
      requireId('conversationId', conversationId);
      const rows = await db
        .selectFrom('vault_entries')
        .select(['token', 'entity_type', 'value_ciphertext'])
        .where('tenant_id', '=', tenantId)
        .where('conversation_id', '=', conversationId)
        .where('expires_at', '>', now)
        .orderBy('created_at')
        .orderBy('token')
        .execute();
      const { encryption } = deriveTenantKeys(masterKey, tenantId);
      const entries = rows.map((row): VaultEntry => {
        if (!isEntityType(row.entity_type)) {
          throw errors.internal(
            'vault_entry_invalid',
            `vault entry ${row.token} has unknown type ${row.entity_type}`,
          );
        }
        const aad = vaultEntryAad(tenantId, conversationId, row.token);
        return {
          token: row.token,
          type: row.entity_type,
          value: decrypt(encryption, row.value_ciphertext, aad),
        };
      });
      const vault = new ConversationVault(entries, { tenantId, conversationId });
      stored.set(vault, new Set(entries.map((entry) => entry.token)));
      return vault;
    },

    async save(tenantId, conversationId, vault, expiresAt, now = new Date()) {
      requireId('tenantId', tenantId);
      requireId('conversationId', conversationId);
      if (
        vault.scope !== undefined &&
        (vault.scope.tenantId !== tenantId || vault.scope.conversationId !== conversationId)
      ) {
        throw errors.internal(
          'vault_scope_mismatch',
          'a conversation vault cannot be saved under another conversation',
        );
      }
      if (Number.isNaN(expiresAt.getTime()))
        throw errors.internal('vault_expiry_invalid', 'expiresAt is not a date');

      const done = stored.get(vault) ?? new Set<string>();
      const fresh = vault.entries().filter((entry) => !done.has(entry.token));
      if (fresh.length === 0) return;

      const keys = deriveTenantKeys(masterKey, tenantId);
      const rows = fresh.map((entry): Insertable<VaultEntriesTable> => ({
        tenant_id: tenantId,
        conversation_id: conversationId,
        token: entry.token,
        entity_type: entry.type,
        value_ciphertext: encrypt(
          keys.encryption,
          entry.value,
          vaultEntryAad(tenantId, conversationId, entry.token),
        ),
        subject_hash: hmacHex(keys.subject, canonicalValue(entry.type, entry.value)),
        expires_at: expiresAt,
      }));
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await db
          .insertInto('vault_entries')
          .values(rows.slice(i, i + INSERT_BATCH))
          .onConflict((conflict) =>
            conflict
              .columns(['tenant_id', 'conversation_id', 'token'])
              .doUpdateSet((eb) => ({
                entity_type: eb.ref('excluded.entity_type'),
                value_ciphertext: eb.ref('excluded.value_ciphertext'),
                subject_hash: eb.ref('excluded.subject_hash'),
                created_at: eb.ref('excluded.created_at'),
                expires_at: eb.ref('excluded.expires_at'),
              }))
              .where('vault_entries.expires_at', '<=', now),
          )
          .execute();
      }
      for (const entry of fresh) done.add(entry.token);
      stored.set(vault, done);
    },

    async eraseSubject(tenantId, value, type) {
      requireId('tenantId', tenantId);
      if (value.trim() === '') return 0;
      const { subject } = deriveTenantKeys(masterKey, tenantId);
      // Without a type, every type's canonical form of the value: a CIN written "bk 482913" is found as MA_CIN.
      const types = type === undefined ? ENTITY_TYPES : [type];
      const hashes = [...new Set(types.map((t) => hmacHex(subject, canonicalValue(t, value))))];
      let query = db
        .deleteFrom('vault_entries')
        .where('tenant_id', '=', tenantId)
        .where('subject_hash', 'in', hashes);
      if (type !== undefined) query = query.where('entity_type', '=', type);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async purgeExpired(now = new Date()) {
      const result = await db.deleteFrom('vault_entries').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
};
