import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, test } from 'node:test';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { credentials } from '../api/client.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { fakeFetch } from '../test-support/dom.js';
import { StaffGate } from '../staff/StaffGate.js';
import { ReviewDesk } from './ReviewDesk.js';
import { REVIEWER, reviewCase } from './review-fixtures.js';

beforeEach(() => credentials.setStaffToken('mzs_test_token'));
afterEach(cleanup);
// The first render compiles the surface: slow on a busy machine, which is no failure of the console.
configure({ asyncUtilTimeout: 5000 });

test('the queue puts held answers first, earliest deadline first, and says in words which are overdue', async () => {
  const calls = fakeFetch((url) => {
    if (url.startsWith('/v1/oversight/me')) return { body: REVIEWER };
    if (url.startsWith('/v1/oversight/applications'))
      return { body: { data: [{ id: 'app_guichet', name: 'Guichet des certificats' }] } };
    if (url.startsWith('/v1/oversight/reviews'))
      return {
        body: {
          // In the server's order (deadline only): the sample comes first there.
          data: [
            reviewCase('rev_sample', -30, { kind: 'sample', triggers: [{ kind: 'sampled' }] }),
            reviewCase('rev_later', 120.5),
            reviewCase('rev_late', -5.5),
            reviewCase('rev_soon', 10, { status: 'claimed', claimedBy: 'staff:stf_reviewer' }),
          ],
        },
      };
    return { status: 404, body: { error: { code: 'unknown_route', message: url } } };
  });
  render(
    <LocaleProvider initial="fr">
      <StaffGate roles={['reviewer']}>
        <ReviewDesk />
      </StaffGate>
    </LocaleProvider>,
  );
  const queue = await screen.findByTestId('review-queue');
  await waitFor(() => assert.equal(within(queue).getAllByRole('listitem').length, 4));
  const items = within(queue).getAllByRole('listitem');
  assert.deepEqual(
    items.map((item) => item.dataset.case),
    ['rev_late', 'rev_soon', 'rev_later', 'rev_sample'],
  );
  assert.match(items[0]!.textContent!, /En retard/);
  assert.match(items[0]!.textContent!, /En retard de 5 min/);
  assert.match(items[1]!.textContent!, /Échéance proche/);
  assert.match(items[1]!.textContent!, /Pris par vous/);
  assert.match(items[2]!.textContent!, /Temps restant : 2 h 00 min/);
  assert.doesNotMatch(items[2]!.textContent!, /En retard/);
  assert.match(items[3]!.textContent!, /Échantillon qualité/);
  assert.match(items[3]!.textContent!, /En retard/);
  assert.match(items[0]!.textContent!, /Guichet des certificats/);
  assert.match(items[0]!.textContent!, /Sujet sensible \(décision administrative\)/);
  // A claimed case is continued, a pending one claimed; each button is described by its question.
  assert.ok(within(items[1]!).getByRole('button', { name: 'Reprendre la relecture' }));
  const claim = within(items[0]!).getByRole('button', { name: 'Prendre et relire' });
  assert.equal(
    document.getElementById(claim.getAttribute('aria-describedby')!)?.textContent,
    'Question du dossier rev_late',
  );
  // Announced once, coarsely: counts, not seconds.
  assert.equal(screen.getByTestId('queue-summary').textContent, 'Dossiers : 4 — en retard : 2');
  assert.equal(screen.getByTestId('queue-summary').getAttribute('aria-live'), 'polite');
  const listed = calls.find((call) => call.url.startsWith('/v1/oversight/reviews'))!;
  assert.equal(listed.url, '/v1/oversight/reviews?status=pending%2Cclaimed');
  assert.equal(new Headers(listed.init.headers).get('authorization'), 'Bearer mzs_test_token');
});

test('the filters ask the server for decided cases, one kind and one application', async () => {
  const calls = fakeFetch((url) => {
    if (url.startsWith('/v1/oversight/me')) return { body: REVIEWER };
    if (url.startsWith('/v1/oversight/applications'))
      return { body: { data: [{ id: 'app_guichet', name: 'Guichet des certificats' }] } };
    return { body: { data: [] } };
  });
  render(
    <LocaleProvider initial="en">
      <StaffGate roles={['reviewer']}>
        <ReviewDesk />
      </StaffGate>
    </LocaleProvider>,
  );
  fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'decided' } });
  fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'sample' } });
  await screen.findByRole('option', { name: 'Guichet des certificats' });
  fireEvent.change(screen.getByLabelText('Application'), { target: { value: 'app_guichet' } });
  await waitFor(() =>
    assert.ok(
      calls.some(
        (call) =>
          call.url === '/v1/oversight/reviews?status=approved%2Crejected&kind=sample&application=app_guichet',
      ),
    ),
  );
  assert.ok(await screen.findByText('No case here.'));
});
