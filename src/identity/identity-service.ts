import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MizanConfig } from '../config/schema.js';
import { errors } from '../errors.js';
import { isStaffRole, type Actor, type Role } from '../oversight/actors.js';
import type { Principal } from '../pipeline/flow-context.js';
import type { Database } from '../store/database.js';
import { createSessionStore, type SessionRecord } from '../store/session-store.js';
import type { Application, Tenant } from '../store/tenancy-store.js';
import { generateApiKey, hashApiKey, looksLikeApiKey } from '../tenancy/api-keys.js';
import type { TenancyService } from '../tenancy/tenancy-service.js';
import type { TenantIdentityConfig } from './config-schema.js';
import { createOidcClient, type OidcClient, type PendingSignIn } from './oidc-client.js';
import { pairwisePseudonym } from './pseudonym.js';
import { rolesFromClaims } from './roles.js';

/** Session tokens are made like API keys, with a prefix of their own so that neither passes for the other. */
export const SESSION_TOKEN_PREFIX = 'mzid_';
export const isSessionToken = (value: string): boolean => looksLikeApiKey(value, SESSION_TOKEN_PREFIX);

/** The issuer recorded for an anonymous guest session of the web assistant (config `web.assistant.guests`). */
export const GUEST_ISSUER = 'urn:mizan:guest';

/** A sign-in under way, kept (signed) in the browser between the redirect to the provider and the callback. */
export type PendingTenantSignIn = PendingSignIn & { tenantId: string };

type SealedSignIn = PendingTenantSignIn & { until: number };

/** How long the browser has to come back from the provider. */
export const SIGN_IN_TTL_MS = 600_000;

/** Who a session is, as `GET /auth/session` tells its holder. */
export interface SessionView {
  tenant: string;
  kind: SessionRecord['kind'];
  subject: string;
  roles: Role[];
  expires_at: string;
}

/** A citizen signed in at a tenant, known by their pairwise pseudonym only. */
export interface SignedInCitizen {
  kind: 'citizen';
  tenantId: string;
  subject: string;
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const signInNotConfigured = (tenant: string) =>
  errors.notFound('sign_in_not_configured', `no sign-in is configured for tenant "${tenant}"`, 'tenant');
const noSession = () =>
  errors.unauthenticated('invalid_session', 'the session has ended or expired: sign in again');

/**
 * Sign-in with OpenID Connect, per tenant: the code flow against the tenant's provider, claims mapped onto roles,
 * and sessions whose tokens the browser keeps in a cookie (the database keeps their HMAC). A citizen is known only
 * by a pairwise pseudonym; staff act with the roles their provider's claims give them, within their tenant.
 */
export function createIdentity(deps: {
  config: MizanConfig;
  database: Database;
  tenancy: Pick<TenancyService, 'findTenant' | 'findApplication' | 'listApplications'>;
  secret: string;
}) {
  const { config, secret } = deps;
  const mac = (purpose: string, value: string) =>
    createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
  const store = createSessionStore(deps.database.db);
  const ttlMs = config.identity.session_ttl_minutes * 60_000;
  const tenants = config.identity.tenants.map((entry) => ({
    entry,
    client: createOidcClient(entry.provider),
  }));

  /** A tenant and its sign-in configuration, found by the tenant's id or name. */
  async function tenantSignIn(
    param: string,
  ): Promise<{ tenant: Tenant; entry: TenantIdentityConfig; client: OidcClient } | undefined> {
    const tenant = await deps.tenancy.findTenant(param);
    const found =
      tenant && tenants.find(({ entry }) => entry.tenant === tenant.id || entry.tenant === tenant.name);
    return tenant && found && { tenant, ...found };
  }
  async function configuredSignIn(param: string) {
    const found = await tenantSignIn(param);
    if (!found) throw signInNotConfigured(param);
    return found;
  }

  async function activeSession(token: string | undefined): Promise<SessionRecord> {
    const session =
      token && isSessionToken(token) ? await store.findActive(hashApiKey(token, secret)) : undefined;
    if (!session) throw noSession();
    return session;
  }

  /** Who a session is, read once: a citizen by tenant and pseudonym, or a staff member as a governance actor. */
  async function signedIn(token: string): Promise<SignedInCitizen | Actor> {
    const session = await activeSession(token);
    if (session.kind === 'citizen')
      return { kind: 'citizen', tenantId: session.tenantId, subject: session.subject };
    return {
      kind: 'staff',
      id: session.subject,
      tenantId: session.tenantId,
      name: session.subject,
      roles: session.roles.filter(isStaffRole),
    };
  }

  /** The web assistant's tenant, when it takes guests and `param` names it. */
  async function guestTenant(param: string): Promise<Tenant | undefined> {
    const { assistant } = config.web;
    if (!config.web.enabled || !assistant.guests) return undefined;
    const tenant = await deps.tenancy.findTenant(param);
    return tenant && (tenant.id === assistant.tenant || tenant.name === assistant.tenant)
      ? tenant
      : undefined;
  }

  /** The application a session's chat goes to: the tenant's citizen-facing one, or its agents'. */
  async function applicationOf(
    session: SessionRecord,
  ): Promise<{ tenant: Tenant; application: Application }> {
    if (session.issuer === GUEST_ISSUER) {
      const tenant = await guestTenant(session.tenantId);
      if (!tenant) throw noSession();
      return { tenant, application: await applicationNamed(tenant, config.web.assistant.application) };
    }
    const found = await tenantSignIn(session.tenantId);
    if (!found) throw noSession();
    const { tenant, entry } = found;
    const agent = session.kind === 'staff' && session.roles.includes('agent');
    const wanted =
      session.kind === 'citizen' ? entry.citizen_application : agent ? entry.agent_application : undefined;
    if (wanted === undefined) {
      throw errors.forbidden(
        'chat_not_allowed',
        session.kind === 'citizen'
          ? 'this tenant has no citizen-facing application to chat with'
          : "chatting needs the agent role and an application for the tenant's agents",
      );
    }
    return { tenant, application: await applicationNamed(tenant, wanted) };
  }

  /** One of the tenant's applications, by id or name, as the configuration names it. */
  async function applicationNamed(tenant: Tenant, wanted: string): Promise<Application> {
    const byId = await deps.tenancy.findApplication(wanted);
    const application =
      byId?.tenantId === tenant.id
        ? byId
        : (await deps.tenancy.listApplications({ tenantId: tenant.id })).find((app) => app.name === wanted);
    if (!application)
      throw errors.internal(
        'sign_in_application_missing',
        `tenant "${tenant.name}" has no application "${wanted}"`,
      );
    return application;
  }

  async function openSession(
    tenantId: string,
    person: Pick<SessionRecord, 'kind' | 'subject' | 'roles' | 'issuer'>,
  ): Promise<{ token: string; maxAgeSeconds: number }> {
    const { key: token } = generateApiKey(SESSION_TOKEN_PREFIX);
    const now = Date.now();
    await store.create({
      tenantId,
      tokenHash: hashApiKey(token, secret),
      ...person,
      expiresAt: new Date(now + ttlMs),
    });
    // Sessions over a day past their end are of no use to anyone: forget them as new ones start.
    await store.purge(new Date(now - 86_400_000));
    return { token, maxAgeSeconds: Math.floor(ttlMs / 1000) };
  }

  return {
    isSession: isSessionToken,

    /** Starts a sign-in: the provider's authorization URL, and what the callback must find again. */
    async login(tenantParam: string, defaultRedirectUri: (tenant: string) => string) {
      const { tenant, entry, client } = await configuredSignIn(tenantParam);
      const redirectUri = entry.provider.redirect_uri ?? defaultRedirectUri(tenantParam);
      const { url, pending } = await client.authorization(redirectUri);
      return { url, pending: { ...pending, tenantId: tenant.id } satisfies PendingTenantSignIn };
    },

    /** Completes a sign-in from the provider's answer: a new session, and where the browser goes next. */
    async callback(
      tenantParam: string,
      answer: { code?: string; state?: string; error?: string },
      pending: PendingTenantSignIn | undefined,
    ) {
      const { tenant, entry, client } = await configuredSignIn(tenantParam);
      if (
        !pending ||
        pending.tenantId !== tenant.id ||
        !answer.state ||
        !sameText(answer.state, pending.state)
      )
        throw errors.unauthenticated(
          'invalid_sign_in_state',
          'this sign-in was not started here, or has expired',
        );
      if (answer.error !== undefined || !answer.code)
        throw errors.unauthenticated('sign_in_refused', 'the identity provider did not sign you in');
      const claims = await client.complete(answer.code, pending);
      const signedIn = rolesFromClaims(claims, entry.roles);
      if (!signedIn) throw errors.forbidden('no_role', 'your account has no role at this administration');
      const session = await openSession(tenant.id, {
        kind: signedIn.kind,
        subject: pairwisePseudonym(secret, tenant.id, client.issuer, claims.sub),
        roles: signedIn.kind === 'citizen' ? ['citizen'] : signedIn.roles,
        issuer: client.issuer,
      });
      return { ...session, next: entry.after_login_url };
    },

    /**
     * An anonymous citizen session on the web assistant's tenant, where it takes guests: a random pseudonym that
     * names no one, so a guest's held answers and data-rights requests are theirs for as long as the session lasts.
     */
    async guest(tenantParam: string): Promise<{ token: string; maxAgeSeconds: number }> {
      const tenant = await guestTenant(tenantParam);
      if (!tenant)
        throw errors.notFound('guests_not_allowed', `tenant "${tenantParam}" does not take guests`, 'tenant');
      return openSession(tenant.id, {
        kind: 'citizen',
        subject: `ps_guest_${randomBytes(16).toString('base64url')}`,
        roles: ['citizen'],
        issuer: GUEST_ISSUER,
      });
    },

    /** Who the session is; 401 once it has ended or expired. */
    async describe(token: string | undefined): Promise<SessionView> {
      const session = await activeSession(token);
      return {
        tenant: session.tenantId,
        kind: session.kind,
        subject: session.subject,
        roles: session.roles as Role[],
        expires_at: session.expiresAt.toISOString(),
      };
    },

    /** The double-submit token a session's cookie-authenticated unsafe requests must carry. */
    csrfToken: (token: string) => mac('csrf', token),

    /** A sign-in under way as the browser keeps it: readable, but signed and short-lived. */
    sealPending(pending: PendingTenantSignIn): string {
      const sealedSignIn: SealedSignIn = { ...pending, until: Date.now() + SIGN_IN_TTL_MS };
      const body = Buffer.from(JSON.stringify(sealedSignIn)).toString('base64url');
      return `${body}.${mac('sign-in', body)}`;
    },

    /** The sign-in the browser brings back, if it is one this gateway started and it has not expired. */
    openPending(sealed: string | undefined): PendingTenantSignIn | undefined {
      const [body, signature, ...rest] = sealed?.split('.') ?? [];
      if (!body || !signature || rest.length > 0 || !sameText(signature, mac('sign-in', body)))
        return undefined;
      const sealedSignIn: SealedSignIn = JSON.parse(Buffer.from(body, 'base64url').toString());
      const { until, ...pending } = sealedSignIn;
      return until > Date.now() ? pending : undefined;
    },

    /** Ends a session without asking its provider anything (a new sign-in replaces it). */
    end: (token: string) => store.end(hashApiKey(token, secret)),

    /**
     * Ends the session; the provider's logout URL, where it offers one, to end the sign-in there too. A provider
     * that cannot be reached does not keep the session open: the browser is then just signed out here.
     */
    async logout(token: string | undefined): Promise<{ endSessionUrl: string | undefined }> {
      const session = await activeSession(token);
      await store.end(hashApiKey(token!, secret));
      const found = await tenantSignIn(session.tenantId);
      return { endSessionUrl: await found?.client.endSessionUrl().catch(() => undefined) };
    },

    /**
     * The principal of a chat made with a session, and the person it is for: a citizen's own pseudonym, so that
     * their flows are theirs whatever `user` the request names; an agent names the citizen they serve in `user`.
     */
    async principal(token: string): Promise<{ principal: Principal; subject: string | undefined }> {
      const session = await activeSession(token);
      const { tenant, application } = await applicationOf(session);
      return {
        principal: { tenant, application, keyId: session.id, sandboxId: null },
        subject: session.kind === 'citizen' ? session.subject : undefined,
      };
    },

    signedIn,

    /**
     * The citizen a session belongs to, by their tenant and pseudonym, for what a person asks about themselves (a held
     * answer, their data rights); undefined for a staff session; 401 once it has ended or expired.
     */
    async citizen(token: string): Promise<SignedInCitizen | undefined> {
      const who = await signedIn(token);
      return who.kind === 'citizen' ? who : undefined;
    },

    /** The governance actor of a staff session; a citizen's session governs nothing (403). */
    async actor(token: string): Promise<Actor> {
      const who = await signedIn(token);
      if (who.kind === 'citizen')
        throw errors.forbidden(
          'staff_only',
          "this is for a tenant's staff; a citizen's session cannot use it",
        );
      return who;
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
