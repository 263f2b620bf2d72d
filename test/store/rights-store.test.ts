import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ConversationVault } from '../../src/privacy/vault.js';
import { createAuditStore, type AuditStore } from '../../src/store/audit-store.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createReviewStore, type ReviewStore } from '../../src/store/review-store.js';
import { createRightsStore, type RightsStore } from '../../src/store/rights-store.js';
import { createTenancyStore } from '../../src/store/tenancy-store.js';
import { createVaultStore, type VaultStore } from '../../src/store/vault-store.js';
import { BACKENDS } from './backends.js';

const DAY_MS = 86_400_000;

for (const backend of BACKENDS) {
  describe(`${backend.name}: rights store`, () => {
    let database: Database;
    let rights: RightsStore;
    let audit: AuditStore;
    let reviews: ReviewStore;
    let vaults: VaultStore;
    let tenantId: string;
    let appA: string;
    let appB: string;

    before(async () => {
      database = await backend.open();
      await migrateToLatest(database.db);
      const tenancy = createTenancyStore(database.db);
      tenantId = (await tenancy.createTenant({ name: 'commune' })).id;
      appA = (await tenancy.createApplication({ tenantId, name: 'guichet' })).id;
      appB = (await tenancy.createApplication({ tenantId, name: 'etat-civil' })).id;
      rights = createRightsStore(database.db);
      audit = createAuditStore(database.db);
      reviews = createReviewStore(database.db);
      vaults = createVaultStore(database.db, randomBytes(32));
    });
    after(() => database?.close());

    /** A flow record of `subject` with its content row, as the flow audit writes them. */
    const flow = async (input: {
      subject: string | null;
      applicationId?: string;
      conversationId?: string | null;
      createdAt?: Date;
    }) => {
      const id = randomUUID();
      const applicationId = input.applicationId ?? appA;
      const at = input.createdAt ?? new Date();
      await audit.insert([
        {
          event: {
            id,
            at,
            tenantId,
            applicationId,
            kind: 'flow',
            action: 'chat',
            actor: `application:${applicationId}`,
            subject: null,
            dataSubject: input.subject,
            detail: {},
          },
          content: {
            recordId: id,
            tenantId,
            applicationId,
            dataSubject: input.subject,
            conversationId: input.conversationId ?? null,
            createdAt: at,
            salt: randomBytes(16),
            ciphertext: 'sealed',
          },
        },
      ]);
      return id;
    };
    const reviewCase = (flowId: string, conversationId: string | null, applicationId = appA) =>
      reviews.create({
        tenantId,
        applicationId,
        sandboxId: null,
        flowId,
        kind: 'sample',
        triggers: [],
        language: 'fra_Latn',
        conversationId,
        question: 'Mon numéro est ⟦MA_PHONE_1⟧',
        draft: 'Nous vous rappelons au ⟦MA_PHONE_1⟧.',
        citations: [],
        grounding: null,
        modelId: 'atlas',
        expectedBy: new Date(Date.now() + 60_000),
      });
    const remember = async (conversationId: string, value: string) => {
      const vault = new ConversationVault([], { tenantId, conversationId });
      vault.tokenFor('MA_PHONE', value);
      await vaults.save(tenantId, conversationId, vault, new Date(Date.now() + DAY_MS));
    };
    const newRequest = (kind: 'access' | 'rectification' | 'erasure', dueAt: Date) =>
      rights.createRequest({
        id: `sr_${randomUUID()}`,
        tenantId,
        applicationId: appA,
        dataSubject: 'sub_requests',
        kind,
        receivedAt: new Date(),
        dueAt,
        requestedBy: `application:${appA}`,
      });

    it('closes a request once, however many handle it at once', async () => {
      const request = await newRequest('rectification', new Date(Date.now() + 10 * DAY_MS));
      assert.equal(request.status, 'received');
      const closes = await Promise.all(
        ['staff:a', 'staff:b', 'staff:c'].map((by) =>
          rights.closeRequest(request.id, {
            status: 'completed',
            handledBy: by,
            outcome: { applied: 1 },
            at: new Date(),
          }),
        ),
      );
      assert.equal(closes.filter(Boolean).length, 1);
      const stored = await rights.findRequest(request.id);
      assert.equal(stored?.status, 'completed');
      assert.deepEqual(stored?.outcome, { applied: 1 });
      assert.equal(
        await rights.noteOutcome(request.id, { applied: 2 }),
        undefined,
        'a closed request stays as it is',
      );
    });

    it('lists a tenant’s requests by status and kind, newest first', async () => {
      const open = await newRequest('erasure', new Date(Date.now() + 10 * DAY_MS));
      const listed = await rights.listRequests({ tenantId, status: 'received', kind: 'erasure' });
      assert.ok(listed.some((r) => r.id === open.id));
      assert.ok(listed.every((r) => r.status === 'received' && r.kind === 'erasure'));
      assert.deepEqual(await rights.listRequests({ tenantId: 'ten_other' }), []);
    });

    it('alerts each open request once when its deadline comes near', async () => {
      const soon = await newRequest('rectification', new Date(Date.now() + DAY_MS));
      const later = await newRequest('rectification', new Date(Date.now() + 9 * DAY_MS));
      const threshold = new Date(Date.now() + 2 * DAY_MS);
      const [first, second] = await Promise.all([
        rights.claimAlerts(threshold, new Date()),
        rights.claimAlerts(threshold, new Date()),
      ]);
      const alerted = [...first!, ...second!].map((r) => r.id);
      assert.equal(alerted.filter((id) => id === soon.id).length, 1);
      assert.ok(!alerted.includes(later.id));
      assert.deepEqual(await rights.claimAlerts(threshold, new Date()), []);
    });

    it('keeps one standing objection per person and scope, and forgets it once lifted', async () => {
      const scoped = await rights.addObjection({
        tenantId,
        applicationId: appA,
        dataSubject: 'sub_obj',
        requestId: null,
      });
      const again = await rights.addObjection({
        tenantId,
        applicationId: appA,
        dataSubject: 'sub_obj',
        requestId: null,
      });
      assert.equal(scoped.created, true);
      assert.equal(again.created, false);
      assert.equal(again.objection.id, scoped.objection.id);
      const everywhere = await rights.addObjection({
        tenantId,
        applicationId: null,
        dataSubject: 'sub_obj',
        requestId: null,
      });
      assert.equal(everywhere.created, true, 'an objection to every application is another scope');
      const active = () =>
        rights.activeObjections().then((all) => all.filter((o) => o.dataSubject === 'sub_obj'));
      assert.equal((await active()).length, 2);
      assert.ok(await rights.liftObjection(scoped.objection.id, 'staff:dpo', new Date()));
      assert.equal(await rights.liftObjection(scoped.objection.id, 'staff:dpo', new Date()), undefined);
      assert.deepEqual(await active(), [{ tenantId, applicationId: null, dataSubject: 'sub_obj' }]);
      const renewed = await rights.addObjection({
        tenantId,
        applicationId: appA,
        dataSubject: 'sub_obj',
        requestId: null,
      });
      assert.equal(renewed.created, true, 'a lifted objection can be made again');
    });

    it('finds the legal holds that cover a subject’s data in a scope', async () => {
      const other = await createTenancyStore(database.db).createTenant({ name: 'autre' });
      const hold = (applicationId: string | null, dataSubject: string | null, t = tenantId) =>
        rights.placeHold({
          tenantId: t,
          applicationId,
          dataSubject,
          reason: 'contentieux',
          placedBy: 'staff:dpo',
        });
      const onPerson = await hold(null, 'sub_held');
      const onApp = await hold(appB, null);
      const onPersonInApp = await hold(appB, 'sub_other');
      await hold(null, 'sub_held', other.id);
      const ids = async (applicationId: string | null, subject: string) =>
        (await rights.holdsCovering({ tenantId, applicationId }, subject)).map((h) => h.id).sort();

      assert.deepEqual(await ids(appA, 'sub_held'), [onPerson.id]);
      assert.deepEqual(await ids(appA, 'sub_free'), []);
      assert.deepEqual(await ids(appB, 'sub_free'), [onApp.id]);
      assert.deepEqual(await ids(appB, 'sub_other'), [onApp.id, onPersonInApp.id].sort());
      assert.deepEqual(
        await ids(null, 'sub_free'),
        [onApp.id],
        'a tenant-wide right overlaps every application',
      );
      for (const h of [onPerson, onApp, onPersonInApp]) await rights.liftHold(h.id, 'staff:dpo', new Date());
      assert.deepEqual(await ids(appB, 'sub_other'), []);
      assert.equal((await rights.listHolds({ tenantId, active: false })).length, 3);
    });

    it('tells the conversations a subject used alone from those someone else also used', async () => {
      const own = `conv-${randomUUID()}`;
      const shared = `conv-${randomUUID()}`;
      await flow({ subject: 'sub_conv', conversationId: own });
      await flow({ subject: 'sub_conv', conversationId: own });
      await flow({ subject: null, conversationId: own });
      await flow({ subject: 'sub_conv', conversationId: shared });
      await flow({ subject: 'sub_else', conversationId: shared });
      const held = await flow({ subject: 'sub_conv', conversationId: null });
      await reviewCase(held, `flow-${held}`);

      const found = await rights.subjectConversations({ tenantId, applicationId: null }, 'sub_conv');
      assert.deepEqual(found.owned, [own, `flow-${held}`].sort());
      assert.deepEqual(found.shared, [shared]);
      const inOtherApp = await rights.subjectConversations({ tenantId, applicationId: appB }, 'sub_conv');
      assert.deepEqual(inOtherApp, { owned: [], shared: [] });
      assert.equal((await rights.subjectContents({ tenantId, applicationId: null }, 'sub_conv')).length, 4);
      assert.equal(
        (await rights.subjectReviewCases({ tenantId, applicationId: appA }, 'sub_conv')).length,
        1,
      );
    });

    it('erases a subject’s contents, vault entries and review text, and nobody else’s', async () => {
      const conversation = `conv-${randomUUID()}`;
      const otherConversation = `conv-${randomUUID()}`;
      const mine = await flow({ subject: 'sub_erase', conversationId: conversation });
      const theirs = await flow({ subject: 'sub_keep', conversationId: otherConversation });
      await remember(conversation, '0612345678');
      await remember(otherConversation, '0698765432');
      const myCase = await reviewCase(mine, conversation);
      const theirCase = await reviewCase(theirs, otherConversation);
      const scope = { tenantId, applicationId: appA };

      const hold = await rights.placeHold({
        ...scope,
        dataSubject: 'sub_erase',
        reason: 'enquête',
        placedBy: 'staff:dpo',
      });
      const refused = await rights.eraseSubject(scope, 'sub_erase', [conversation]);
      assert.ok('held' in refused);
      assert.deepEqual(
        refused.held.map((h) => h.id),
        [hold.id],
      );
      assert.equal(
        (await rights.subjectContents(scope, 'sub_erase')).length,
        1,
        'nothing erased under a hold',
      );
      await rights.liftHold(hold.id, 'staff:dpo', new Date());

      const done = await rights.eraseSubject(scope, 'sub_erase', [conversation]);
      assert.deepEqual(done, { erased: { contents: 1, vaultEntries: 1, reviewCases: 1 } });
      assert.deepEqual(await rights.subjectContents(scope, 'sub_erase'), []);
      assert.equal((await vaults.load(tenantId, conversation)).size, 0);
      const blanked = (await reviews.find(myCase.id))!;
      assert.equal(blanked.question, '');
      assert.equal(blanked.draft, '');
      assert.equal(blanked.status, 'pending', 'the decision metadata stays');
      assert.ok(await audit.byId(mine), 'the audit record stays');

      assert.equal((await rights.subjectContents(scope, 'sub_keep')).length, 1);
      assert.equal((await vaults.load(tenantId, otherConversation)).size, 1);
      assert.notEqual((await reviews.find(theirCase.id))!.question, '');
    });

    it('rewrites a vault entry found by the keyed hash of its value', async () => {
      const conversation = `conv-${randomUUID()}`;
      await remember(conversation, '0611111111');
      const rows = await database.db
        .selectFrom('vault_entries')
        .select(['token', 'subject_hash', 'entity_type'])
        .where('conversation_id', '=', conversation)
        .execute();
      const [row] = rows;
      const found = await rights.findVaultEntries(
        tenantId,
        [conversation],
        row!.entity_type,
        row!.subject_hash,
      );
      assert.deepEqual(found, [{ conversationId: conversation, token: row!.token }]);
      assert.deepEqual(
        await rights.findVaultEntries(tenantId, [conversation], 'EMAIL', row!.subject_hash),
        [],
      );
      const rewritten = await rights.rewriteVaultEntry(
        { tenantId, conversationId: conversation, token: row!.token },
        { ciphertext: 'new-ciphertext', subjectHash: 'new-hash' },
      );
      assert.equal(rewritten, true);
      const stored = await database.db
        .selectFrom('vault_entries')
        .select(['value_ciphertext', 'subject_hash'])
        .where('conversation_id', '=', conversation)
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { value_ciphertext: 'new-ciphertext', subject_hash: 'new-hash' });
    });

    it('applies retention to old content and decided review text, except under a legal hold', async () => {
      const tenancy = createTenancyStore(database.db);
      const app = (await tenancy.createApplication({ tenantId, name: 'retention' })).id;
      await database.db
        .insertInto('use_cases')
        .values({ application_id: app, entry: JSON.stringify({ retention_days: 30 }), updated_by: 'test' })
        .execute();
      const old = new Date(Date.now() - 40 * DAY_MS);
      const oldFree = await flow({ subject: 'sub_ret_free', applicationId: app, createdAt: old });
      const oldHeld = await flow({ subject: 'sub_ret_held', applicationId: app, createdAt: old });
      const recent = await flow({ subject: 'sub_ret_free', applicationId: app });
      const decided = await reviewCase(oldFree, null, app);
      await reviews.decide(decided.id, {
        reviewer: 'staff:r',
        status: 'approved',
        answer: 'Réponse ⟦MA_PHONE_1⟧',
        edited: false,
        reason: null,
        scores: null,
      });
      const open = await reviewCase(oldFree, null, app);
      const heldCase = await reviewCase(oldHeld, null, app);
      await reviews.decide(heldCase.id, {
        reviewer: 'staff:r',
        status: 'rejected',
        answer: null,
        edited: false,
        reason: 'faux',
        scores: null,
      });
      // review_cases.created_at is set by the database: age them as if opened with their flows.
      await sql`update review_cases set created_at = ${old} where application_id = ${app}`.execute(
        database.db,
      );
      await rights.placeHold({
        tenantId,
        applicationId: null,
        dataSubject: 'sub_ret_held',
        reason: 'litige',
        placedBy: 'staff:dpo',
      });

      assert.ok(
        (await rights.retentionPeriods()).some((p) => p.applicationId === app && p.retentionDays === 30),
      );
      const cutoff = new Date(Date.now() - 30 * DAY_MS);
      assert.deepEqual(await rights.applyRetention(app, cutoff), { contents: 1, reviewCases: 1 });
      const remaining = (
        await database.db
          .selectFrom('audit_contents')
          .select('record_id')
          .where('application_id', '=', app)
          .execute()
      ).map((r) => r.record_id);
      assert.deepEqual(remaining.sort(), [oldHeld, recent].sort());
      const blanked = (await reviews.find(decided.id))!;
      assert.deepEqual([blanked.question, blanked.draft, blanked.answer], ['', '', '']);
      assert.equal(blanked.status, 'approved');
      assert.notEqual((await reviews.find(open.id))!.question, '', 'an open case is kept');
      assert.notEqual((await reviews.find(heldCase.id))!.question, '', 'a held subject’s case is kept');
      assert.deepEqual(
        await rights.applyRetention(app, cutoff),
        { contents: 0, reviewCases: 0 },
        'idempotent',
      );
    });
  });
}
