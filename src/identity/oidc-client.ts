import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { errors } from '../errors.js';
import type { TenantIdentityConfig } from './config-schema.js';
import { validateIdToken } from './id-token.js';

/** How long discovered metadata is trusted before it is fetched again (providers rotate endpoints rarely). */
const DISCOVERY_TTL_MS = 3_600_000;
const FETCH_TIMEOUT_MS = 10_000;

const discoveryDocument = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});
type Discovery = z.infer<typeof discoveryDocument>;

const tokenResponse = z.looseObject({
  id_token: z.string(),
  access_token: z.string().optional(),
  token_type: z.string().optional(),
});

/** What one sign-in keeps between the redirect to the provider and its callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

const randomToken = () => randomBytes(32).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const unreachable = (issuer: string, cause: unknown) =>
  errors.upstream(
    'identity_provider_unavailable',
    `the identity provider ${issuer} could not be reached`,
    cause,
  );

async function fetchJson(
  url: string,
  init: RequestInit,
  issuer: string,
): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw unreachable(issuer, error);
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { status: response.status, body };
}

/**
 * A relying party of one OpenID provider: the authorization code flow with PKCE (S256), the client authenticated
 * with its secret (`client_secret_basic`, or `client_secret_post` where only that is offered), the ID token
 * validated against the provider's published keys, and claims completed from the userinfo endpoint.
 */
export function createOidcClient(provider: TenantIdentityConfig['provider']) {
  const secret = provider.client_secret;
  let discovered: { at: number; metadata: Discovery; keys: JWTVerifyGetKey } | undefined;

  async function discover() {
    if (discovered && Date.now() - discovered.at < DISCOVERY_TTL_MS) return discovered;
    const url = `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const { status, body } = await fetchJson(url, {}, provider.issuer);
    const parsed = discoveryDocument.safeParse(body);
    if (status !== 200 || !parsed.success)
      throw unreachable(provider.issuer, new Error(`discovery answered ${status}`));
    // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
    if (parsed.data.issuer !== provider.issuer)
      throw errors.upstream(
        'identity_provider_mismatch',
        `the identity provider at ${provider.issuer} names itself ${parsed.data.issuer}`,
      );
    const methods = parsed.data.code_challenge_methods_supported;
    if (methods && !methods.includes('S256'))
      throw errors.upstream(
        'identity_provider_without_pkce',
        `${provider.issuer} does not offer PKCE with S256`,
      );
    discovered = {
      at: Date.now(),
      metadata: parsed.data,
      keys: createRemoteJWKSet(new URL(parsed.data.jwks_uri)),
    };
    return discovered;
  }

  function clientAuthentication(metadata: Discovery): {
    headers: Record<string, string>;
    body: Record<string, string>;
  } {
    if (secret === undefined) return { headers: {}, body: { client_id: provider.client_id } };
    const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (!methods.includes('client_secret_basic') && methods.includes('client_secret_post'))
      return { headers: {}, body: { client_id: provider.client_id, client_secret: secret } };
    // RFC 6749 §2.3.1: both parts are form-encoded before being joined.
    const basic = `${encodeURIComponent(provider.client_id)}:${encodeURIComponent(secret)}`;
    return { headers: { authorization: `Basic ${Buffer.from(basic).toString('base64')}` }, body: {} };
  }

  return {
    issuer: provider.issuer,

    /** Where to send the browser, and what to keep until it comes back. */
    async authorization(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
      const { metadata } = await discover();
      const pending = {
        state: randomToken(),
        nonce: randomToken(),
        codeVerifier: randomToken(),
        redirectUri,
      };
      const url = new URL(metadata.authorization_endpoint);
      for (const [name, value] of Object.entries({
        response_type: 'code',
        client_id: provider.client_id,
        redirect_uri: redirectUri,
        scope: provider.scopes.join(' '),
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: s256(pending.codeVerifier),
        code_challenge_method: 'S256',
      }))
        url.searchParams.set(name, value);
      return { url: url.toString(), pending };
    },

    /** Exchanges the code, validates the ID token and returns the person's claims. */
    async complete(code: string, pending: PendingSignIn): Promise<JWTPayload & { sub: string }> {
      const { metadata, keys } = await discover();
      const auth = clientAuthentication(metadata);
      const { status, body } = await fetchJson(
        metadata.token_endpoint,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            ...auth.headers,
          },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: pending.redirectUri,
            code_verifier: pending.codeVerifier,
            ...auth.body,
          }),
        },
        provider.issuer,
      );
      const tokens = tokenResponse.safeParse(body);
      if (status !== 200 || !tokens.success)
        throw errors.unauthenticated('sign_in_failed', `the identity provider refused the code (${status})`);
      const claims = (await validateIdToken(tokens.data.id_token, {
        issuer: provider.issuer,
        clientId: provider.client_id,
        nonce: pending.nonce,
        keys,
      })) as JWTPayload & { sub: string };
      if (!metadata.userinfo_endpoint || !tokens.data.access_token) return claims;
      const userinfo = await fetchJson(
        metadata.userinfo_endpoint,
        { headers: { authorization: `Bearer ${tokens.data.access_token}`, accept: 'application/json' } },
        provider.issuer,
      );
      const extra = userinfo.body as Record<string, unknown> | undefined;
      // OpenID Connect Core §5.3.2: userinfo of another subject must not be used.
      if (userinfo.status !== 200 || extra?.sub !== claims.sub) return claims;
      return { ...extra, ...claims };
    },

    /** The provider's logout, where it offers one (RP-Initiated Logout 1.0). */
    async endSessionUrl(): Promise<string | undefined> {
      const { metadata } = await discover();
      if (!metadata.end_session_endpoint) return undefined;
      const url = new URL(metadata.end_session_endpoint);
      url.searchParams.set('client_id', provider.client_id);
      if (provider.post_logout_redirect_uri)
        url.searchParams.set('post_logout_redirect_uri', provider.post_logout_redirect_uri);
      return url.toString();
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
