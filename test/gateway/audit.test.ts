import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { openContent } from '../../src/audit/content.js';
import { recordLeafHash, verifyConsistency, verifyInclusion } from '../../src/audit/merkle.js';
import { publicKeyFrom, verifyTreeHead, type SignedTreeHead } from '../../src/audit/signed-head.js';
import { verifyExport } from '../../src/audit/verify-export.js';
import { deriveTenantKey, resolveVaultMasterKey } from '../../src/privacy/vault-crypto.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';

const ADMIN_TOKEN = 'audit-admin-token-0123456789abcdef';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('the verifiable audit log over HTTP', () => {
  // The operator measured 0.5 Wh per 1,000 tokens for this model on its hardware.
  const fixture = useUpstreamGateway({
    security: { admin_token: ADMIN_TOKEN },
    models: [{ id: 'atlas', provider: 'dc', energy_wh_per_1k_tokens: 0.5 }],
  });
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${fixture.gateway.origin}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const code = (r: { body: unknown }) => (r.body as ErrorBody).error.code;
  const ask = async (key: string, content: string) => {
    const r = await call('POST', '/v1/chat/completions', key, {
      model: 'atlas',
      messages: [{ role: 'user', content }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return (r.body.mizan as { audit_id: string }).audit_id;
  };
  const people = {} as Record<'auditor' | 'reviewer' | 'otherAuditor', string>;
  let keepingKey: string;
  let keepingApp: string;
  let otherKey: string;

  before(async () => {
    const { platform } = fixture.gateway;
    const staff = async (tenant: string, name: string, roles: string[]) => {
      const r = await call('POST', '/v1/oversight/staff', ADMIN_TOKEN, { tenant, name, roles });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.token as string;
    };
    const tenant = await platform.tenancy.createTenant({ name: 'douane' });
    const other = await platform.tenancy.createTenant({ name: 'autre' });
    people.auditor = await staff('douane', 'Auditor', ['auditor']);
    people.reviewer = await staff('douane', 'Reviewer', ['reviewer']);
    people.otherAuditor = await staff('autre', 'Other auditor', ['auditor']);
    // An application whose register keeps the content of its flows (encrypted, for its retention period).
    const keeping = await platform.tenancy.createApplication({ tenantId: tenant.id, name: 'guichet' });
    await commission(platform, keeping.id, { useCase: { ...MINIMAL_USE_CASE, retain_content: true } });
    keepingApp = keeping.id;
    keepingKey = (await platform.tenancy.createKey({ applicationId: keeping.id })).key;
    const otherApp = await platform.tenancy.createApplication({ tenantId: other.id, name: 'autre' });
    await commission(platform, otherApp.id);
    otherKey = (await platform.tenancy.createKey({ applicationId: otherApp.id })).key;
  });

  it('records every request with its purpose, legal basis, latency and salted content commitments, before answering', async () => {
    const id = await ask(keepingKey, 'Quels documents pour un passeport ? Mon numéro est 0612345678');
    const { platform } = fixture.gateway;
    const event = (await platform.audit.store.byId(id))!;
    assert.ok(event, 'the record is durable when the answer arrives');
    const detail = event.detail as Record<string, unknown>;
    assert.equal(detail.purpose, MINIMAL_USE_CASE.purpose);
    assert.equal(detail.legal_basis, 'public_interest');
    assert.equal(detail.outcome, 'completion');
    assert.equal(typeof detail.latency_ms, 'number');
    assert.ok((detail.tokens as number) > 0);
    assert.equal(detail.energy_wh_estimate, Math.round((detail.tokens as number) * 0.5) / 1000);
    assert.deepEqual((detail.model as { country: string }).country, 'MA');
    assert.ok((detail.data_categories as Record<string, unknown>).MA_PHONE, 'the phone number is counted');
    const content = detail.content as { request: string; answer: string; kept: boolean };
    assert.match(content.request, /^[0-9a-f]{64}$/);
    assert.match(content.answer, /^[0-9a-f]{64}$/);
    assert.equal(content.kept, true);
    assert.doesNotMatch(JSON.stringify(event), /0612345678/, 'no personal data in the record');

    // The content is kept encrypted under the tenant's key, apart from the record.
    const row = await platform.database.db
      .selectFrom('audit_contents')
      .selectAll()
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(row.ciphertext);
    assert.doesNotMatch(row.ciphertext, /0612345678/);
    const master = resolveVaultMasterKey({ env: {}, dataDir: platform.config.data_dir });
    const opened = openContent(
      deriveTenantKey(master, event.tenantId!, 'encryption'),
      event.tenantId!,
      id,
      row.ciphertext,
    );
    assert.match(JSON.stringify(opened.request), /0612345678/);

    // An application that does not keep content leaves only the commitments' salt.
    const plain = await ask(fixture.gateway.key, 'Bonjour');
    const plainRow = await platform.database.db
      .selectFrom('audit_contents')
      .selectAll()
      .where('record_id', '=', plain)
      .executeTakeFirstOrThrow();
    assert.equal(plainRow.ciphertext, null);
    assert.ok(plainRow.salt);
  });

  it('publishes signed heads, keys and consistency proofs to anyone, and inclusion proofs to those who may read the record', async () => {
    const ids = [await ask(keepingKey, 'Horaires du bureau ?'), await ask(keepingKey, 'Adresse ?')];
    await fixture.gateway.platform.audit.integrator.integrate();

    const sth = await call('GET', '/v1/audit/sth');
    assert.equal(sth.status, 200);
    const head = sth.body as unknown as SignedTreeHead;
    const keys = await call('GET', '/v1/audit/keys');
    const published = (keys.body.data as Array<{ key_id: string; public_key: string }>).map((k) =>
      publicKeyFrom(k.public_key),
    );
    const keyMap = new Map(published.map((k) => [k.keyId, k.publicKey]));
    assert.equal(verifyTreeHead(head, keyMap), 'valid');

    for (const [token, label] of [
      [keepingKey, 'the application that made it'],
      [people.auditor, "the tenant's auditor"],
      [ADMIN_TOKEN, 'the platform admin'],
    ] as const) {
      const proof = await call('GET', `/v1/audit/proof/inclusion?record=${ids[0]}`, token);
      assert.equal(proof.status, 200, label);
      const p = proof.body as { record: object; leaf_index: number; tree_size: number; audit_path: string[] };
      assert.ok(
        verifyInclusion(
          recordLeafHash(p.record),
          p.leaf_index,
          p.tree_size,
          p.audit_path.map((h) => Buffer.from(h, 'hex')),
          Buffer.from((proof.body.signed_tree_head as SignedTreeHead).root_hash, 'hex'),
        ),
        label,
      );
    }
    assert.equal(
      (await call('GET', `/v1/audit/proof/inclusion?record=${ids[0]}`, people.otherAuditor)).status,
      404,
    );
    assert.equal((await call('GET', `/v1/audit/proof/inclusion?record=${ids[0]}`, otherKey)).status, 404);
    assert.equal(
      (await call('GET', `/v1/audit/proof/inclusion?record=${ids[0]}`, people.reviewer)).status,
      403,
    );
    assert.equal((await call('GET', `/v1/audit/proof/inclusion?record=${ids[0]}`)).status, 401);
    const unknown = await call('GET', '/v1/audit/proof/inclusion?record=evt_nope', people.auditor);
    assert.equal(unknown.status, 404);
    assert.equal(code(unknown), 'record_not_found');

    const heads = await call('GET', '/v1/audit/heads?after=0');
    const first = (heads.body.data as SignedTreeHead[])[0]!;
    const consistency = await call(
      'GET',
      `/v1/audit/proof/consistency?first=${first.tree_size}&second=${head.tree_size}`,
    );
    assert.equal(consistency.status, 200);
    assert.ok(
      verifyConsistency(
        first.tree_size,
        head.tree_size,
        Buffer.from(first.root_hash, 'hex'),
        Buffer.from(head.root_hash, 'hex'),
        (consistency.body.proof as string[]).map((h) => Buffer.from(h, 'hex')),
      ),
    );
    const beyond = await call('GET', `/v1/audit/proof/consistency?first=1&second=${head.tree_size + 5}`);
    assert.equal(beyond.status, 400);
    assert.equal(code(beyond), 'proof_out_of_range');
    const backwards = await call('GET', '/v1/audit/proof/consistency?first=3&second=2');
    assert.equal(code(backwards), 'proof_out_of_range');
    const malformed = await call('GET', '/v1/audit/proof/consistency?first=abc&second=2');
    assert.equal(malformed.status, 400);
    const noHead = await call(
      'GET',
      `/v1/audit/proof/inclusion?record=${ids[0]}&tree_size=1`,
      people.auditor,
    );
    assert.equal(noHead.status, 404);
    assert.equal(code(noHead), 'head_not_found');
  });

  it("lists a tenant's records to its auditors only, filtered, and charts flows for the dashboards", async () => {
    await ask(otherKey, 'Bonjour');
    const mine = await call('GET', `/v1/audit/records?kind=flow&application=${keepingApp}`, people.auditor);
    assert.equal(mine.status, 200);
    const data = mine.body.data as Array<{ applicationId: string; tenantId: string }>;
    assert.ok(data.length >= 3);
    assert.ok(data.every((e) => e.applicationId === keepingApp));
    const all = await call('GET', '/v1/audit/records?kind=flow', people.otherAuditor);
    assert.ok(
      (all.body.data as Array<{ applicationId: string }>).every((e) => e.applicationId !== keepingApp),
    );
    assert.equal(
      (await call('GET', `/v1/audit/records?application=${keepingApp}`, people.otherAuditor)).status,
      404,
    );
    assert.equal((await call('GET', '/v1/audit/records', people.reviewer)).status, 403);
    assert.equal((await call('GET', '/v1/audit/records', keepingKey)).status, 403);
    const bad = await call('GET', '/v1/audit/records?kind=everything', people.auditor);
    assert.equal(bad.status, 400);

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const byOutcome = await call(
      'GET',
      `/v1/audit/stats?by=outcome&bucket=hour&from=${from}&to=${to}`,
      people.auditor,
    );
    assert.equal(byOutcome.status, 200, JSON.stringify(byOutcome.body));
    const points = byOutcome.body.data as Array<{ key: string; flows: number }>;
    assert.ok(points.some((p) => p.key === 'completion' && p.flows >= 3));
    const byCategory = await call(
      'GET',
      `/v1/audit/stats?by=data_category&from=${from}&to=${to}`,
      people.auditor,
    );
    assert.ok((byCategory.body.data as Array<{ key: string }>).some((p) => p.key === 'MA_PHONE'));
    const byCountry = await call(
      'GET',
      `/v1/audit/stats?by=provider_country&from=${from}&to=${to}`,
      people.auditor,
    );
    assert.deepEqual([...new Set((byCountry.body.data as Array<{ key: string }>).map((p) => p.key))], ['MA']);
    const inverted = await call('GET', `/v1/audit/stats?by=outcome&from=${to}&to=${from}`, people.auditor);
    assert.equal(code(inverted), 'invalid_range');
  });

  it('records requests refused before their caller is known, with their error code', async () => {
    const refused = await call('POST', '/v1/chat/completions', 'mz_not_a_real_key_0123456789', {
      model: 'atlas',
      messages: [{ role: 'user', content: 'Bonjour' }],
    });
    assert.equal(refused.status, 401);
    const log = await call('GET', '/v1/audit/records?kind=flow&outcome=refused&limit=1000', ADMIN_TOKEN);
    const anonymous = (
      log.body.data as Array<{ actor: string; tenantId: string | null; detail: { error: string } }>
    ).filter((e) => e.actor === 'anonymous');
    assert.ok(anonymous.some((e) => e.tenantId === null && e.detail.error === 'invalid_api_key'));
    // A tenant's auditor does not see requests that belong to no tenant.
    const theirs = await call('GET', '/v1/audit/records?kind=flow&outcome=refused', people.auditor);
    assert.ok((theirs.body.data as Array<{ actor: string }>).every((e) => e.actor !== 'anonymous'));
  });

  it('exports the log so that an auditor verifies it offline, and a tenant export shows only that tenant in full', async () => {
    const { platform } = fixture.gateway;
    await platform.audit.integrator.integrate();
    const dir = mkdtempSync(join(tmpdir(), 'mizan-export-'));
    try {
      const tenantId = (await platform.tenancy.findApplication(keepingApp))!.tenantId;
      const manifest = await platform.audit.export(join(dir, 'douane'), { tenantId });
      assert.ok(manifest.records_in_full > 0 && manifest.records_in_full < manifest.tree_size);
      const pinned = new Map([[platform.audit.key.keyId, platform.audit.key.publicKey]]);
      const report = await verifyExport(join(dir, 'douane'), { pinnedKeys: pinned });
      assert.equal(report.valid, true, JSON.stringify(report.problems));
      assert.equal(report.tree_size, manifest.tree_size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
