import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../errors.js';
import { SIGN_IN_TTL_MS } from '../../identity/identity-service.js';
import type { Platform } from '../../platform.js';
import { bearerToken } from '../bearer.js';

/** Where a cookie-authenticated request that changes something carries its session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sent only to the sign-in routes, and only for as long as a sign-in may take. */
const SIGN_IN_COOKIE = 'mizan_sign_in';

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Sign-in with OpenID Connect, and what makes a session cookie safe to accept everywhere else:
 * - `GET /auth/:tenant/login` sends the browser to the tenant's provider (state, nonce, PKCE S256);
 * - `GET /auth/:tenant/callback` opens a session in a Secure, HttpOnly, SameSite=Lax cookie;
 * - `GET /auth/session` says who the session is, with its CSRF token; `POST /auth/logout` ends it.
 * A request that brings the session cookie and no `Authorization` is authenticated by the session: if it changes
 * something (not GET, HEAD or OPTIONS) it must carry the CSRF token, which another site cannot read (double
 * submit); a Bearer request is exempt, since a browser never adds one on its own.
 */
export async function authRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const { identity } = platform;
  const secure = platform.config.identity.secure_cookies;
  // `__Host-`: the browser keeps the cookie only if it is Secure, for this host alone and for every path.
  const sessionCookie = secure ? '__Host-mizan_session' : 'mizan_session';
  const cookieOptions = { httpOnly: true, secure, sameSite: 'lax' as const };
  await app.register(cookie);

  const requireCsrf = (request: FastifyRequest, token: string) => {
    const given = text(request.headers[CSRF_HEADER]);
    if (!given || !sameText(given, identity.csrfToken(token))) {
      throw errors.forbidden(
        'csrf',
        `a request authenticated by the session cookie must carry the session's CSRF token in ${CSRF_HEADER} (GET /auth/session gives it)`,
        CSRF_HEADER,
      );
    }
  };

  /** The session a request to the sign-in routes holds: its Bearer session token, or its cookie. */
  const sessionOf = (request: FastifyRequest, unsafe: boolean): string | undefined => {
    const bearer = bearerToken(request.headers.authorization);
    if (bearer !== undefined) return bearer;
    const token = request.cookies[sessionCookie];
    if (token !== undefined && unsafe) requireCsrf(request, token);
    return token;
  };

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (token === undefined || request.headers.authorization !== undefined) return;
    if (request.url.startsWith('/auth/') || !identity.isSession(token)) return;
    if (!SAFE_METHODS.has(request.method)) requireCsrf(request, token);
    // Every route authenticates one credential, the bearer: a checked session cookie becomes its token.
    request.headers.authorization = `Bearer ${token}`;
  });

  /** A new session replaces the one the browser held, if any: that one is ended, not left to expire. */
  const replaceSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: { token: string; maxAgeSeconds: number },
  ) => {
    const previous = request.cookies[sessionCookie];
    if (previous !== undefined && identity.isSession(previous)) await identity.end(previous);
    void reply.setCookie(sessionCookie, session.token, {
      ...cookieOptions,
      path: '/',
      maxAge: session.maxAgeSeconds,
    });
  };

  /** Who a session is, with the CSRF token its cookie-authenticated requests must carry. */
  const sessionView = async (token: string | undefined) => ({
    object: 'mizan.session' as const,
    ...(await identity.describe(token)),
    csrf_token: identity.csrfToken(token!),
  });

  const endCookie = (reply: FastifyReply) =>
    reply.clearCookie(sessionCookie, { ...cookieOptions, path: '/' });

  app.get<{ Params: { tenant: string } }>('/auth/:tenant/login', async (request, reply) => {
    const { url, pending } = await identity.login(
      request.params.tenant,
      (tenant) => `${request.protocol}://${request.host}/auth/${encodeURIComponent(tenant)}/callback`,
    );
    void reply.setCookie(SIGN_IN_COOKIE, identity.sealPending(pending), {
      ...cookieOptions,
      path: '/auth',
      maxAge: SIGN_IN_TTL_MS / 1000,
    });
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.get<{ Params: { tenant: string }; Querystring: Record<string, unknown> }>(
    '/auth/:tenant/callback',
    async (request, reply) => {
      const pending = identity.openPending(request.cookies[SIGN_IN_COOKIE]);
      void reply.clearCookie(SIGN_IN_COOKIE, { ...cookieOptions, path: '/auth' });
      const { code, state, error } = request.query;
      const signedIn = await identity.callback(
        request.params.tenant,
        {
          ...(text(code) ? { code: text(code) } : {}),
          ...(text(state) ? { state: text(state) } : {}),
          ...(error !== undefined ? { error: String(error) } : {}),
        },
        pending,
      );
      await replaceSession(request, reply, signedIn);
      return reply.header('cache-control', 'no-store').redirect(signedIn.next, 303);
    },
  );

  // JSON only: a form on another site cannot send it without the browser asking this server first (CORS).
  app.post<{ Params: { tenant: string } }>('/auth/:tenant/guest', async (request, reply) => {
    if (!request.headers['content-type']?.startsWith('application/json'))
      throw errors.invalidRequest('json_required', 'a guest session is opened with a JSON request (`{}`)');
    const guest = await identity.guest(request.params.tenant);
    await replaceSession(request, reply, guest);
    void reply.header('cache-control', 'no-store').status(201);
    return sessionView(guest.token);
  });

  app.get('/auth/session', async (request, reply) => {
    const token = sessionOf(request, false);
    const view = await sessionView(token);
    void reply.header('cache-control', 'no-store');
    return view;
  });

  app.post('/auth/logout', async (request, reply) => {
    const { endSessionUrl } = await identity.logout(sessionOf(request, true));
    endCookie(reply);
    if (endSessionUrl) return reply.redirect(endSessionUrl, 303);
    return reply.status(204).send();
  });
}
