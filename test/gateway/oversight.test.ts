import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { HEALTH_ANSWERS, HEALTH_USE_CASE, TEST_PACK } from '../support/oversight-fixtures.js';

const ADMIN_TOKEN = 'oversight-admin-token-0123456789abcdef';

interface ErrorBody {
  error: { code: string; message: string; type: string };
}

const PROHIBITED_ANSWERS = { ...HEALTH_ANSWERS, use: 'social_scoring' };

describe('human oversight, end to end', () => {
  const fixture = useUpstreamGateway({ security: { admin_token: ADMIN_TOKEN } });
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
  const ask = (key: string, content: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/v1/chat/completions', key, {
      model: 'atlas',
      messages: [{ role: 'user', content }],
      ...extra,
    });
  const errorCode = (r: { body: unknown }) => (r.body as ErrorBody).error.code;

  const people = {} as Record<
    'admin' | 'dpo' | 'reviewer' | 'reviewer2' | 'auditor' | 'otherReviewer',
    string
  >;
  let tenantId: string;
  let appId: string;
  let key: string;

  before(async () => {
    const { platform } = fixture.gateway;
    const tenant = await platform.tenancy.createTenant({ name: 'sante' });
    tenantId = tenant.id;
    const other = await platform.tenancy.createTenant({ name: 'education' });
    const staff = async (tenant: string, name: string, roles: string[]) => {
      const r = await call('POST', '/v1/oversight/staff', ADMIN_TOKEN, { tenant, name, roles });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return (r.body as { token: string }).token;
    };
    people.admin = await staff('sante', 'Admin', ['tenant_admin']);
    people.dpo = await staff('sante', 'DPO', ['dpo']);
    people.reviewer = await staff('sante', 'Dr Reviewer', ['reviewer']);
    people.reviewer2 = await staff('sante', 'Second reviewer', ['reviewer']);
    people.auditor = await staff('sante', 'Auditor', ['auditor']);
    people.otherReviewer = await staff(other.id, 'Reviewer elsewhere', ['reviewer']);
    const app = await platform.tenancy.createApplication({ tenantId, name: 'orientation-sante' });
    appId = app.id;
    key = (await platform.tenancy.createKey({ applicationId: appId })).key;
  });

  it('refuses an unregistered application, then an unassessed one, with clear errors', async () => {
    const unregistered = await ask(key, 'Bonjour');
    assert.equal(unregistered.status, 403);
    assert.equal(errorCode(unregistered), 'use_case_not_registered');
    assert.equal(fixture.upstream.requests.length, 0);

    const registered = await call(
      'PUT',
      `/v1/oversight/applications/${appId}/use-case`,
      people.admin,
      HEALTH_USE_CASE,
    );
    assert.equal(registered.status, 200, JSON.stringify(registered.body));
    const unassessed = await ask(key, 'Bonjour');
    assert.equal(unassessed.status, 403);
    assert.equal(errorCode(unassessed), 'risk_assessment_missing');
  });

  it('refuses a register entry that contradicts the law, and lets no reviewer write it', async () => {
    const declared = await call('PUT', `/v1/oversight/applications/${appId}/use-case`, people.admin, {
      ...HEALTH_USE_CASE,
      cndp: { regime: 'declaration', reference: 'D-4/2026', status: 'granted' },
    });
    assert.equal(declared.status, 422);
    assert.equal(errorCode(declared), 'cndp_authorisation_required');
    const byReviewer = await call(
      'PUT',
      `/v1/oversight/applications/${appId}/use-case`,
      people.reviewer,
      HEALTH_USE_CASE,
    );
    assert.equal(byReviewer.status, 403);
    assert.equal(errorCode(byReviewer), 'role_required');
    const elsewhere = await call('GET', `/v1/oversight/applications/${appId}/use-case`, people.otherReviewer);
    assert.equal(elsewhere.status, 404);
  });

  it('scores the assessment as high risk, rejects an incomplete one, and needs the DPO to sign it once', async () => {
    const incomplete = await call('POST', `/v1/oversight/applications/${appId}/assessments`, people.admin, {
      answers: { use: 'health_triage' },
    });
    assert.equal(incomplete.status, 422);
    assert.equal(errorCode(incomplete), 'questionnaire_incomplete');

    const submitted = await call('POST', `/v1/oversight/applications/${appId}/assessments`, people.admin, {
      answers: HEALTH_ANSWERS,
    });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const assessment = submitted.body as { id: string; tier: string };
    assert.equal(assessment.tier, 'high');

    const unsigned = await ask(key, 'Bonjour');
    assert.equal(errorCode(unsigned), 'risk_assessment_not_signed');

    const byAdmin = await call(
      'POST',
      `/v1/oversight/applications/${appId}/assessments/${assessment.id}/sign`,
      people.admin,
    );
    assert.equal(byAdmin.status, 403);
    const signed = await call(
      'POST',
      `/v1/oversight/applications/${appId}/assessments/${assessment.id}/sign`,
      people.dpo,
    );
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    const twice = await call(
      'POST',
      `/v1/oversight/applications/${appId}/assessments/${assessment.id}/sign`,
      people.dpo,
    );
    assert.equal(twice.status, 409);
    assert.equal(errorCode(twice), 'assessment_already_signed');

    const notPromoted = await ask(key, 'Bonjour');
    assert.equal(notPromoted.status, 403);
    assert.equal(errorCode(notPromoted), 'application_not_in_production');
  });

  it('blocks promotion until a sandbox has closed with its report and a model has passed assurance', async () => {
    const blocked = await call('POST', `/v1/oversight/applications/${appId}/promote`, people.admin);
    assert.equal(blocked.status, 409);
    assert.equal(errorCode(blocked), 'promotion_blocked');
    assert.match((blocked.body as ErrorBody).error.message, /sandbox_closing_report/);
    assert.match((blocked.body as ErrorBody).error.message, /assurance_report_passed/);
  });

  it('runs a sandbox that refuses real personal data, counts its quota and closes with a report', async () => {
    const opened = await call('POST', `/v1/oversight/applications/${appId}/sandboxes`, people.admin, {
      purpose: 'Try orientation answers with synthetic questions',
      ends_at: new Date(Date.now() + 86_400_000).toISOString(),
      max_requests: 3,
      max_tokens: 100_000,
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const sandbox = opened.body as { id: string; key: string };

    const personal = await ask(sandbox.key, 'Mon numéro est le 0612345678, rappelez-moi.');
    assert.equal(personal.status, 422);
    assert.equal(errorCode(personal), 'sandbox_personal_data');
    assert.equal(fixture.upstream.requests.length, 0, 'nothing was sent to a model');

    fixture.upstream.enqueue({ content: 'Les urgences sont ouvertes jour et nuit.' });
    const synthetic = await ask(sandbox.key, 'Où se trouvent les urgences les plus proches ?');
    assert.equal(synthetic.status, 200, JSON.stringify(synthetic.body));
    const mizan = (
      synthetic.body as { mizan: { oversight: { sandbox: boolean; risk_tier: string; notice: string } } }
    ).mizan;
    assert.equal(mizan.oversight.sandbox, true);
    assert.equal(mizan.oversight.risk_tier, 'high');
    assert.match(mizan.oversight.notice, /A-12\/2026/);

    const third = await ask(sandbox.key, 'Bonjour');
    assert.equal(third.status, 200);
    const spent = await ask(sandbox.key, 'Bonjour');
    assert.equal(spent.status, 429);
    assert.equal(errorCode(spent), 'sandbox_quota_exhausted');

    const closed = await call('POST', `/v1/oversight/sandboxes/${sandbox.id}/close`, people.admin, {
      tested: 'Orientation questions in French; refusal of personal data',
      incidents: [{ title: 'None serious', severity: 'low', description: 'Answers held for grounding' }],
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const report = (
      closed.body as { report: { metrics: { requests: number; refusals: Record<string, number> } } }
    ).report;
    assert.ok(report.metrics.requests >= 3);
    assert.equal(report.metrics.refusals.sandbox_personal_data, 1);
    const afterClose = await ask(sandbox.key, 'Bonjour');
    assert.equal(afterClose.status, 401, 'the sandbox key is revoked with the sandbox');
  });

  it('promotes once a model is approved for the high tier and passes an assurance run', async () => {
    const byStaff = await call('POST', '/v1/oversight/models/atlas/approvals', people.admin, {
      tier: 'high',
    });
    assert.equal(byStaff.status, 403);
    const approved = await call('POST', '/v1/oversight/models/atlas/approvals', ADMIN_TOKEN, {
      tier: 'high',
      evaluation_reports: [{ id: 'assure-2026-11-atlas', passed: true }],
    });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    const again = await call('POST', '/v1/oversight/models/atlas/approvals', ADMIN_TOKEN, { tier: 'high' });
    assert.equal(again.status, 409);
    const unassured = await call('POST', `/v1/oversight/applications/${appId}/promote`, people.admin);
    assert.equal(errorCode(unassured), 'promotion_blocked');
    assert.match((unassured.body as ErrorBody).error.message, /assurance_report_passed/);

    const run = await call('POST', '/v1/oversight/assurance/runs', people.dpo, {
      pack: TEST_PACK,
      application: appId,
      model: 'atlas',
      wait: true,
    });
    assert.equal(run.status, 201, JSON.stringify(run.body));
    assert.equal((run.body as { passed: boolean }).passed, true);
    const promoted = await call('POST', `/v1/oversight/applications/${appId}/promote`, people.admin);
    assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
  });

  let caseId: string;

  it('holds a health question for review and answers with the pending case, in the user language', async () => {
    fixture.upstream.enqueue({
      content: 'Prenez un antipyrétique et appelez le ⟦MA_PHONE_1⟧ si la fièvre persiste.',
    });
    const held = await ask(
      key,
      "J'ai de la fièvre depuis trois jours, appelez-moi au 0612345678 : quel médicament prendre ?",
      {
        stream: false,
      },
    );
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const body = held.body as {
      choices: { message: { content: string } }[];
      mizan: { review: { status: string; case_id: string; expected_by: string } };
    };
    assert.equal(body.mizan.review.status, 'pending');
    caseId = body.mizan.review.case_id;
    assert.match(body.choices[0]!.message.content, /agent/i);
    assert.doesNotMatch(body.choices[0]!.message.content, /antipyrétique/, 'the draft is not released');
    const sent = JSON.stringify(fixture.upstream.requests[0]!.body);
    assert.doesNotMatch(sent, /0612345678/, 'the model never saw the phone number');

    const pending = await call('GET', `/v1/reviews/${caseId}`, key);
    assert.equal(pending.status, 200);
    assert.equal((pending.body as { status: string }).status, 'pending');
  });

  it('holds a streamed question too, as one chunk with the case', async () => {
    const response = await fetch(`${fixture.gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'atlas',
        stream: true,
        messages: [{ role: 'user', content: '3andi skhana mn 3 iyam, ach men dwa nakhod?' }],
      }),
    });
    const events = (await response.text())
      .split('\n\n')
      .filter((e) => e.startsWith('data: ') && !e.includes('[DONE]'))
      .map(
        (e) =>
          JSON.parse(e.slice(6)) as {
            choices: { delta: { content?: string } }[];
            mizan?: { review: { status: string } };
          },
      );
    const contents = events.flatMap((e) => e.choices.map((c) => c.delta.content).filter(Boolean));
    assert.equal(contents.length, 1);
    assert.equal(events.at(-1)!.mizan!.review.status, 'pending');
  });

  it('lets a reviewer claim, edit and approve the draft; the citizen then gets the edited answer', async () => {
    const queue = await call('GET', '/v1/oversight/reviews', people.reviewer);
    const listed = (queue.body as { data: { id: string; question: string }[] }).data.find(
      (c) => c.id === caseId,
    );
    assert.ok(listed, 'the case is in the queue');
    assert.doesNotMatch(listed.question, /0612345678/, 'reviewers see pseudonyms, not the number');
    assert.equal((await call('GET', `/v1/oversight/reviews/${caseId}`, people.otherReviewer)).status, 404);

    assert.equal((await call('POST', `/v1/oversight/reviews/${caseId}/claim`, people.reviewer)).status, 200);
    const taken = await call('POST', `/v1/oversight/reviews/${caseId}/claim`, people.reviewer2);
    assert.equal(taken.status, 409);
    assert.equal(errorCode(taken), 'case_claimed');

    const leaking = await call('PUT', `/v1/oversight/reviews/${caseId}/answer`, people.reviewer, {
      answer: 'Appelez le 0698765432.',
    });
    assert.equal(leaking.status, 422);
    assert.equal(errorCode(leaking), 'edit_introduces_personal_data');

    const edited =
      'Ceci n’est pas un diagnostic : consultez un médecin, qui vous rappellera au ⟦MA_PHONE_1⟧.';
    assert.equal(
      (await call('PUT', `/v1/oversight/reviews/${caseId}/answer`, people.reviewer, { answer: edited }))
        .status,
      200,
    );
    const approved = await call('POST', `/v1/oversight/reviews/${caseId}/approve`, people.reviewer, {
      scores: { sentences: [{ index: 0, verdict: 'correct' }] },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const twice = await call('POST', `/v1/oversight/reviews/${caseId}/approve`, people.reviewer, {});
    assert.equal(twice.status, 409);
    assert.equal(errorCode(twice), 'case_already_decided');

    const outcome = await call('GET', `/v1/reviews/${caseId}`, key);
    const result = outcome.body as { status: string; answer: string; edited: boolean };
    assert.equal(result.status, 'approved');
    assert.equal(result.edited, true);
    assert.equal(
      result.answer,
      'Ceci n’est pas un diagnostic : consultez un médecin, qui vous rappellera au 0612345678.',
    );
    assert.equal(
      (await call('GET', `/v1/reviews/${caseId}`, fixture.gateway.key)).status,
      404,
      'another application',
    );
  });

  it('shows each step in the audit log, to the auditor', async () => {
    const log = await call('GET', `/v1/audit/records?subject=${caseId}`, people.auditor);
    assert.equal(log.status, 200);
    const actions = (log.body as { data: { action: string }[] }).data.map((e) => e.action);
    // The flow itself is the `chat` entry, written before its (held) answer was released.
    assert.deepEqual(actions, [
      'review.held',
      'chat',
      'review.outcome_fetched',
      'review.claimed',
      'review.edited',
      'review.approved',
      'review.outcome_fetched',
    ]);
    const flows = await call('GET', `/v1/audit/records?application=${appId}&kind=flow`, people.auditor);
    const outcomes = (flows.body as { data: { detail: { outcome: string; error?: string } }[] }).data.map(
      (e) => e.detail.error ?? e.detail.outcome,
    );
    assert.ok(outcomes.includes('use_case_not_registered'));
    assert.ok(outcomes.includes('held'));
    assert.equal((await call('GET', '/v1/audit/records', people.reviewer)).status, 403);
  });

  it('suspends the application at once with the kill switch, in the user language, and resumes it', async () => {
    const suspended = await call('POST', '/v1/oversight/suspensions', people.admin, {
      target_kind: 'application',
      target_id: appId,
      reason: 'incident under investigation',
    });
    assert.equal(suspended.status, 201);
    const refused = await ask(key, 'واش السبيطار مفتوح دابا؟');
    assert.equal(refused.status, 503);
    assert.equal(errorCode(refused), 'application_suspended');
    assert.match((refused.body as ErrorBody).error.message, /\p{Script=Arabic}/u);
    assert.equal(
      (await call('DELETE', `/v1/oversight/suspensions/application/${appId}`, people.admin)).status,
      200,
    );
    fixture.upstream.enqueue({ content: 'Oui.' });
    assert.notEqual((await ask(key, 'Bonjour, où est la pharmacie de garde ?')).status, 503);
  });

  it('refuses a prohibited use outright', async () => {
    const { platform } = fixture.gateway;
    const app = await platform.tenancy.createApplication({ tenantId, name: 'notation-citoyenne' });
    const appKey = (await platform.tenancy.createKey({ applicationId: app.id })).key;
    await call('PUT', `/v1/oversight/applications/${app.id}/use-case`, people.admin, HEALTH_USE_CASE);
    const submitted = await call('POST', `/v1/oversight/applications/${app.id}/assessments`, people.admin, {
      answers: PROHIBITED_ANSWERS,
    });
    assert.equal((submitted.body as { tier: string }).tier, 'prohibited');
    const refused = await ask(appKey, 'Bonjour');
    assert.equal(refused.status, 403);
    assert.equal(errorCode(refused), 'use_prohibited');
  });

  it('prints the processing-register entry as a page', async () => {
    const page = await call(
      'GET',
      `/v1/oversight/applications/${appId}/processing-record?format=html`,
      people.dpo,
    );
    assert.equal(page.status, 200);
    assert.match(page.body as string, /^<!doctype html>/i);
    assert.match(page.body as string, /A-12\/2026/);
  });
});
