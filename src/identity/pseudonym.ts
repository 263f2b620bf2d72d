import { createHmac } from 'node:crypto';

/**
 * The pairwise pseudonymous subject of a person signed in with OpenID Connect: an HMAC under the server secret of
 * the tenant, the issuer and the provider's `sub` (OpenID Connect Core §8.1). Stable across sign-ins, different from
 * one tenant to another, and not reversible to the `sub` (which the national identity provider may derive from the
 * identity-card number) without the secret. Only this is stored and logged.
 */
export const pairwisePseudonym = (secret: string, tenantId: string, issuer: string, sub: string): string =>
  `ps_${createHmac('sha256', secret)
    .update(`oidc-subject\0${tenantId}\0${issuer}\0${sub}`)
    .digest('hex')
    .slice(0, 32)}`;
