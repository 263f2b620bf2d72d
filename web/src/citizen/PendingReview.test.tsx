import { fakeFetch } from '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { HeldAnswer, pendingCases } from './PendingReview.js';
import { CITATION } from './mizan-fixture.js';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const PENDING = { case_id: 'rev_abc', expected_by: '2026-11-25T10:00:00.000Z' };
const base = {
  object: 'mizan.review',
  case_id: 'rev_abc',
  expected_by: PENDING.expected_by,
  language: 'fra_Latn',
};

test('polls a held answer until the reviewer approves it, then shows the reviewed answer and forgets the case', async () => {
  let asked = 0;
  const calls = fakeFetch((url) => {
    assert.equal(url, '/v1/reviews/rev_abc');
    asked++;
    return asked < 3
      ? { body: { ...base, status: 'pending', message: 'en attente' } }
      : {
          body: {
            ...base,
            status: 'approved',
            answer: 'Vous pouvez demander vos données [1].',
            edited: true,
            citations: [CITATION],
            decided_at: '2026-11-25T09:00:00.000Z',
          },
        };
  });
  const decided: string[] = [];
  render(
    <LocaleProvider initial="fr">
      <HeldAnswer pending={PENDING} pollMs={10} onDecided={(state) => decided.push(state)} />
    </LocaleProvider>,
  );
  assert.ok(screen.getByText('Vérification en cours'));
  assert.deepEqual(pendingCases.list(), [PENDING], 'kept for the tab, so that a reload waits on');

  await screen.findByText('Réponse vérifiée');
  assert.equal(calls.length, 3);
  assert.ok(screen.getByText(/L’agent a corrigé la réponse/));
  assert.ok(screen.getByRole('button', { name: 'Ouvrir la source 1' }));
  assert.deepEqual(decided, ['approved']);
  assert.deepEqual(pendingCases.list(), []);
  // Decided: no more asking.
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(calls.length, 3);
  // Credentials: the session cookie only, never a staff token of the tab.
  assert.equal(new Headers(calls[0]!.init.headers).get('authorization'), null);
});

test('a rejected answer shows the reviewer’s reason and the gateway’s message', async () => {
  fakeFetch(() => ({
    body: {
      ...base,
      status: 'rejected',
      message: 'Un agent n’a pas pu confirmer la réponse.',
      reason: 'Consultez le portail Tawjihi.',
      decided_at: '2026-11-25T09:00:00.000Z',
    },
  }));
  render(
    <LocaleProvider initial="fr">
      <HeldAnswer pending={PENDING} pollMs={10} />
    </LocaleProvider>,
  );
  await screen.findByText('Réponse non validée');
  assert.ok(screen.getByText('Motif : Consultez le portail Tawjihi.'));
  assert.ok(screen.getByText(/n’a pas pu confirmer/));
});

test('a case the server no longer knows is forgotten', async () => {
  fakeFetch(() => ({ status: 404, body: { error: { code: 'case_not_found', message: 'no case' } } }));
  render(
    <LocaleProvider initial="fr">
      <HeldAnswer pending={PENDING} pollMs={10} />
    </LocaleProvider>,
  );
  await waitFor(() => assert.deepEqual(pendingCases.list(), []));
});
