import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startGateway, type Gateway } from '../support/gateway-harness.js';

interface Session {
  kind: string;
  subject: string;
  roles: string[];
  csrf_token: string;
}

/** The session cookie a response sets, as the browser would send it back. */
const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';

const openGuest = (gateway: Gateway, tenant: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.origin}/auth/${tenant}/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('web interface: guest sessions of the public assistant', () => {
  let gateway: Gateway;
  before(async () => {
    gateway = await startGateway({
      web: { assistant: { tenant: 'ministry-test', application: 'assistant' } },
      identity: { secure_cookies: false },
      providers: [{ id: 'builtin', type: 'extractive' }],
      models: [{ id: 'atlas', provider: 'builtin' }],
    });
  });
  after(() => gateway.close());

  test('a visitor opens an anonymous citizen session and chats with the assistant through its cookie', async () => {
    const opened = await openGuest(gateway, 'ministry-test');
    assert.equal(opened.status, 201);
    const session = (await opened.json()) as Session;
    assert.equal(session.kind, 'citizen');
    assert.deepEqual(session.roles, ['citizen']);
    assert.match(session.subject, /^ps_guest_[A-Za-z0-9_-]{20,}$/);
    const cookie = cookieOf(opened);
    assert.match(cookie, /^mizan_session=mzid_/);
    assert.match(opened.headers.get('set-cookie') ?? '', /HttpOnly/i);

    const chat = (headers: Record<string, string>) =>
      fetch(`${gateway.origin}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'Bonjour' }] }),
      });
    // The cookie alone cannot change anything: another site could make the browser send it.
    const forged = await chat({});
    assert.equal(forged.status, 403);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'csrf');
    const answered = await chat({ 'x-csrf-token': session.csrf_token });
    assert.equal(answered.status, 200);

    // Its flow is recorded under the guest's pseudonym, for the assistant's application.
    const { platform, tenantId } = gateway;
    const { mizan } = (await answered.json()) as { mizan: { audit_id: string } };
    const record = (await platform.audit.store.byId(mizan.audit_id))!;
    assert.equal(record.applicationId, gateway.applicationId);
    assert.equal(record.dataSubject, platform.rights.subjects.identify(tenantId, session.subject));
  });

  test('each guest session is a different person; a new one ends the one the browser held', async () => {
    const first = await openGuest(gateway, 'ministry-test');
    const firstSession = (await first.json()) as Session;
    const second = await openGuest(gateway, 'ministry-test', { cookie: cookieOf(first) });
    const secondSession = (await second.json()) as Session;
    assert.notEqual(firstSession.subject, secondSession.subject);
    const old = await fetch(`${gateway.origin}/auth/session`, { headers: { cookie: cookieOf(first) } });
    assert.equal(old.status, 401);
  });

  test('only the assistant’s tenant takes guests, and only by a JSON request', async () => {
    const other = await gateway.platform.tenancy.createTenant({ name: 'other-ministry' });
    const refused = await openGuest(gateway, other.name);
    assert.equal(refused.status, 404);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'guests_not_allowed');
    const form = await fetch(`${gateway.origin}/auth/ministry-test/guest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    assert.equal(form.status, 400);
    assert.equal(form.headers.get('set-cookie'), null);
  });

  test('the pages say what they need before sign-in, and nothing more', async () => {
    const settings = (await (await fetch(`${gateway.origin}/web/settings`)).json()) as Record<
      string,
      unknown
    >;
    assert.deepEqual(settings, {
      object: 'mizan.web_settings',
      assistant: { tenant: 'ministry-test', guests: true },
      sign_in: [],
    });
  });
});

describe('web interface: configuration', () => {
  test('with guests off, no session is opened and the assistant asks to sign in', async () => {
    const gateway = await startGateway({
      web: { assistant: { tenant: 'ministry-test', application: 'assistant', guests: false } },
    });
    try {
      const refused = await openGuest(gateway, 'ministry-test');
      assert.equal(refused.status, 404);
      const settings = (await (await fetch(`${gateway.origin}/web/settings`)).json()) as {
        assistant: { guests: boolean };
      };
      assert.equal(settings.assistant.guests, false);
    } finally {
      await gateway.close();
    }
  });

  test('an interface that is not built answers a clear 503, and `web.enabled: false` serves no page', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mizan-web-'));
    const unbuilt = await startGateway({ web: { dist_dir: empty } });
    const disabled = await startGateway({ web: { enabled: false } });
    try {
      const page = await fetch(`${unbuilt.origin}/review`);
      assert.equal(page.status, 503);
      assert.equal(((await page.json()) as { error: { code: string } }).error.code, 'web_not_built');
      assert.equal((await fetch(`${disabled.origin}/`)).status, 404);
      assert.equal((await fetch(`${disabled.origin}/web/settings`)).status, 404);
      assert.equal((await openGuest(disabled, 'ministry-test')).status, 404);
    } finally {
      await unbuilt.close();
      await disabled.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
