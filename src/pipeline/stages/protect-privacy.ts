import { protectMessages, protectTexts, type Protection } from '../../privacy/protect-messages.js';
import type { Entity } from '../../privacy/types.js';
import { ConversationVault } from '../../privacy/vault.js';
import type { VaultStore } from '../../store/vault-store.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy, requirePrincipal } from './require.js';

export interface ProtectPrivacyDependencies {
  scan: (text: string) => Entity[];
  vaults: VaultStore;
  /** The tenant's key for the `hash` operator. */
  hashKey: (tenantId: string) => Uint8Array;
  /** How long a conversation's pseudonyms are kept. */
  retentionMs: number;
}

/**
 * Finds personal data in everything a model would read and applies the application's operators, so that no
 * identifier reaches a model in clear unless the policy allows it. A named conversation keeps its pseudonyms
 * (encrypted) across requests.
 */
export const protectPrivacy = (deps: ProtectPrivacyDependencies): Stage => ({
  name: 'protect-privacy',
  async run(ctx) {
    const operation = ctx.operation;
    if (operation.kind === 'list-models') return ctx;
    const { tenant } = requirePrincipal(ctx, 'protect-privacy');
    const policy = requirePolicy(ctx, 'protect-privacy');
    const vault = ctx.conversationId
      ? await deps.vaults.load(tenant.id, ctx.conversationId)
      : new ConversationVault();
    const sizeBefore = vault.size;
    let protection: Protection = { counts: {}, personalDataRemains: false };
    const protect = (texts: readonly string[]) => {
      const result = protectTexts(texts, {
        scan: deps.scan,
        policy: policy.privacy,
        vault,
        hashKey: deps.hashKey(tenant.id),
      });
      protection = result.protection;
      return result.texts;
    };
    const protectedOperation =
      operation.kind === 'chat'
        ? { ...operation, messages: protectMessages(operation.messages, protect) }
        : { ...operation, input: protect(operation.input) };
    if (ctx.conversationId && vault.size > sizeBefore) {
      await deps.vaults.save(tenant.id, ctx.conversationId, vault, new Date(Date.now() + deps.retentionMs));
    }
    return { ...ctx, operation: protectedOperation, privacy: { vault, ...protection } };
  },
});
