import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publicSystemId } from '../../src/oversight/register/public-register.js';
import type { Actor } from '../../src/oversight/actors.js';
import { useUpstreamGateway } from '../support/gateway-harness.js';
import { commission, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';

const PLATFORM_ADMIN: Actor = { kind: 'platform_admin' };

/** A health-insurance assistant for the public: the limited tier, with a sensitive category of Law 09-08. */
const AMO_USE_CASE = {
  ...MINIMAL_USE_CASE,
  purpose: 'Informer les assurés sur leurs droits à l’assurance maladie obligatoire',
  legal_basis_reference: 'Loi 65-00 portant code de la couverture médicale de base',
  controller: { name: 'Caisse de test', address: '1 avenue de test, Rabat' },
  cndp: { regime: 'authorisation', reference: 'A-45/2025', status: 'granted', date: '2025-03-01' },
  sector: 'health',
  people_affected: ['general_public'],
  data_categories: ['PERSON', 'MA_CIN', 'SENSITIVE_HEALTH'],
  retention_days: 90,
  processors: [
    { name: 'Hébergeur souverain', role: 'hosting', country: 'MA', contract_reference: 'CTR-SECRET-99' },
  ],
  dpo: { name: 'Naima Confidentielle', email: 'dpo@caisse.test', phone: '+212 5 37 00 00 00' },
};
const LIMITED_ANSWERS = {
  use: 'administrative_information',
  autonomy: 'advice',
  impact_on_rights: 'access_to_information',
  vulnerability: ['general_public'],
  data_sensitivity: ['identifiers', 'cin', 'sensitive'],
  scale: 'national',
};

interface System {
  id: string;
  name: string;
  administration: string;
  demo: boolean;
  risk_tier: string;
  purpose: { description: string; legal_basis: string; legal_basis_reference: string | null };
  cndp_formality: { regime: string; reference: string; status: string };
  models: {
    id: string;
    licence: string;
    hosting: { operator: string; country: string; sovereign: boolean };
  }[];
  data_categories: { identifiers: string[]; sensitive: string[] };
  human_oversight: { review_before_release: string; sampled_after_release: number; reviewers: number } | null;
  dpo: Record<string, unknown>;
  processors: Record<string, unknown>[];
}
interface Register {
  object: string;
  data: System[];
  rights: { kinds: string[]; deadline_days: number; file: { path: string }; authority: { acronym: string } };
}

describe('public transparency register', () => {
  const fixture = useUpstreamGateway({
    models: [{ id: 'atlas', provider: 'dc', approved_for: ['minimal', 'limited'], licence: 'apache-2.0' }],
  });
  const secrets: string[] = [];
  let amoId: string;
  let hidden: { development: string; unregistered: string; suspended: string };

  const get = async (path: string) => {
    const response = await fetch(`${fixture.gateway.origin}${path}`);
    return { response, text: await response.text() };
  };

  before(async () => {
    const { platform } = fixture.gateway;
    const o = platform.oversight;
    const tenant = await platform.tenancy.createTenant({ name: 'Caisse nationale de test' });
    const app = async (name: string) =>
      (await platform.tenancy.createApplication({ tenantId: tenant.id, name })).id;
    amoId = await app('Assistant AMO');
    await commission(platform, amoId, { useCase: AMO_USE_CASE, answers: LIMITED_ANSWERS });
    hidden = {
      development: await app('Brouillon'),
      unregistered: await app('Inconnu'),
      suspended: await app('Coupé'),
    };
    await commission(platform, hidden.development, { promote: false });
    await commission(platform, hidden.suspended);
    await o.killSwitch.suspend(PLATFORM_ADMIN, {
      targetKind: 'application',
      targetId: hidden.suspended,
      reason: 'incident',
    });
    const { member, token } = await o.staff.create(PLATFORM_ADMIN, {
      tenantId: tenant.id,
      name: 'Relectrice Secrète',
      roles: ['reviewer'],
    });
    const { sandbox, key: sandboxKey } = await o.sandboxes.open(PLATFORM_ADMIN, amoId, {
      purpose: 'Essais synthétiques',
      endsAt: new Date(Date.now() + 86_400_000),
      maxRequests: 10,
      maxTokens: 10_000,
    });
    const { key } = await platform.tenancy.createKey({ applicationId: amoId });
    secrets.push(
      tenant.id,
      amoId,
      ...Object.values(hidden),
      member.id,
      member.name,
      token,
      key,
      sandboxKey,
      sandbox.id,
      fixture.gateway.key,
      fixture.gateway.applicationId,
      fixture.gateway.tenantId,
      'Naima Confidentielle',
      'CTR-SECRET-99',
    );
  });

  it('lists an application in production with its tier, models and hosting, data categories and oversight, without signing in', async () => {
    const { response, text } = await get('/v1/transparency/register');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /public, max-age=\d+/);
    const register = JSON.parse(text) as Register;
    const amo = register.data.find((s) => s.name === 'Assistant AMO');
    assert.ok(amo, text);
    assert.equal(amo.id, publicSystemId(amoId));
    assert.equal(amo.administration, 'Caisse nationale de test');
    assert.equal(amo.risk_tier, 'limited');
    assert.equal(amo.demo, false);
    assert.equal(amo.purpose.description, AMO_USE_CASE.purpose);
    assert.equal(amo.purpose.legal_basis_reference, AMO_USE_CASE.legal_basis_reference);
    assert.deepEqual(amo.cndp_formality, {
      regime: 'authorisation',
      reference: 'A-45/2025',
      status: 'granted',
      date: '2025-03-01',
    });
    assert.deepEqual(amo.models, [
      { id: 'atlas', licence: 'apache-2.0', hosting: { operator: 'test', country: 'MA', sovereign: true } },
    ]);
    assert.deepEqual(amo.data_categories, {
      identifiers: ['MA_CIN', 'PERSON'],
      sensitive: ['SENSITIVE_HEALTH'],
    });
    assert.deepEqual(amo.human_oversight, {
      review_before_release: 'none',
      sampled_after_release: 0.02,
      reviewers: 1,
    });
    assert.deepEqual(amo.dpo, { email: 'dpo@caisse.test', phone: '+212 5 37 00 00 00' });
    assert.deepEqual(amo.processors, [{ name: 'Hébergeur souverain', role: 'hosting', country: 'MA' }]);
    assert.deepEqual(register.rights.kinds, ['access', 'rectification', 'opposition', 'erasure']);
    assert.equal(register.rights.deadline_days, 10);
    assert.equal(register.rights.file.path, '/v1/subject-rights/requests');
    assert.equal(register.rights.authority.acronym, 'CNDP');
  });

  it('shows no application in development, unregistered or suspended, and no id, key, token or staff name', async () => {
    const { text } = await get('/v1/transparency/register');
    const names = (JSON.parse(text) as Register).data.map((s) => s.name);
    assert.deepEqual(names.sort(), ['Assistant AMO', 'assistant']);
    for (const id of Object.values(hidden)) {
      const one = await get(`/v1/transparency/register/${publicSystemId(id)}`);
      assert.equal(one.response.status, 404);
    }
    const leaked = secrets.filter((secret) => text.includes(secret));
    assert.deepEqual(leaked, []);
  });

  it('answers one system by its public id, with the rights, and a structured 404 for an unknown one', async () => {
    const { response, text } = await get(`/v1/transparency/register/${publicSystemId(amoId)}`);
    assert.equal(response.status, 200);
    const amo = JSON.parse(text) as System & { rights: Register['rights'] };
    assert.equal(amo.name, 'Assistant AMO');
    assert.equal(amo.rights.authority.acronym, 'CNDP');
    assert.deepEqual(
      secrets.filter((secret) => text.includes(secret)),
      [],
    );
    const unknown = await get(`/v1/transparency/register/${amoId}`);
    assert.equal(unknown.response.status, 404);
    assert.equal((JSON.parse(unknown.text) as { error: { code: string } }).error.code, 'system_not_found');
  });

  it('filters by administration, by name; an unknown administration is not found', async () => {
    const one = await get(
      `/v1/transparency/register?tenant=${encodeURIComponent('Caisse nationale de test')}`,
    );
    assert.deepEqual(
      (JSON.parse(one.text) as Register).data.map((s) => s.name),
      ['Assistant AMO'],
    );
    const unknown = await get('/v1/transparency/register?tenant=nobody');
    assert.equal(unknown.response.status, 404);
    assert.equal((JSON.parse(unknown.text) as { error: { code: string } }).error.code, 'tenant_not_found');
    const bad = await get('/v1/transparency/register?secret=1');
    assert.equal(bad.response.status, 400);
  });

  it('drops an application from the register as soon as it is suspended here', async () => {
    const { platform } = fixture.gateway;
    const before = JSON.parse((await get('/v1/transparency/register')).text) as Register;
    assert.ok(before.data.some((s) => s.name === 'assistant'));
    await platform.oversight.killSwitch.suspend(PLATFORM_ADMIN, {
      targetKind: 'application',
      targetId: fixture.gateway.applicationId,
      reason: 'incident',
    });
    const after = JSON.parse((await get('/v1/transparency/register')).text) as Register;
    assert.deepEqual(
      after.data.map((s) => s.name),
      ['Assistant AMO'],
    );
  });
});
