import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAuditWriter, type AuditLog } from '../../src/audit/writer.js';
import { createAuditStore } from '../../src/store/audit-store.js';
import type { Database } from '../../src/store/database.js';
import { createGovernanceStore, type GovernanceStore } from '../../src/store/governance-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createReviewStore, type ReviewStore } from '../../src/store/review-store.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { BACKENDS } from './backends.js';

for (const backend of BACKENDS) {
  describe(`${backend.name}: oversight stores`, () => {
    let database: Database;
    let governance: GovernanceStore;
    let reviews: ReviewStore;
    let audit: AuditLog;
    let tenantId: string;
    let applicationId: string;

    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      const tenancy = createTenancyStore(database.db);
      tenantId = (await tenancy.createTenant({ name: 'sante' })).id;
      applicationId = (await tenancy.createApplication({ tenantId, name: 'orientation' })).id;
      governance = createGovernanceStore(database.db);
      reviews = createReviewStore(database.db);
      audit = createAuditWriter({ store: createAuditStore(database.db) });
    });
    after(() => database?.close());

    const newCase = () =>
      reviews.create({
        tenantId,
        applicationId,
        sandboxId: null,
        flowId: 'flow-1',
        kind: 'hold',
        triggers: [{ kind: 'sensitive_topic', detail: 'health_advice' }],
        language: 'fra_Latn',
        conversationId: null,
        question: 'J’ai de la fièvre',
        draft: 'Consultez un médecin.',
        citations: [],
        grounding: null,
        modelId: 'atlas',
        expectedBy: new Date(Date.now() + 60_000),
      });

    it('gives a case to one reviewer only, however many claim it at once', async () => {
      const c = await newCase();
      const claims = await Promise.all(
        ['staff:a', 'staff:b', 'staff:c', 'staff:d'].map((reviewer) => reviews.claim(c.id, reviewer)),
      );
      const winners = claims.filter((claimed) => claimed !== undefined);
      assert.equal(winners.length, 1);
      assert.equal((await reviews.find(c.id))?.claimedBy, winners[0]!.claimedBy);
    });

    it('decides a case once: the second approval changes nothing', async () => {
      const c = await newCase();
      const decision = {
        reviewer: 'staff:a',
        status: 'approved' as const,
        answer: 'Consultez un médecin traitant.',
        edited: true,
        reason: null,
        scores: { sentences: [{ index: 0, verdict: 'correct' }] },
      };
      const [first, second] = await Promise.all([
        reviews.decide(c.id, decision),
        reviews.decide(c.id, { ...decision, reviewer: 'staff:b', answer: 'Autre chose.' }),
      ]);
      assert.equal([first, second].filter(Boolean).length, 1);
      const stored = await reviews.find(c.id);
      assert.equal(stored?.status, 'approved');
      assert.deepEqual(stored?.scores, { sentences: [{ index: 0, verdict: 'correct' }] });
    });

    it('escalates an overdue case once', async () => {
      const c = await reviews.create({ ...(await newCase()), expectedBy: new Date(Date.now() - 1000) });
      const first = await reviews.escalateOverdue(new Date());
      assert.ok(first.some((e) => e.id === c.id));
      const second = await reviews.escalateOverdue(new Date());
      assert.ok(!second.some((e) => e.id === c.id));
    });

    it('never lets concurrent requests spend more than a sandbox quota', async () => {
      const sandbox = await governance.createSandbox({
        tenantId,
        applicationId,
        purpose: 'try',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 3_600_000),
        maxRequests: 5,
        maxTokens: 1000,
        openedBy: 'staff:a',
      });
      const taken = await Promise.all(
        Array.from({ length: 12 }, () => governance.takeSandboxRequest(sandbox.id)),
      );
      assert.equal(taken.filter(Boolean).length, 5);
      assert.equal((await governance.findSandbox(sandbox.id))?.usedRequests, 5);
      const closed = await governance.closeSandbox(sandbox.id, 'staff:a', { metrics: {} });
      assert.ok(closed?.closedAt);
      assert.equal(await governance.closeSandbox(sandbox.id, 'staff:a', {}), undefined, 'closed once');
    });

    it('keeps one standing approval per model and tier, and its history once revoked', async () => {
      await governance.approveModel({
        modelId: 'atlas',
        tier: 'high',
        evaluationReports: [],
        note: null,
        approvedBy: 'platform-admin',
      });
      await assert.rejects(
        governance.approveModel({
          modelId: 'atlas',
          tier: 'high',
          evaluationReports: [],
          note: null,
          approvedBy: 'platform-admin',
        }),
        (error: { code?: string }) => error.code === 'model_already_approved',
      );
      await governance.revokeModelApproval('atlas', 'high', 'platform-admin');
      await governance.approveModel({
        modelId: 'atlas',
        tier: 'high',
        evaluationReports: [{ id: 'r2', passed: true }],
        note: null,
        approvedBy: 'platform-admin',
      });
      assert.equal((await governance.listModelApprovals()).length, 1);
      assert.equal((await governance.listModelApprovals({ history: true })).length, 2);
    });

    it('lifts a tenant suspension without lifting the platform one', async () => {
      await governance.suspend({
        targetKind: 'model',
        targetId: 'atlas',
        tenantId: null,
        reason: 'breaker',
        suspendedBy: 'gateway',
      });
      await governance.suspend({
        targetKind: 'model',
        targetId: 'atlas',
        tenantId,
        reason: 'local',
        suspendedBy: 'staff:a',
      });
      const lifted = await governance.lift({
        targetKind: 'model',
        targetId: 'atlas',
        tenantId,
        by: 'staff:a',
      });
      assert.equal(lifted.length, 1);
      const standing = await governance.activeSuspensions();
      assert.deepEqual(
        standing.map((s) => [s.targetId, s.tenantId]),
        [['atlas', null]],
      );
    });

    it('appends audit events in order and pages through them', async () => {
      const before = await audit.list({ subject: 'page-test' });
      assert.equal(before.length, 0);
      for (let i = 0; i < 5; i++) {
        await audit.append({
          kind: 'oversight',
          tenantId,
          applicationId,
          action: `step.${i}`,
          actor: 'gateway',
          subject: 'page-test',
          detail: { i },
        });
      }
      const first = await audit.list({ subject: 'page-test', limit: 2 });
      assert.deepEqual(
        first.map((e) => e.action),
        ['step.0', 'step.1'],
      );
      const next = await audit.list({ subject: 'page-test', after: first.at(-1)!.seq, limit: 10 });
      assert.deepEqual(
        next.map((e) => e.action),
        ['step.2', 'step.3', 'step.4'],
      );
      assert.ok(next.every((e, i) => i === 0 || e.seq > next[i - 1]!.seq));
    });
  });
}
