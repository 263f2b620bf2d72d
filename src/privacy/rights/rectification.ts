import { z } from 'zod';
import type { RightsScope } from '../../store/rights-store.js';
import { ENTITY_TYPES } from '../types.js';
import { canonicalValue } from '../vault.js';
import { decrypt, encrypt, hmacHex, vaultEntryAad } from '../vault-crypto.js';
import type { RightsContext } from './context.js';

/** One correction: the values of `type` equal to `from` (compared as the vault compares) become `to`. */
export const correctionSchema = z.strictObject({
  type: z.enum(ENTITY_TYPES),
  from: z.string().trim().min(1).max(1000),
  to: z.string().trim().min(1).max(1000),
});
export type Correction = z.infer<typeof correctionSchema>;
export const correctionsSchema = z.array(correctionSchema).min(1).max(50);

const correctionsAad = (tenantId: string, requestId: string) =>
  JSON.stringify(['mizan-rights-corrections-v1', tenantId, requestId]);

/** A rectification's corrections hold personal values: they are kept encrypted under the tenant's key. */
export const sealCorrections = (
  ctx: RightsContext,
  tenantId: string,
  requestId: string,
  corrections: readonly Correction[],
): string =>
  encrypt(ctx.keys(tenantId).encryption, JSON.stringify(corrections), correctionsAad(tenantId, requestId));

export const openCorrections = (
  ctx: RightsContext,
  tenantId: string,
  requestId: string,
  ciphertext: string,
): Correction[] =>
  JSON.parse(
    decrypt(ctx.keys(tenantId).encryption, ciphertext, correctionsAad(tenantId, requestId)),
  ) as Correction[];

export interface RectificationResult {
  /** Indexes of the corrections applied to at least one vault entry. */
  applied: number[];
  /** Indexes of those that matched nothing the gateway holds: left to the DPO. */
  unmatched: number[];
  vaultEntries: number;
}

/**
 * Applies corrections (Law 09-08 art. 8) to the vault entries of the conversations that are the person's alone,
 * found by the keyed hash of the value without decrypting anything; each new value is encrypted and hashed as the
 * vault does. Flow contents are left as they are: they record what was exchanged, and their commitments in the
 * log must keep matching.
 */
export async function applyCorrections(
  ctx: RightsContext,
  scope: RightsScope,
  dataSubject: string,
  corrections: readonly Correction[],
): Promise<RectificationResult> {
  const { tenantId } = scope;
  const keys = ctx.keys(tenantId);
  const { owned } = await ctx.store.subjectConversations(scope, dataSubject);
  const result: RectificationResult = { applied: [], unmatched: [], vaultEntries: 0 };
  for (const [index, { type, from, to }] of corrections.entries()) {
    const found = await ctx.store.findVaultEntries(
      tenantId,
      owned,
      type,
      hmacHex(keys.subject, canonicalValue(type, from)),
    );
    const subjectHash = hmacHex(keys.subject, canonicalValue(type, to));
    let rewritten = 0;
    for (const entry of found) {
      const ciphertext = encrypt(
        keys.encryption,
        to,
        vaultEntryAad(tenantId, entry.conversationId, entry.token),
      );
      if (await ctx.store.rewriteVaultEntry({ tenantId, ...entry }, { ciphertext, subjectHash })) rewritten++;
    }
    (rewritten > 0 ? result.applied : result.unmatched).push(index);
    result.vaultEntries += rewritten;
  }
  return result;
}
