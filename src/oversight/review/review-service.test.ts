import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { scan } from '../../privacy/scan.js';
import { createAuditWriter } from '../../audit/writer.js';
import { createAuditStore } from '../../store/audit-store.js';
import { openDatabase, type Database } from '../../store/database.js';
import { migrateToLatest } from '../../store/migrate.js';
import { createReviewStore } from '../../store/review-store.js';
import { createTenancyStore } from '../../store/tenancy-store.js';
import { createVaultStore } from '../../store/vault-store.js';
import type { Actor } from '../actors.js';
import type { Notice } from '../notifier.js';
import { createReviewService, type ReviewService } from './review-service.js';

describe('review service', () => {
  let database: Database;
  let reviews: ReviewService;
  let tenantId: string;
  let applicationId: string;
  const notices: Notice[] = [];
  let clock = Date.parse('2026-11-24T09:00:00Z');

  before(async () => {
    database = await openDatabase({ dataDir: tmpdir(), inMemory: true });
    await migrateToLatest(database.db);
    const tenancy = createTenancyStore(database.db);
    tenantId = (await tenancy.createTenant({ name: 'caf' })).id;
    applicationId = (await tenancy.createApplication({ tenantId, name: 'aides' })).id;
    reviews = createReviewService({
      store: createReviewStore(database.db),
      audit: createAuditWriter({ store: createAuditStore(database.db) }),
      vaults: createVaultStore(database.db, randomBytes(32)),
      scan: (text) => scan(text),
      notifier: { notify: async (notice) => void notices.push(notice) },
      slaMs: 60 * 60_000,
      now: () => clock,
    });
  });
  after(() => database?.close());

  const reviewer: () => Actor = () => ({
    kind: 'staff',
    id: 'stf_r',
    tenantId,
    name: 'R',
    roles: ['reviewer'],
  });
  const open = () =>
    reviews.open({
      tenantId,
      applicationId,
      sandboxId: null,
      flowId: `flow-${clock}`,
      kind: 'hold',
      triggers: [{ kind: 'sensitive_topic', detail: 'benefit_eligibility' }],
      language: 'ary_Latn',
      conversationId: null,
      question: 'Wach ana mstahe9 l da3m?',
      draft: 'Ila kan l-mo2achir dyalek ta7t l-3atba, ah [1]. Khassek tsjjel f l-boiwaba.',
      citations: [{ n: 1 }],
      grounding: null,
      modelId: 'atlas',
    });

  it('escalates a case once its deadline has passed, once, and notifies with ids only', async () => {
    const c = await open();
    assert.deepEqual(await reviews.escalateOverdue(), []);
    clock += 61 * 60_000;
    const escalated = await reviews.escalateOverdue();
    assert.deepEqual(
      escalated.map((e) => e.id),
      [c.id],
    );
    assert.deepEqual(await reviews.escalateOverdue(), []);
    assert.equal(notices.length, 1);
    assert.deepEqual(Object.keys(notices[0]!).sort(), [
      'application_id',
      'case_id',
      'expected_by',
      'tenant_id',
      'type',
    ]);
  });

  it('cuts the draft into the sentences reviewers score, and checks scored citations exist', async () => {
    const c = await open();
    assert.deepEqual(
      reviews.sentences(c).map((s) => [s.index, s.cited]),
      [
        [0, [1]],
        [1, []],
      ],
    );
    await reviews.claim(reviewer(), c.id);
    await assert.rejects(
      reviews.approve(reviewer(), c.id, { scores: { citations: [{ n: 4, verdict: 'supports' }] } }),
      (error: { code?: string }) => error.code === 'score_citation_unknown',
    );
    const approved = await reviews.approve(reviewer(), c.id, {
      scores: { sentences: [{ index: 1, verdict: 'correct' }], citations: [{ n: 1, verdict: 'supports' }] },
    });
    assert.equal(approved.edited, false);
    assert.equal(approved.answer, approved.draft);
  });

  it('refuses a reason that names someone, since the citizen reads it', async () => {
    const c = await open();
    await assert.rejects(
      reviews.reject(reviewer(), c.id, { reason: 'Appelez Mme Fatima Zahra Bennani au 0612345678.' }),
      (error: { code?: string }) => error.code === 'edit_introduces_personal_data',
    );
  });
});
