import type { ErasureCounts, LegalHold, RightsScope } from '../../store/rights-store.js';
import type { RightsContext } from './context.js';

/**
 * Erases a person's data within a scope (Law 09-08 art. 8), unless a legal hold covers it: the content rows of
 * their flows (content and the salt of its commitments: the records keep only the commitments, which nobody can
 * recompute any more, so the log still verifies), the vault entries of every conversation their flows used, and
 * the text of their review cases (the decision stays). A conversation someone else also used (its id is the
 * client's choice) loses its pseudonyms too: the other person's later turns then show pseudonyms rather than
 * values, which discloses nothing, while keeping it would keep this person's values.
 */
export async function eraseSubjectData(
  ctx: RightsContext,
  scope: RightsScope,
  dataSubject: string,
): Promise<{ held: LegalHold[] } | { erased: ErasureCounts }> {
  const { owned, shared } = await ctx.store.subjectConversations(scope, dataSubject);
  return ctx.store.eraseSubject(scope, dataSubject, [...owned, ...shared]);
}
