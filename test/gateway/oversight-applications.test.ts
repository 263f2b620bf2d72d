import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startGateway, type Gateway } from '../support/gateway-harness.js';

const PLATFORM_ADMIN = { kind: 'platform_admin' } as const;

describe('GET /v1/oversight/applications: the applications a governance console shows', () => {
  let gateway: Gateway;
  const tokens = {} as Record<'auditor' | 'agent' | 'elsewhere', string>;
  let unregisteredId: string;

  before(async () => {
    gateway = await startGateway({});
    const { platform, tenantId } = gateway;
    const staff = async (tenant: string, role: string) =>
      (await platform.oversight.staff.create(PLATFORM_ADMIN, { tenantId: tenant, name: role, roles: [role] }))
        .token;
    tokens.auditor = await staff(tenantId, 'auditor');
    tokens.agent = await staff(tenantId, 'agent');
    const other = await platform.tenancy.createTenant({ name: 'autre-ministere' });
    await platform.tenancy.createApplication({ tenantId: other.id, name: 'autre-assistant' });
    tokens.elsewhere = await staff(other.id, 'auditor');
    unregisteredId = (await platform.tenancy.createApplication({ tenantId, name: 'brouillon' })).id;
  });
  after(() => gateway.close());

  const list = (token: string) =>
    fetch(`${gateway.origin}/v1/oversight/applications`, { headers: { authorization: `Bearer ${token}` } });

  it("lists the staff member's own tenant's applications, with register status, tier and stage", async () => {
    const response = await list(tokens.auditor);
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: Record<string, unknown>[] };
    assert.deepEqual(
      data.map(({ id, name, stage, registered, risk_tier }) => ({ id, name, stage, registered, risk_tier })),
      [
        {
          id: gateway.applicationId,
          name: 'assistant',
          stage: 'production',
          registered: true,
          risk_tier: 'minimal',
        },
        { id: unregisteredId, name: 'brouillon', stage: 'development', registered: false, risk_tier: null },
      ],
    );
  });

  it("shows another tenant's staff only theirs, and refuses a role that does not govern", async () => {
    const elsewhere = (await (await list(tokens.elsewhere)).json()) as { data: { name: string }[] };
    assert.deepEqual(
      elsewhere.data.map((a) => a.name),
      ['autre-assistant'],
    );
    const agent = await list(tokens.agent);
    assert.equal(agent.status, 403);
    assert.equal(((await agent.json()) as { error: { code: string } }).error.code, 'role_required');
    assert.equal((await list('')).status, 401);
  });
});
