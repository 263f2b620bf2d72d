import { applyOperators, type OperatorCounts } from './operators.js';
import type { PrivacyPolicy } from './policy.js';
import type { Entity } from './types.js';
import { ConversationVault } from './vault.js';

const REDACT_ALL: PrivacyPolicy = { operators: {}, defaultOperator: 'redact' };

/**
 * Free text kept outside any conversation (a feedback comment, a message to an agent): every span of personal data
 * replaced by its type, `⟦MA_PHONE⟧`, with nothing to restore it from; the counts say what was taken out.
 */
export function redactText(
  text: string,
  scan: (text: string) => Entity[],
): { text: string; counts: OperatorCounts } {
  const { text: redacted, counts } = applyOperators(text, scan(text), REDACT_ALL, new ConversationVault());
  return { text: redacted, counts };
}
