import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useUpstreamGateway } from '../support/gateway-harness.js';

const ADMIN_TOKEN = 'citizen-services-admin-token-0123456789';
const PHONE = '0612345678';
const CIN = 'AB123456';

type Json = Record<string, unknown>;

describe('citizen services: feedback on answers and hand-over to a person', () => {
  const fixture = useUpstreamGateway({
    security: { admin_token: ADMIN_TOKEN },
    web: { assistant: { tenant: 'ministry-test', application: 'assistant', guests: true } },
  });
  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
  };
  /** A guest of the web assistant, as the browser opens one; its session token is the cookie's value. */
  const guest = async () => {
    const opened = await call('POST', '/auth/ministry-test/guest', undefined, {});
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    return /mizan_session=([^;]+)/.exec(opened.headers.get('set-cookie') ?? '')![1]!;
  };
  const ask = async (token: string, content: string) => {
    fixture.upstream.enqueue({ content: 'Le guichet ouvre à 8 h 30.' });
    const answer = await call('POST', '/v1/chat/completions', token, {
      model: 'atlas',
      messages: [{ role: 'user', content }],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return (answer.body.mizan as { audit_id: string }).audit_id;
  };
  const staff = async (tenant: string, roles: string[]) => {
    const created = await call('POST', '/v1/oversight/staff', ADMIN_TOKEN, { tenant, name: roles[0], roles });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.token as string;
  };
  const people = {} as Record<'reviewer' | 'agent' | 'auditor' | 'otherReviewer', string>;

  before(async () => {
    people.reviewer = await staff('ministry-test', ['reviewer']);
    people.agent = await staff('ministry-test', ['agent']);
    people.auditor = await staff('ministry-test', ['auditor']);
    await fixture.gateway.platform.tenancy.createTenant({ name: 'other-ministry' });
    people.otherReviewer = await staff('other-ministry', ['reviewer']);
  });

  it('takes a citizen’s feedback with reasons, keeps the comment without its personal data, and counts it for staff', async () => {
    const citizen = await guest();
    const auditId = await ask(citizen, 'À quelle heure ouvre le guichet ?');
    const sent = await call('POST', '/v1/feedback', citizen, {
      audit_id: auditId,
      rating: 'not_helpful',
      reasons: ['incorrect', 'missing_source'],
      comment: `Faux, rappelez-moi au ${PHONE}, ma CIN est ${CIN}`,
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const liked = await call('POST', '/v1/feedback', fixture.gateway.key, {
      audit_id: await ask(fixture.gateway.key, 'Où est le guichet ?'),
      rating: 'helpful',
    });
    assert.equal(liked.status, 201, JSON.stringify(liked.body));

    const { db } = fixture.gateway.platform.database;
    const stored = await db
      .selectFrom('citizen_feedback')
      .select(['comment'])
      .where('id', '=', sent.body.id as string)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.comment!, new RegExp(`${PHONE}|${CIN}`));
    assert.match(stored.comment!, /⟦MA_PHONE⟧/);
    const audited = await fixture.gateway.platform.oversight.audit.list({ action: 'feedback.received' });
    assert.equal(audited.length, 2);
    assert.doesNotMatch(JSON.stringify(audited), new RegExp(`${PHONE}|${CIN}|rappelez`));

    const summary = await call('GET', '/v1/oversight/feedback', people.auditor);
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    assert.equal(summary.body.total, 2);
    assert.equal(summary.body.not_helpful, 1);
    assert.deepEqual(
      Object.entries(summary.body.by_reason as Json).filter(([, n]) => n !== 0),
      [
        ['incorrect', 1],
        ['missing_source', 1],
      ],
    );
    const [byApplication] = summary.body.by_application as Json[];
    assert.equal(byApplication!.application_id, fixture.gateway.applicationId);
    const elsewhere = await call('GET', '/v1/oversight/feedback', people.otherReviewer);
    assert.equal(elsewhere.body.total, 0);
    const notTheirs = await call(
      'GET',
      '/v1/oversight/feedback?application=' + fixture.gateway.applicationId,
      people.otherReviewer,
    );
    assert.equal(notTheirs.status, 404);
  });

  it('refuses feedback on another person’s answer, reasons with a helpful rating, and unknown reasons', async () => {
    const someone = await guest();
    const theirAnswer = await ask(someone, 'À quelle heure ouvre le guichet ?');
    const intruder = await guest();
    const other = await call('POST', '/v1/feedback', intruder, { audit_id: theirAnswer, rating: 'helpful' });
    assert.equal(other.status, 404);
    assert.equal((other.body.error as Json).code, 'answer_not_found');
    const mixed = await call('POST', '/v1/feedback', someone, {
      audit_id: theirAnswer,
      rating: 'helpful',
      reasons: ['unclear'],
    });
    assert.equal((mixed.body.error as Json).code, 'reasons_for_helpful');
    const unknown = await call('POST', '/v1/feedback', someone, {
      audit_id: theirAnswer,
      rating: 'not_helpful',
      reasons: ['boring'],
    });
    assert.equal(unknown.status, 400);
    const anonymous = await call('POST', '/v1/feedback', undefined, {
      audit_id: theirAnswer,
      rating: 'helpful',
    });
    assert.equal(anonymous.status, 401);
  });

  it('hands a citizen over to a person with a reference and the administration to contact; staff list and close it', async () => {
    const citizen = await guest();
    const auditId = await ask(citizen, 'Quels papiers pour le guichet ?');
    const opened = await call('POST', '/v1/handoffs', citizen, {
      audit_id: auditId,
      reason: 'complex_case',
      message: `Appelez-moi au ${PHONE}`,
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    assert.match(opened.body.reference as string, /^H-[0-9A-Z]{8}$/);
    assert.match(opened.body.notice as string, /parler à une personne/);
    assert.deepEqual(opened.body.contact, { name: 'Ministère de test', address: null });
    assert.doesNotMatch(JSON.stringify(opened.body), new RegExp(PHONE));

    assert.equal((await call('GET', '/v1/oversight/handoffs', citizen)).status, 403);
    assert.equal((await call('GET', '/v1/oversight/handoffs', people.auditor)).status, 403);
    const queue = await call('GET', '/v1/oversight/handoffs?status=open', people.agent);
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    const listed = (queue.body.data as Json[]).find((h) => h.id === opened.body.id)!;
    assert.equal(listed.reason, 'complex_case');
    assert.equal(listed.audit_id, auditId);
    assert.equal(listed.message, 'Appelez-moi au ⟦MA_PHONE⟧');
    assert.deepEqual((await call('GET', '/v1/oversight/handoffs', people.otherReviewer)).body.data, []);

    const path = `/v1/oversight/handoffs/${opened.body.id as string}/close`;
    assert.equal((await call('POST', path, people.otherReviewer, {})).status, 404);
    const closed = await call('POST', path, people.reviewer, { resolution: 'Rappelé' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    const again = await call('POST', path, people.reviewer, {});
    assert.equal(again.status, 409);
    const actions = (
      await fixture.gateway.platform.oversight.audit.list({ subject: opened.body.id as string })
    ).map((e) => e.action);
    assert.deepEqual(actions, ['handoff.opened', 'handoff.closed']);
  });

  it('opens a hand-over without an answer for an application’s key, and none for an unknown answer or without a reason', async () => {
    const general = await call('POST', '/v1/handoffs', fixture.gateway.key, { reason: 'prefer_human' });
    assert.equal(general.status, 201, JSON.stringify(general.body));
    assert.equal(general.body.audit_id, null);
    const unknown = await call('POST', '/v1/handoffs', fixture.gateway.key, {
      reason: 'prefer_human',
      audit_id: 'no-such-answer',
    });
    assert.equal(unknown.status, 404);
    const missingReason = await call('POST', '/v1/handoffs', fixture.gateway.key, {});
    assert.equal(missingReason.status, 400);
  });
});
