import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AssuranceReport } from '../../src/assurance/types.js';
import type { Actor } from '../../src/oversight/actors.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, MINIMAL_USE_CASE, TEST_PACK } from '../support/oversight-fixtures.js';

const ADMIN: Actor = { kind: 'platform_admin' };
const REFUSAL = 'Je ne peux pas vous aider avec cette demande.';
const HELPFUL = 'Adressez-vous au guichet de votre commune avec votre carte nationale.';

/** A high-risk use: eligibility pre-checks for social benefits. */
const BENEFITS_USE_CASE = {
  ...MINIMAL_USE_CASE,
  purpose: 'Pre-checks of eligibility to housing aid, drafted for the agents who decide',
  sector: 'financial_inclusion',
  people_affected: ['beneficiaries', 'general_public'],
  data_categories: ['PERSON'],
};
const BENEFITS_ANSWERS = {
  use: 'benefit_eligibility',
  autonomy: 'draft_for_agent',
  impact_on_rights: 'access_to_service',
  vulnerability: ['beneficiaries', 'general_public'],
  data_sensitivity: ['identifiers'],
  scale: 'national',
};

describe('assurance runs through the full pipeline', () => {
  const fixture = useUpstreamGateway();
  let applicationId: string;

  before(async () => {
    const { platform, tenantId } = fixture.gateway;
    const app = await platform.tenancy.createApplication({ tenantId, name: 'aides-logement' });
    applicationId = app.id;
    await commission(platform, app.id, {
      useCase: BENEFITS_USE_CASE,
      answers: BENEFITS_ANSWERS,
      promote: false,
    });
    await platform.oversight.approvals.approve(ADMIN, {
      modelId: 'atlas',
      tier: 'high',
      evaluationReports: [],
      note: null,
    });
  });

  const run = async () => {
    const { wait } = await fixture.gateway.platform.assurance.start(ADMIN, {
      packId: TEST_PACK,
      applicationId,
      modelId: 'atlas',
      concurrency: 3,
    });
    const finished = await wait;
    return { run: finished, report: finished.report as AssuranceReport };
  };

  it('detects an upstream that refuses women more often, grades it E, and blocks promotion on it', async () => {
    fixture.upstream.setDefault({
      decide: (message) => ({ content: message.includes('femme') ? REFUSAL : HELPFUL }),
    });
    const { run: failed, report } = await run();
    assert.equal(failed.passed, false);
    assert.equal(report.grade, 'E');
    const recipe = report.recipes[0]!;
    assert.equal(recipe.cases, 24);
    assert.deepEqual(
      recipe.groups?.map((g) => [g.group, g.value]),
      [
        ['female', 1],
        ['male', 0],
      ],
    );
    assert.equal(recipe.comparisons?.[0]?.significant, true);
    const checks = await fixture.gateway.platform.oversight.promotion.checks(applicationId);
    assert.equal(checks.find((c) => c.check === 'assurance_report_passed')?.ok, false);
    // Its sandbox closed with the report, and no reviewer was given the synthetic cases.
    const sandboxes = await fixture.gateway.platform.oversight.sandboxes.list(ADMIN, applicationId);
    assert.ok(sandboxes.every((s) => s.closedAt !== null && s.assurance));
    const queue = await fixture.gateway.platform.oversight.reviews.list(ADMIN, { applicationId });
    assert.equal(queue.length, 0);
  });

  it('raises no alarm on a fair upstream, and the passing report opens the way to production', async () => {
    fixture.upstream.setDefault({ content: HELPFUL });
    const { run: passed, report } = await run();
    assert.equal(passed.passed, true, JSON.stringify(report.recipes));
    assert.equal(report.grade, 'A');
    assert.equal(report.recipes[0]!.comparisons?.[0]?.significant, false);
    const checks = await fixture.gateway.platform.oversight.promotion.checks(applicationId);
    assert.equal(checks.find((c) => c.check === 'assurance_report_passed')?.ok, true);
  });

  it('records what a cited run found when a model approval cites it, not what the approval claims', async () => {
    const approvals = fixture.gateway.platform.oversight.approvals;
    const runs = await fixture.gateway.platform.assurance.list(ADMIN, applicationId);
    const failed = runs.find((r) => r.passed === false)!;
    await approvals.revoke(ADMIN, 'atlas', 'limited').catch(() => undefined);
    const approval = await approvals.approve(ADMIN, {
      modelId: 'atlas',
      tier: 'limited',
      evaluationReports: [{ id: failed.id, passed: true }],
      note: null,
    });
    assert.deepEqual(approval.evaluationReports, [
      { id: failed.id, passed: false, grade: 'E', pack: 'test-fairness v1' },
    ]);
    await assert.rejects(
      approvals.approve(ADMIN, {
        modelId: 'atlas',
        tier: 'minimal',
        evaluationReports: [{ id: 'run_nothing', passed: true }],
        note: null,
      }),
      (error: { code?: string }) => error.code === 'evaluation_report_invalid',
    );
  });

  it('renders the report as a self-contained page', async () => {
    const runs = await fixture.gateway.platform.assurance.list(ADMIN, applicationId);
    const { renderAssuranceReportHtml } = await import('../../src/assurance/report-html.js');
    const html = renderAssuranceReportHtml(runs[0]!.report as AssuranceReport);
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<svg/);
    assert.doesNotMatch(html, /<script/);
  });

  it('resumes a stopped run without sending its finished cases again', async () => {
    fixture.upstream.setDefault({ content: HELPFUL, delayMs: 30 });
    const { platform } = fixture.gateway;
    const { run: started, wait } = await platform.assurance.start(ADMIN, {
      packId: TEST_PACK,
      applicationId,
      modelId: 'atlas',
      concurrency: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await platform.assurance.stop();
    await assert.rejects(wait);
    const stopped = await platform.assurance.get(ADMIN, started.id);
    assert.equal(stopped.status, 'interrupted');
    assert.ok(stopped.done > 0 && stopped.done < 24, `done ${stopped.done}`);
    // The case cut short by the stop may still be on its way to the upstream: let it arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = fixture.upstream.requests.length;
    const resumed = await (await platform.assurance.resume(ADMIN, started.id, { pack: TEST_PACK })).wait;
    assert.equal(resumed.status, 'finished');
    assert.equal(
      fixture.upstream.requests.length - before,
      24 - stopped.done,
      'only the missing cases were sent',
    );
    fixture.upstream.setDefault({ content: HELPFUL });
  });
});
