import { z } from 'zod';
import { STAFF_ROLES } from '../oversight/actors.js';

/** One tenant's OpenID provider: the national digital identity for citizens, or an administration's own. */
const oidcProvider = z
  .strictObject({
    /** Its issuer identifier; the configuration is discovered at `<issuer>/.well-known/openid-configuration`. */
    issuer: z.url({ protocol: /^https?$/ }),
    client_id: z.string().min(1),
    /**
     * Given as `${ENV_VAR}` or in `client_secret_file` (the configuration loader reads both), never written in the
     * file; none for a public client.
     */
    client_secret: z.string().min(1).optional(),
    /**
     * Registered with the provider; by default this gateway's origin, as the request names it, followed by
     * `/auth/<tenant>/callback`. Set it behind a proxy that rewrites the host.
     */
    redirect_uri: z.url({ protocol: /^https?$/ }).optional(),
    scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'a scope token')).default(['openid']),
    /** Where the provider sends the browser back after its logout, when it offers one. */
    post_logout_redirect_uri: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((p) => p.scopes.includes('openid'), { message: 'scopes must include openid', path: ['scopes'] });

const tenantIdentity = z.strictObject({
  /** The tenant's id or name; its people sign in at `/auth/<tenant>/login`. */
  tenant: z.string().min(1),
  provider: oidcProvider,
  roles: z
    .strictObject({
      /** The claim (of the ID token or the userinfo) whose values are mapped: a list or a space-separated string. */
      claim: z.string().min(1).default('roles'),
      /** Claim value → staff roles. A platform admin is never granted by a tenant's provider. */
      map: z.record(z.string(), z.array(z.enum(STAFF_ROLES)).min(1)).default({}),
      /** Whoever the map gives no role signs in as a citizen; off for a provider of staff accounts only. */
      citizens: z.boolean().default(true),
    })
    .prefault({}),
  /** The application (id or name) a citizen's chat goes to; without one, citizens cannot chat. */
  citizen_application: z.string().min(1).optional(),
  /** The application (id or name) an agent's chat goes to. */
  agent_application: z.string().min(1).optional(),
  /** Where the browser goes once signed in. */
  after_login_url: z.string().startsWith('/').default('/'),
});

/** `identity` in mizan.yaml: sign-in with OpenID Connect, per tenant. */
export const identityConfig = z
  .strictObject({
    /** How long a session lasts from sign-in (minutes). */
    session_ttl_minutes: z.number().int().positive().default(480),
    /** Send cookies only over HTTPS (with the `__Host-` prefix); off only for local development over HTTP. */
    secure_cookies: z.boolean().default(true),
    tenants: z.array(tenantIdentity).default([]),
  })
  .refine((c) => new Set(c.tenants.map((t) => t.tenant)).size === c.tenants.length, {
    message: 'one entry per tenant',
    path: ['tenants'],
  });

export type IdentityConfig = z.infer<typeof identityConfig>;
export type TenantIdentityConfig = z.infer<typeof tenantIdentity>;
