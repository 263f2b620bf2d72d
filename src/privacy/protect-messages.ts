import { isMizanError } from '../errors.js';
import type { ChatMessage, ContentPart } from '../providers/spec.js';
import { privacyErrors } from './errors.js';
import { applyOperators, type OperatorCounts } from './operators.js';
import type { PrivacyPolicy } from './policy.js';
import type { Entity } from './types.js';
import type { ConversationVault } from './vault.js';

export interface Protection {
  /** Per type and operator, never a value. */
  counts: OperatorCounts;
  /** Some personal data was left in clear by an `allow` operator: forwarding it is a transfer to check. */
  personalDataRemains: boolean;
}

export interface TextProtector {
  protect(text: string): string;
  result(): Protection;
}

/**
 * Applies the policy to every text handed to it, sharing one vault so that a value gets the same pseudonym in
 * every message. Fails closed: any detection failure refuses the request rather than forwarding raw text.
 */
export function createTextProtector(options: {
  scan: (text: string) => Entity[];
  policy: PrivacyPolicy;
  vault: ConversationVault;
  hashKey?: Uint8Array;
}): TextProtector {
  const counts: OperatorCounts = {};
  let personalDataRemains = false;
  return {
    protect(text) {
      if (text === '') return text;
      let entities: Entity[];
      try {
        entities = options.scan(text);
      } catch (error) {
        throw isMizanError(error) ? error : privacyErrors.detectionFailed(error);
      }
      if (entities.length === 0) return text;
      const applied = applyOperators(text, entities, options.policy, options.vault, {
        hashKey: options.hashKey,
      });
      for (const [type, byOperator] of Object.entries(applied.counts)) {
        const total = (counts[type as keyof OperatorCounts] ??= {});
        for (const [operator, n] of Object.entries(byOperator)) {
          total[operator as keyof typeof total] = (total[operator as keyof typeof total] ?? 0) + n;
        }
      }
      if (applied.applied.some((a) => a.operator === 'allow')) personalDataRemains = true;
      return applied.text;
    },
    result: () => ({ counts, personalDataRemains }),
  };
}

/** Every text a model would read: message contents, text parts, tool-call arguments and tool results. */
export function protectMessages(messages: readonly ChatMessage[], protector: TextProtector): ChatMessage[] {
  return messages.map((message) => {
    const content = protectContent(message.content, protector);
    const toolCalls = message.tool_calls?.map((call) => protectToolCall(call, protector));
    return { ...message, content, ...(toolCalls ? { tool_calls: toolCalls } : {}) };
  });
}

function protectContent(content: ChatMessage['content'], protector: TextProtector): ChatMessage['content'] {
  if (typeof content === 'string') return protector.protect(content);
  if (!Array.isArray(content)) return content;
  return content.map((part): ContentPart =>
    part.type === 'text' && typeof part.text === 'string'
      ? { ...part, text: protector.protect(part.text) }
      : part,
  );
}

/** Pseudonyms contain no quote or backslash, so replacing spans inside JSON-encoded arguments keeps them valid. */
function protectToolCall(call: unknown, protector: TextProtector): unknown {
  const fn = (call as { function?: { arguments?: unknown } }).function;
  if (typeof fn?.arguments !== 'string') return call;
  return { ...(call as object), function: { ...fn, arguments: protector.protect(fn.arguments) } };
}
