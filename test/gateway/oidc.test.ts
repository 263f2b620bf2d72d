import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { sql } from 'kysely';
import Provider from 'oidc-provider';
import { validateIdToken } from '../../src/identity/id-token.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';

/** The provider's `sub` of the citizen: what a national identity provider may derive from the identity card. */
const CITIZEN_SUB = 'AB123456';
/** Another citizen of the same administration. */
const NEIGHBOUR_SUB = 'CD654321';
/** Accounts at the test provider, with the values of their `roles` claim. */
const ACCOUNTS: Record<string, string[]> = {
  [CITIZEN_SUB]: [],
  [NEIGHBOUR_SUB]: [],
  'reviewer-1': ['mizan-reviewer'],
  'agent-1': ['mizan-agent', 'unrelated-group'],
  'reviewer-other': ['mizan-reviewer'],
};
const CLIENT_SECRET = 'test-client-secret-0123456789abcdef';

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A browser's cookies for one origin: enough of RFC 6265 for a sign-in (no paths, no domains). */
class Jar {
  private readonly cookies = new Map<string, string>();
  /** Every `set-cookie` received, attributes included. */
  readonly received: string[] = [];
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      this.received.push(line);
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (gone || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

describe('sign-in with OpenID Connect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-oidc-'));
  const secretFile = join(dir, 'client-secret');
  writeFileSync(secretFile, `${CLIENT_SECRET}\n`);
  const idpServer = createServer();
  const providerOf = (clientId: string) => ({
    issuer: 'http://placeholder.invalid',
    client_id: clientId,
    client_secret_file: secretFile,
    scopes: ['openid', 'roles'],
  });
  const identity = {
    tenants: [
      {
        tenant: 'ministry-test',
        provider: providerOf('mizan'),
        roles: { claim: 'roles', map: { 'mizan-reviewer': ['reviewer'], 'mizan-agent': ['agent'] } },
        citizen_application: 'assistant',
        agent_application: 'assistant',
        after_login_url: '/app',
      },
      {
        tenant: 'ministry-other',
        provider: providerOf('mizan-other'),
        roles: { claim: 'roles', map: { 'mizan-reviewer': ['reviewer'] } },
      },
    ],
  };
  let issuer: string;
  // The provider listens first, so that the gateway's configuration can name it.
  before(async () => {
    idpServer.listen(0, '127.0.0.1');
    await once(idpServer, 'listening');
    issuer = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
    for (const tenant of identity.tenants) tenant.provider.issuer = issuer;
  });
  // Every answer at the minimal tier is sampled for review, so that the citizen's chat fills the review queue.
  const fixture = useUpstreamGateway({ identity, oversight: { sampling_rates: { minimal: 1 } } });
  // Then the provider itself, whose clients must name the gateway's callbacks.
  before(async () => {
    const { origin, platform } = fixture.gateway;
    await platform.tenancy.createTenant({ name: 'ministry-other' });
    const client = (clientId: string, tenant: string) => ({
      client_id: clientId,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${origin}/auth/${tenant}/callback`],
      post_logout_redirect_uris: [`${origin}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    });
    const provider = new Provider(issuer, {
      clients: [client('mizan', 'ministry-test'), client('mizan-other', 'ministry-other')],
      claims: { openid: ['sub'], roles: ['roles'] },
      async findAccount(_ctx, id) {
        const roles = ACCOUNTS[id];
        return roles && { accountId: id, claims: async () => ({ sub: id, roles }) };
      },
      features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
      cookies: { keys: ['test-provider-cookie-key'] },
    });
    idpServer.on('request', provider.callback());
  });
  after(() => {
    idpServer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: unknown,
  ): Promise<Reply> => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  };

  /**
   * Signs `account` in at `tenant` as a browser would: Mizan's login redirect, the provider's login and consent
   * forms (its development interactions), the callback. Returns the gateway's cookies and where it sent the browser.
   */
  async function signIn(tenant: string, account: string): Promise<Jar & { next?: string }> {
    const jars = { gateway: new Jar(), provider: new Jar() };
    const jarOf = (url: string) => (url.startsWith(issuer) ? jars.provider : jars.gateway);
    let url = `${fixture.gateway.origin}/auth/${tenant}/login`;
    let init: RequestInit = {};
    for (let step = 0; step < 12; step++) {
      const jar = jarOf(url);
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
      });
      jar.take(response);
      const location = response.headers.get('location');
      if (response.status === 303 && url.includes('/callback'))
        return Object.assign(jars.gateway, { next: location ?? undefined });
      if (location) {
        url = new URL(location, url).toString();
        init = {};
        continue;
      }
      const page = await response.text();
      assert.equal(response.status, 200, page);
      const action = page.match(/action="([^"]+)"/)?.[1];
      const prompt = page.match(/name="prompt" value="(\w+)"/)?.[1];
      assert.ok(action && prompt, `an interaction form: ${page.slice(0, 200)}`);
      url = new URL(action, url).toString();
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(
          prompt === 'login' ? { prompt, login: account, password: 'x' } : { prompt },
        ),
      };
    }
    throw new Error('the sign-in did not come back to the gateway');
  }

  const SESSION_COOKIE = '__Host-mizan_session';
  const cookieOf = (jar: Jar) => ({ cookie: `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}` });
  const sessionOf = async (jar: Jar) => {
    const r = await call('GET', '/auth/session', cookieOf(jar));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { subject: string; kind: string; roles: string[]; tenant: string; csrf_token: string };
  };
  const chat = (headers: Record<string, string>, user?: string) =>
    call('POST', '/v1/chat/completions', headers, {
      model: 'atlas',
      messages: [{ role: 'user', content: 'Quels documents pour renouveler ma carte ?' }],
      ...(user ? { user } : {}),
    });

  /** The headers of a browser's request that changes something: its cookie, and its session's CSRF token. */
  const unsafeOf = async (jar: Jar) => ({
    ...cookieOf(jar),
    'x-csrf-token': (await sessionOf(jar)).csrf_token,
  });
  const errorCode = (r: Reply) => (r.body.error as { code: string }).code;

  let citizen: Jar;
  let reviewer: Jar;
  let caseId: string;
  /** The audit ids of the citizen's own chat, and of an agent's chat for someone else. */
  let citizenFlow: string;
  let agentFlow: string;

  before(async () => {
    citizen = await signIn('ministry-test', CITIZEN_SUB);
    reviewer = await signIn('ministry-test', 'reviewer-1');
  });

  it('keeps the session in a Secure, HttpOnly, SameSite cookie, and names the citizen by a pseudonym', async () => {
    const login = await fetch(`${fixture.gateway.origin}/auth/ministry-test/login`, { redirect: 'manual' });
    const authorize = new URL(login.headers.get('location')!);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    for (const name of ['state', 'nonce', 'code_challenge']) assert.ok(authorize.searchParams.get(name));

    const set = citizen.received.find((line) => line.startsWith(`${SESSION_COOKIE}=`))!;
    for (const attribute of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/'])
      assert.ok(set.split('; ').includes(attribute), `${attribute} in ${set}`);

    const session = await sessionOf(citizen);
    assert.equal(session.kind, 'citizen');
    assert.deepEqual(session.roles, ['citizen']);
    assert.match(session.subject, /^ps_[0-9a-f]{32}$/);
    assert.ok(!JSON.stringify(session).includes(CITIZEN_SUB));
    const rows = await fixture.gateway.platform.database.db.selectFrom('sessions').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(CITIZEN_SUB), 'the provider sub is stored nowhere');
    assert.ok(!JSON.stringify(rows).includes(citizen.get(SESSION_COOKIE)!), 'only the token hash is stored');

    const again = await signIn('ministry-test', CITIZEN_SUB);
    assert.equal(again.next, '/app', "the browser goes to the tenant's page once signed in");
    assert.equal(
      (await sessionOf(again)).subject,
      session.subject,
      'the pseudonym is stable across sign-ins',
    );
  });

  it('gives the same person another pseudonym at another tenant (pairwise)', async () => {
    const elsewhere = await sessionOf(await signIn('ministry-other', CITIZEN_SUB));
    assert.notEqual(elsewhere.subject, (await sessionOf(citizen)).subject);
  });

  it('lets a signed-in citizen chat, the flow filed under their pseudonym only', async () => {
    const { subject, csrf_token } = await sessionOf(citizen);
    // The `user` a citizen names is not theirs to choose: their flows are always their own.
    const r = await chat({ ...cookieOf(citizen), 'x-csrf-token': csrf_token }, 'someone-else');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { platform, tenantId } = fixture.gateway;
    const auditId = (r.body.mizan as { audit_id: string }).audit_id;
    citizenFlow = auditId;
    const record = (await platform.audit.store.byId(auditId))!;
    assert.equal(record.dataSubject, platform.rights.subjects.identify(tenantId, subject));
    assert.ok(!JSON.stringify(record).includes(CITIZEN_SUB));
  });

  it('refuses a cookie request that changes something without the CSRF token, but not a Bearer one', async () => {
    const r = await chat(cookieOf(citizen));
    assert.equal(r.status, 403);
    assert.equal((r.body.error as { code: string }).code, 'csrf');
    const wrong = await chat({ ...cookieOf(citizen), 'x-csrf-token': 'forged' });
    assert.equal(wrong.status, 403);
    // An application's key is not sent by a browser on its own: a cookie alongside it changes nothing.
    const bearer = await chat({ ...cookieOf(citizen), authorization: `Bearer ${fixture.gateway.key}` });
    assert.equal(bearer.status, 200, JSON.stringify(bearer.body));
  });

  it('lets a reviewer signed in with the provider read the review queue', async () => {
    const session = await sessionOf(reviewer);
    assert.equal(session.kind, 'staff');
    assert.deepEqual(session.roles, ['reviewer']);
    const r = await call('GET', '/v1/oversight/reviews', cookieOf(reviewer));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const cases = r.body.data as Array<{ id: string; applicationId: string }>;
    assert.ok(cases.length > 0, 'the sampled answers are queued');
    assert.ok(cases.every((c) => c.applicationId === fixture.gateway.applicationId));
    caseId = cases[0]!.id;
  });

  it('lets an agent chat for the citizen they name, and no other staff', async () => {
    const agent = await signIn('ministry-test', 'agent-1');
    const session = await sessionOf(agent);
    assert.deepEqual([session.kind, session.roles], ['staff', ['agent']]);
    const r = await chat({ ...cookieOf(agent), 'x-csrf-token': session.csrf_token }, 'citizen-at-the-desk');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { platform, tenantId } = fixture.gateway;
    agentFlow = (r.body.mizan as { audit_id: string }).audit_id;
    const record = (await platform.audit.store.byId(agentFlow))!;
    assert.equal(record.dataSubject, platform.rights.subjects.identify(tenantId, 'citizen-at-the-desk'));

    const { csrf_token } = await sessionOf(reviewer);
    const refused = await chat({ ...cookieOf(reviewer), 'x-csrf-token': csrf_token });
    assert.equal(refused.status, 403);
    assert.equal((refused.body.error as { code: string }).code, 'chat_not_allowed');
  });

  it('refuses staff endpoints to a citizen', async () => {
    const r = await call('GET', '/v1/oversight/reviews', cookieOf(citizen));
    assert.equal(r.status, 403);
    assert.equal((r.body.error as { code: string }).code, 'staff_only');
  });

  it("keeps another tenant's staff out of this tenant's records", async () => {
    const other = await signIn('ministry-other', 'reviewer-other');
    const list = await call('GET', '/v1/oversight/reviews', cookieOf(other));
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.data, []);
    assert.equal((await call('GET', `/v1/oversight/reviews/${caseId}`, cookieOf(other))).status, 404);
    const useCase = await call(
      'GET',
      `/v1/oversight/applications/${fixture.gateway.applicationId}/use-case`,
      cookieOf(other),
    );
    assert.equal(useCase.status, 404);
  });

  it('lets a citizen fetch their held answer with their session, and no one else', async () => {
    const held = await call('POST', '/v1/chat/completions', await unsafeOf(citizen), {
      model: 'atlas',
      messages: [{ role: 'user', content: 'Je veux parler à un conseiller, svp.' }],
    });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const review = (held.body.mizan as { review: { case_id: string; status: string } }).review;
    assert.equal(review.status, 'pending');
    const path = `/v1/reviews/${review.case_id}`;

    const pending = await call('GET', path, cookieOf(citizen));
    assert.equal(pending.status, 200, JSON.stringify(pending.body));
    assert.equal(pending.body.status, 'pending');
    // Another citizen of the tenant, the same person signed in at another tenant, and staff: not found.
    for (const [tenant, account] of [
      ['ministry-test', NEIGHBOUR_SUB],
      ['ministry-other', CITIZEN_SUB],
      ['ministry-test', 'reviewer-1'],
    ] as const) {
      const other = await call('GET', path, cookieOf(await signIn(tenant, account)));
      assert.equal(other.status, 404, `${account} at ${tenant}`);
      assert.equal(errorCode(other), 'review_case_not_found');
    }

    const staff = await unsafeOf(reviewer);
    const claimed = await call('POST', `/v1/oversight/reviews/${review.case_id}/claim`, staff);
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    const approved = await call('POST', `/v1/oversight/reviews/${review.case_id}/approve`, staff, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    const outcome = await call('GET', path, cookieOf(citizen));
    assert.equal(outcome.status, 200, JSON.stringify(outcome.body));
    assert.equal(outcome.body.status, 'approved');
    assert.equal(typeof outcome.body.answer, 'string');
  });

  it('lets a citizen file an access request for themselves and follow it, and no one else', async () => {
    const { platform, tenantId } = fixture.gateway;
    const { subject } = await sessionOf(citizen);
    const dataSubject = platform.rights.subjects.identify(tenantId, subject);
    const filed = await call('POST', '/v1/subject-rights/requests', await unsafeOf(citizen), {
      kind: 'access',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.data_subject, dataSubject);
    assert.equal(filed.body.status, 'completed');
    const exported = filed.body.export as { data_subject: string; records: Array<{ id: string }> };
    assert.equal(exported.data_subject, dataSubject);
    const ids = exported.records.map((r) => r.id);
    assert.ok(ids.includes(citizenFlow), 'their chat is in their export');
    assert.ok(!ids.includes(agentFlow), "another person's chat is not");

    const path = `/v1/subject-rights/requests/${filed.body.id as string}`;
    const read = await call('GET', path, cookieOf(citizen));
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.deepEqual([read.body.kind, read.body.status], ['access', 'completed']);
    const list = await call('GET', '/v1/subject-rights/requests', cookieOf(citizen));
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const mine = list.body.data as Array<{ id: string; data_subject: string }>;
    assert.ok(mine.some((r) => r.id === filed.body.id));
    assert.ok(mine.every((r) => r.data_subject === dataSubject));

    const neighbour = await signIn('ministry-test', NEIGHBOUR_SUB);
    const theirs = await call('GET', path, cookieOf(neighbour));
    assert.equal(theirs.status, 404);
    assert.equal(errorCode(theirs), 'subject_request_not_found');
    const listed = await call('GET', '/v1/subject-rights/requests', cookieOf(neighbour));
    assert.deepEqual(listed.body.data, []);
    // Deciding on requests stays with the DPO.
    const refused = await call('POST', `${path}/refuse`, await unsafeOf(citizen), {
      reason: 'changed my mind',
    });
    assert.equal(refused.status, 403);
    assert.equal(errorCode(refused), 'staff_required');
  });

  it('lets a citizen object to the processing of their data, which then stops their chats', async () => {
    const objector = await signIn('ministry-test', NEIGHBOUR_SUB);
    const headers = await unsafeOf(objector);
    const filed = await call('POST', '/v1/subject-rights/requests', headers, { kind: 'opposition' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.deepEqual([filed.body.kind, filed.body.status], ['opposition', 'completed']);
    const refused = await chat(headers);
    assert.equal(refused.status, 403);
    assert.equal(errorCode(refused), 'subject_objected');
    assert.equal((await chat(await unsafeOf(citizen))).status, 200, 'another citizen chats on');
  });

  it('refuses a citizen a request for another subject, or without the CSRF token', async () => {
    const named = await call('POST', '/v1/subject-rights/requests', await unsafeOf(citizen), {
      kind: 'erasure',
      user: 'someone-else',
    });
    assert.equal(named.status, 400);
    assert.deepEqual(
      [errorCode(named), (named.body.error as { param: string }).param],
      ['unknown_parameter', 'user'],
    );
    const forged = await call('POST', '/v1/subject-rights/requests', cookieOf(citizen), { kind: 'erasure' });
    assert.equal(forged.status, 403);
    assert.equal(errorCode(forged), 'csrf');
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const start = await fetch(`${fixture.gateway.origin}/auth/ministry-test/login`, { redirect: 'manual' });
    const jar = new Jar();
    jar.take(start);
    const r = await call('GET', '/auth/ministry-test/callback?code=abc&state=forged', {
      cookie: jar.header(),
    });
    assert.equal(r.status, 401);
    assert.equal((r.body.error as { code: string }).code, 'invalid_sign_in_state');
  });

  it('refuses a session once it has expired', async () => {
    const jar = await signIn('ministry-test', CITIZEN_SUB);
    const { db } = fixture.gateway.platform.database;
    // The newest session is the one just opened.
    const { id } = await db
      .selectFrom('sessions')
      .select('id')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update sessions set expires_at = now() - interval '1 second' where id = ${id}`.execute(db);
    const r = await call('GET', '/auth/session', cookieOf(jar));
    assert.equal(r.status, 401);
    assert.equal((r.body.error as { code: string }).code, 'invalid_session');
  });

  it("ends the session at logout and sends the browser to the provider's logout", async () => {
    const jar = await signIn('ministry-test', CITIZEN_SUB);
    const { csrf_token } = await sessionOf(jar);
    assert.equal(
      (await call('POST', '/auth/logout', cookieOf(jar))).status,
      403,
      'logout needs the CSRF token',
    );
    const r = await call('POST', '/auth/logout', { ...cookieOf(jar), 'x-csrf-token': csrf_token });
    assert.equal(r.status, 303);
    assert.ok(r.headers.get('location')!.startsWith(`${issuer}/session/end`));
    assert.match(r.headers.getSetCookie().join('\n'), new RegExp(`${SESSION_COOKIE}=;`));
    assert.equal((await call('GET', '/auth/session', cookieOf(jar))).status, 401);
    assert.equal((await chat({ ...cookieOf(jar), 'x-csrf-token': csrf_token })).status, 401);
  });
});

describe('ID token validation', () => {
  const ISSUER = 'https://idp.example.ma';
  const CLIENT = 'mizan';
  const NONCE = 'the-nonce';
  let keys: ReturnType<typeof createLocalJWKSet>;
  let sign: (
    claims: Record<string, unknown>,
    options?: { expires?: string; other?: boolean },
  ) => Promise<string>;

  before(async () => {
    const mine = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('ES256');
    keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(mine.publicKey)), kid: 'k1', alg: 'ES256' }] });
    sign = (claims, options = {}) =>
      new SignJWT({ nonce: NONCE, ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer((claims.iss as string | undefined) ?? ISSUER)
        .setAudience((claims.aud as string | undefined) ?? CLIENT)
        .setSubject('sub-1')
        .setIssuedAt()
        .setExpirationTime(options.expires ?? '5m')
        .sign(options.other ? stranger.privateKey : mine.privateKey);
  });
  const validate = (token: string) =>
    validateIdToken(token, { issuer: ISSUER, clientId: CLIENT, nonce: NONCE, keys });
  const refused = async (token: Promise<string>, why: RegExp) =>
    assert.rejects(validate(await token), (error: { code: string; status: number; message: string }) => {
      assert.equal(error.code, 'invalid_id_token');
      assert.equal(error.status, 401);
      assert.match(error.message, why);
      return true;
    });

  it('accepts a token of this issuer, for this client, with this sign-in nonce', async () => {
    assert.equal((await validate(await sign({}))).sub, 'sub-1');
  });
  it('refuses a token for another audience', () => refused(sign({ aud: 'another-client' }), /"aud"/));
  it('refuses a token from another issuer', () => refused(sign({ iss: 'https://evil.example' }), /"iss"/));
  it("refuses a token with another sign-in's nonce", () => refused(sign({ nonce: 'replayed' }), /nonce/));
  it('refuses an expired token', () => refused(sign({}, { expires: '-10m' }), /expired/));
  it('refuses a token signed by another key', () =>
    refused(sign({}, { other: true }), /SIGNATURE_VERIFICATION_FAILED/));
});
