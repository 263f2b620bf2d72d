import type { Hosting } from '../providers/spec.js';

/** Hosting in Morocco is no transfer abroad. */
export const DOMESTIC_COUNTRY = 'MA';

/**
 * Law 09-08 art. 43-44: sending personal data to a model hosted abroad is a transfer, allowed only when the
 * application records an authorisation for that country. Pseudonyms are not personal data for this rule: only
 * values an `allow` operator left in clear count.
 */
export type TransferDecision = 'domestic' | 'no_personal_data' | 'authorised' | 'refused';

export function decideTransfer(
  hosting: Hosting,
  personalDataRemains: boolean,
  authorisedCountries: ReadonlySet<string>,
): TransferDecision {
  if (hosting.country === DOMESTIC_COUNTRY) return 'domestic';
  if (!personalDataRemains) return 'no_personal_data';
  return authorisedCountries.has(hosting.country) ? 'authorised' : 'refused';
}
