import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeFetch } from '../test-support/dom.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { StaffGate } from '../staff/StaffGate.js';
import type { Suspension } from './governance-api.js';
import { KillSwitch } from './KillSwitch.js';

afterEach(cleanup);

const APPLICATIONS = [
  {
    id: 'app_1',
    name: 'Guichet état civil',
    stage: 'production' as const,
    registered: true,
    risk_tier: 'limited',
  },
];

/** A server with a tenant admin signed in and the suspensions it holds. */
function server() {
  const suspensions: Suspension[] = [];
  const calls = fakeFetch((url, init) => {
    const method = init.method ?? 'GET';
    if (url === '/v1/oversight/me')
      return { body: { kind: 'staff', id: 'stf_1', name: 'Admin', tenant: null, roles: ['tenant_admin'] } };
    if (url === '/v1/oversight/models') return { body: { data: [] } };
    if (url === '/v1/oversight/suspensions' && method === 'GET') return { body: { data: suspensions } };
    if (url === '/v1/oversight/suspensions' && method === 'POST') {
      const body = JSON.parse(String(init.body)) as { target_id: string; reason: string };
      suspensions.push({
        id: 'sus_1',
        targetKind: 'application',
        targetId: body.target_id,
        tenantId: 'ten_1',
        reason: body.reason,
        suspendedBy: 'staff:stf_1',
        suspendedAt: '2026-11-24T10:00:00.000Z',
      });
      return { status: 201, body: suspensions[0] };
    }
    if (url === '/v1/oversight/suspensions/application/app_1' && method === 'DELETE') {
      suspensions.length = 0;
      return { body: { data: [] } };
    }
    return { status: 404, body: { error: { message: `unexpected ${method} ${url}`, code: 'unexpected' } } };
  });
  sessionStorage.setItem('mizan.staffToken', 'mzs_test');
  render(
    <LocaleProvider initial="fr">
      <StaffGate roles={['tenant_admin']}>
        <KillSwitch applications={APPLICATIONS} />
      </StaffGate>
    </LocaleProvider>,
  );
  const changes = () => calls.filter((c) => (c.init.method ?? 'GET') !== 'GET');
  return { changes };
}

test('suspending asks for a reason and a confirmation before anything is sent, then lifting asks again', async () => {
  const { changes } = server();
  fireEvent.click(await screen.findByRole('button', { name: 'Suspendre' }));
  assert.deepEqual(changes(), [], 'opening the question sends nothing');
  assert.ok(screen.getByText('Suspendre Guichet état civil ? Le service s’arrête aussitôt.'));
  const confirm = screen.getByRole('button', { name: 'Confirmer' });
  assert.equal((confirm as HTMLButtonElement).disabled, true, 'no confirmation without a reason');
  fireEvent.change(screen.getByLabelText(/Motif/), { target: { value: 'ok' } });
  assert.equal((confirm as HTMLButtonElement).disabled, true, 'a reason has at least three characters');

  fireEvent.change(screen.getByLabelText(/Motif/), { target: { value: 'Fuite de données signalée' } });
  fireEvent.click(confirm);
  await screen.findByText('Guichet état civil est suspendu.');
  assert.equal(changes().length, 1);
  assert.deepEqual(JSON.parse(String(changes()[0]!.init.body)), {
    target_kind: 'application',
    target_id: 'app_1',
    reason: 'Fuite de données signalée',
  });
  await screen.findByText('Fuite de données signalée');

  fireEvent.click(screen.getByRole('button', { name: 'Lever la suspension' }));
  assert.equal(changes().length, 1, 'lifting waits for its confirmation');
  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  assert.equal(changes().length, 1, 'a cancelled lift sends nothing');
  fireEvent.click(screen.getByRole('button', { name: 'Lever la suspension' }));
  fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
  await screen.findByText('Aucune suspension en cours.');
  await waitFor(() => assert.equal(changes().at(-1)!.init.method, 'DELETE'));
});
