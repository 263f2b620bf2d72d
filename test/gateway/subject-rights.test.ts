import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { subjectRef } from '../../src/privacy/subject-ref.js';
import { deriveTenantKey, resolveVaultMasterKey } from '../../src/privacy/vault-crypto.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';

const ADMIN_TOKEN = 'rights-admin-token-0123456789abcdef';
const DAY_MS = 86_400_000;
const CITIZEN = 'oidc-sub-123';
const NEIGHBOUR = 'oidc-sub-999';
const PHONE = '0612345678';
const NEIGHBOUR_PHONE = '0698765432';

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}
interface ExportBody {
  data_subject: string;
  records: Array<{ id: string; action: string; kind: string; content_state: string; content: unknown }>;
  conversations: Array<{ id: string; entries: Array<{ type: string; value: string }> }>;
}

describe('data-subject rights over HTTP', () => {
  const fixture = useUpstreamGateway({ security: { admin_token: ADMIN_TOKEN } });
  const call = async (
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const code = (r: Reply) => (r.body.error as { code: string }).code;
  const chat = (user: string, content: string, conversation?: string) =>
    call(
      'POST',
      '/v1/chat/completions',
      appKey,
      { model: 'atlas', user, messages: [{ role: 'user', content }] },
      conversation ? { 'x-mizan-conversation-id': conversation } : {},
    );
  const served = async (user: string, content: string, conversation?: string) => {
    const r = await chat(user, content, conversation);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return (r.body.mizan as { audit_id: string }).audit_id;
  };
  const file = (token: string, body: unknown) => call('POST', '/v1/subject-rights/requests', token, body);
  /** How the tenant's storage names a person: what their records carry instead of their login. */
  const ref = (user: string) => {
    const master = resolveVaultMasterKey({ env: {}, dataDir: fixture.gateway.platform.config.data_dir });
    return subjectRef(deriveTenantKey(master, tenantId, 'subject'), user);
  };
  const contentRows = (dataSubject: string) =>
    fixture.gateway.platform.database.db
      .selectFrom('audit_contents')
      .selectAll()
      .where('data_subject', '=', dataSubject)
      .execute();

  let tenantId: string;
  let applicationId: string;
  let appKey: string;
  const staff = {} as Record<'dpo' | 'admin' | 'reviewer' | 'otherDpo', string>;

  before(async () => {
    const { platform } = fixture.gateway;
    const member = async (tenant: string, name: string, roles: string[]) => {
      const r = await call('POST', '/v1/oversight/staff', ADMIN_TOKEN, { tenant, name, roles });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.token as string;
    };
    const tenant = await platform.tenancy.createTenant({ name: 'commune-rabat' });
    await platform.tenancy.createTenant({ name: 'commune-fes' });
    tenantId = tenant.id;
    staff.dpo = await member('commune-rabat', 'DPO', ['dpo']);
    staff.admin = await member('commune-rabat', 'Admin', ['tenant_admin']);
    staff.reviewer = await member('commune-rabat', 'Reviewer', ['reviewer']);
    staff.otherDpo = await member('commune-fes', 'Other DPO', ['dpo']);
    // An application whose register keeps the content of its flows (encrypted) for 30 days.
    const application = await platform.tenancy.createApplication({ tenantId, name: 'guichet' });
    await commission(platform, application.id, {
      useCase: { ...MINIMAL_USE_CASE, retain_content: true, retention_days: 30 },
    });
    applicationId = application.id;
    appKey = (await platform.tenancy.createKey({ applicationId })).key;

    await served(CITIZEN, `Bonjour, mon numéro est ${PHONE}, où en est mon dossier ?`, 'conv-citizen');
    await served(CITIZEN, `Vous pouvez me rappeler au ${PHONE} demain.`, 'conv-citizen');
    await served(NEIGHBOUR, `Mon numéro est ${NEIGHBOUR_PHONE}.`, 'conv-neighbour');
  });

  it('names the person in their flow records by a keyed pseudonym, never by their login', async () => {
    const records = await fixture.gateway.platform.audit.store.list({
      tenantId,
      dataSubject: ref(CITIZEN),
      kind: 'flow',
    });
    assert.equal(records.length, 2);
    assert.doesNotMatch(JSON.stringify(records), new RegExp(`${CITIZEN}|${PHONE}`));
    assert.equal((await contentRows(ref(CITIZEN))).length, 2, 'the flow audit keeps their content rows');
  });

  it('exports a person’s records, kept content and conversation values, and nothing of anyone else', async () => {
    const r = await file(appKey, { user: CITIZEN, kind: 'access' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.status, 'completed');
    assert.equal(r.body.kind, 'access');
    assert.equal(r.body.application_id, applicationId);
    assert.equal(r.body.data_subject, ref(CITIZEN));
    assert.equal(
      new Date(r.body.due_at as string).getTime() - new Date(r.body.received_at as string).getTime(),
      10 * DAY_MS,
    );
    const exported = r.body.export as ExportBody;
    const flows = exported.records.filter((record) => record.kind === 'flow');
    assert.equal(flows.length, 2);
    assert.ok(flows.every((record) => record.content_state === 'kept'));
    assert.match(JSON.stringify(flows[0]!.content), new RegExp(PHONE), 'the content as they sent it');
    assert.deepEqual(
      exported.conversations.map((c) => [c.id, c.entries.map((e) => [e.type, e.value])]),
      [['conv-citizen', [['MA_PHONE', PHONE]]]],
    );
    const text = JSON.stringify(r.body);
    assert.doesNotMatch(text, new RegExp(`${NEIGHBOUR_PHONE}|conv-neighbour|${ref(NEIGHBOUR)}`));
    assert.equal(r.headers.get('cache-control'), 'no-store', 'an export is personal data: never cached');

    // The request and its answer are in the audit log, with counts and no personal value.
    const events = await fixture.gateway.platform.audit.store.list({
      kind: 'rights',
      subject: r.body.id as string,
    });
    assert.deepEqual(
      events.map((e) => e.action),
      ['subject_request.received', 'subject_request.completed'],
    );
    assert.ok(events.every((e) => e.dataSubject === ref(CITIZEN)));
    assert.doesNotMatch(JSON.stringify(events), new RegExp(`${PHONE}|${CITIZEN}`));
  });

  it('refuses the requests of a person who objected, in their language, and serves everyone else', async () => {
    const r = await file(appKey, { user: CITIZEN, kind: 'opposition' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.status, 'completed');
    const objectionId = (r.body.outcome as { objection_id: string }).objection_id;

    const refused = await chat(
      CITIZEN,
      'Bonjour, je voudrais renouveler mon passeport, que faut-il ?',
      'conv-citizen',
    );
    assert.equal(refused.status, 403);
    assert.equal(code(refused), 'subject_objected');
    assert.match((refused.body.error as { message: string }).message, /opposé/);
    // The refusal is in the log, under the person it concerns.
    const refusals = await fixture.gateway.platform.audit.log.list({
      dataSubject: ref(CITIZEN),
      kind: 'flow',
      outcome: 'refused',
    });
    assert.ok(refusals.some((e) => (e.detail as { error?: string }).error === 'subject_objected'));
    await served(NEIGHBOUR, 'Bonjour, quels sont vos horaires ?');

    const objections = await call('GET', '/v1/subject-rights/objections?active=true', staff.dpo);
    assert.equal(objections.status, 200);
    assert.deepEqual(
      (objections.body.data as Array<{ id: string }>).map((o) => o.id),
      [objectionId],
    );
    const lifted = await call('POST', `/v1/subject-rights/objections/${objectionId}/lift`, staff.dpo);
    assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
    await served(CITIZEN, 'Bonjour, quels sont vos horaires ?');
  });

  it('refuses, as bad input, a `user` that is personal data rather than a login subject', async () => {
    for (const user of ['BK482913', 'citoyen@example.ma', 'x'.repeat(257)]) {
      const r = await chat(user, 'Bonjour');
      assert.equal(r.status, 400, user);
      assert.equal(code(r), 'invalid_user');
      assert.doesNotMatch(JSON.stringify(r.body), /BK482913|citoyen@example/, 'the value is not echoed');
      assert.equal(code(await file(appKey, { user, kind: 'access' })), 'invalid_user');
    }
  });

  it('erases a person’s contents, vault entries and review text, keeping their audit records', async () => {
    const { platform } = fixture.gateway;
    const subject = ref(CITIZEN);
    const before = await platform.audit.store.list({ tenantId, dataSubject: subject, kind: 'flow' });
    const r = await file(appKey, { user: CITIZEN, kind: 'erasure' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.status, 'completed');
    const outcome = r.body.outcome as { contents: number; vault_entries: number };
    // Three served flows, and the refused one (after the objection) whose commitments' salt is erased too.
    assert.equal(outcome.contents, 4);
    assert.equal(outcome.vault_entries, 1);

    assert.deepEqual(await contentRows(subject), []);
    const entries = await platform.database.db
      .selectFrom('vault_entries')
      .select('token')
      .where('conversation_id', '=', 'conv-citizen')
      .execute();
    assert.deepEqual(entries, []);
    const after = await platform.audit.store.list({ tenantId, dataSubject: subject, kind: 'flow' });
    assert.deepEqual(
      after.map((e) => e.id),
      before.map((e) => e.id),
      'the records stay, with their subject',
    );
    assert.equal((await contentRows(ref(NEIGHBOUR))).length, 2, 'someone else’s content stays');

    const again = await file(appKey, { user: CITIZEN, kind: 'access' });
    const exported = again.body.export as ExportBody;
    assert.ok(exported.records.filter((e) => e.kind === 'flow').every((e) => e.content_state === 'erased'));
    assert.deepEqual(exported.conversations, []);
    assert.doesNotMatch(JSON.stringify(again.body), new RegExp(PHONE));
  });

  it('refuses an erasure while a legal hold covers the person, and performs it once lifted', async () => {
    await served('oidc-sub-456', 'Mon numéro est 0655555555.', 'conv-held');
    const hold = await call('POST', '/v1/legal-holds', staff.dpo, {
      user: 'oidc-sub-456',
      reason: 'Contentieux en cours',
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));
    assert.equal(hold.body.data_subject, ref('oidc-sub-456'));

    const refused = await file(appKey, { user: 'oidc-sub-456', kind: 'erasure' });
    assert.equal(refused.status, 201);
    assert.equal(refused.body.status, 'refused');
    assert.equal(refused.body.reason, 'legal_hold');
    assert.equal((await contentRows(ref('oidc-sub-456'))).length, 1, 'nothing erased');

    const lifted = await call('POST', `/v1/legal-holds/${hold.body.id as string}/lift`, staff.admin);
    assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
    const erased = await file(appKey, { user: 'oidc-sub-456', kind: 'erasure' });
    assert.equal(erased.body.status, 'completed');
    assert.deepEqual(await contentRows(ref('oidc-sub-456')), []);
  });

  it('rectifies the values it holds at once and leaves the rest to the DPO, with its deadline', async () => {
    await served('oidc-sub-789', 'Mon numéro est 0661616161.', 'conv-rectify');
    const applied = await file(appKey, {
      user: 'oidc-sub-789',
      kind: 'rectification',
      corrections: [{ type: 'MA_PHONE', from: '06 61 61 61 61', to: '0662626262' }],
    });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal(applied.body.status, 'completed');
    const exported = (await file(appKey, { user: 'oidc-sub-789', kind: 'access' })).body.export as ExportBody;
    assert.deepEqual(
      exported.conversations[0]!.entries.map((e) => e.value),
      ['0662626262'],
    );

    const pending = await file(staff.dpo, {
      user: 'oidc-sub-789',
      application: applicationId,
      kind: 'rectification',
      corrections: [{ type: 'EMAIL', from: 'old@example.ma', to: 'new@example.ma' }],
    });
    assert.equal(pending.status, 201, JSON.stringify(pending.body));
    assert.equal(pending.body.status, 'received');
    assert.deepEqual((pending.body.outcome as { unmatched: number[] }).unmatched, [0]);
    const id = pending.body.id as string;

    const listed = await call(
      'GET',
      '/v1/subject-rights/requests?status=received&kind=rectification',
      staff.admin,
    );
    assert.equal(listed.status, 200);
    assert.ok((listed.body.data as Array<{ id: string }>).some((r) => r.id === id));
    const shown = await call('GET', `/v1/subject-rights/requests/${id}`, staff.dpo);
    assert.deepEqual(shown.body.corrections, [
      { type: 'EMAIL', from: 'old@example.ma', to: 'new@example.ma' },
    ]);

    assert.equal(await fixture.gateway.platform.rights.alertDue(new Date(Date.now() + 9 * DAY_MS)), 1);
    assert.equal(
      await fixture.gateway.platform.rights.alertDue(new Date(Date.now() + 9 * DAY_MS)),
      0,
      'alerted once',
    );

    assert.equal(
      code(await call('POST', `/v1/subject-rights/requests/${id}/refuse`, staff.dpo, {})),
      'missing_required_parameter',
    );
    assert.equal(
      (await call('POST', `/v1/subject-rights/requests/${id}/complete`, staff.admin, {})).status,
      403,
    );
    const refused = await call('POST', `/v1/subject-rights/requests/${id}/refuse`, staff.dpo, {
      reason: 'Adresse inconnue de nos services',
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    assert.equal(refused.body.status, 'refused');
    assert.equal(
      code(await call('POST', `/v1/subject-rights/requests/${id}/complete`, staff.dpo, {})),
      'subject_request_closed',
    );
  });

  it('keeps each tenant’s requests to its own staff, and to its DPO the handling of them', async () => {
    const filed = await file(appKey, { user: 'oidc-sub-321', kind: 'access' });
    const id = filed.body.id as string;
    const other = await call('GET', `/v1/subject-rights/requests/${id}`, staff.otherDpo);
    assert.equal(other.status, 404);
    assert.equal(code(other), 'subject_request_not_found');
    assert.equal(
      (await call('GET', `/v1/subject-rights/requests/${id}`, appKey)).status,
      200,
      'the application that filed it',
    );
    assert.equal(code(await call('GET', '/v1/subject-rights/requests', staff.reviewer)), 'role_required');
    assert.equal(code(await call('GET', '/v1/subject-rights/requests', ADMIN_TOKEN)), 'staff_required');
    assert.equal(code(await file(staff.reviewer, { user: 'oidc-sub-321', kind: 'access' })), 'role_required');
    assert.equal(
      code(await file(staff.otherDpo, { user: 'x', kind: 'access', application: applicationId })),
      'application_not_found',
    );
    assert.equal((await call('GET', '/v1/subject-rights/requests', undefined)).status, 401);
    assert.equal(code(await file(appKey, { user: 'oidc-sub-321', kind: 'forget-me' })), 'invalid_value');
    assert.equal(code(await file(appKey, { kind: 'access' })), 'missing_required_parameter');
    assert.equal(
      code(await file(appKey, { user: 'oidc-sub-321', kind: 'access', application: applicationId })),
      'unknown_parameter',
    );
    assert.equal(
      code(await file(appKey, { user: 'oidc-sub-321', kind: 'rectification' })),
      'corrections_required',
    );
  });

  it('purges content past the declared retention, except under a legal hold, and records the run', async () => {
    const { platform } = fixture.gateway;
    await served('oidc-sub-old', 'Ancienne question', 'conv-old');
    await served('oidc-sub-kept', 'Ancienne question aussi', 'conv-kept');
    const fresh = await served('oidc-sub-new', 'Question récente');
    // Age the rows as if written 40 days ago (the register keeps 30).
    const old = new Date(Date.now() - 40 * DAY_MS);
    await sql`update audit_contents set created_at = ${old}
              where data_subject in (${ref('oidc-sub-old')}, ${ref('oidc-sub-kept')})`.execute(
      platform.database.db,
    );
    const hold = await call('POST', '/v1/legal-holds', staff.admin, {
      user: 'oidc-sub-kept',
      application: applicationId,
      reason: 'Réquisition judiciaire',
    });
    assert.equal(hold.status, 201, JSON.stringify(hold.body));

    const report = await platform.rights.retention.runOnce(new Date());
    assert.ok(report.applications[applicationId]!.contents >= 1);
    assert.deepEqual(await contentRows(ref('oidc-sub-old')), []);
    assert.equal((await contentRows(ref('oidc-sub-kept'))).length, 1, 'held');
    assert.ok(
      await platform.database.db
        .selectFrom('audit_contents')
        .select('record_id')
        .where('record_id', '=', fresh)
        .executeTakeFirst(),
    );
    const runs = await platform.audit.store.list({ action: 'retention.run' });
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.kind, 'retention');
    assert.deepEqual(
      (runs[0]!.detail.applications as Record<string, { contents: number }>)[applicationId]!.contents,
      report.applications[applicationId]!.contents,
    );
    assert.ok(
      (await platform.audit.store.list({ tenantId, dataSubject: ref('oidc-sub-old'), kind: 'flow' }))
        .length === 1,
      'records are never deleted',
    );
  });
});
