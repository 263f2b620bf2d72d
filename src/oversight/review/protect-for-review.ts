import type { FlowContext } from '../../pipeline/flow-context.js';
import { protectTexts } from '../../privacy/protect-messages.js';
import type { Entity } from '../../privacy/types.js';
import { ConversationVault } from '../../privacy/vault.js';
import type { VaultStore } from '../../store/vault-store.js';
import type { ReviewCase } from '../../store/review-store.js';

/**
 * Puts a released or drafted answer back into pseudonyms before a reviewer sees it, and keeps the conversation's
 * vault (encrypted) until the case is decided and fetched, so that the citizen's own values can be restored in the
 * reviewed answer. A request without a named conversation gets one named after its flow.
 */
export function createReviewProtector(options: {
  scan: (text: string) => Entity[];
  vaults: VaultStore;
  hashKey: (tenantId: string) => Uint8Array;
  /** How long after the case is opened its vault is kept. */
  keepMs: number;
}) {
  return async (
    ctx: FlowContext,
    text: string,
  ): Promise<{ text: string; conversationId: ReviewCase['conversationId'] }> => {
    const tenantId = ctx.principal!.tenant.id;
    const vault = ctx.privacy?.vault ?? new ConversationVault();
    const { texts } = protectTexts([text], {
      scan: options.scan,
      policy: ctx.policy!.privacy,
      vault,
      hashKey: options.hashKey(tenantId),
    });
    if (vault.size === 0) return { text: texts[0]!, conversationId: ctx.conversationId ?? null };
    const conversationId = ctx.conversationId ?? `flow-${ctx.auditId}`;
    await options.vaults.save(tenantId, conversationId, vault, new Date(Date.now() + options.keepMs));
    return { text: texts[0]!, conversationId };
  };
}

export type ReviewProtector = ReturnType<typeof createReviewProtector>;
