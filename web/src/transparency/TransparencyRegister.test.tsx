import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { fakeFetch } from '../test-support/dom.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import type { Locale } from '../i18n/locales.js';
import { TransparencyRegister, type PublicRegister } from './TransparencyRegister.js';

afterEach(cleanup);

const system = (over: Partial<PublicRegister['data'][number]>): PublicRegister['data'][number] => ({
  object: 'mizan.transparency.system',
  id: 'sys_amo',
  name: 'Assistant AMO',
  administration: 'Caisse nationale',
  controller: { name: 'Caisse nationale', address: null },
  demo: false,
  purpose: {
    description: 'Informer les assurés sur leurs droits',
    sector: 'health',
    legal_basis: 'public_interest',
    legal_basis_reference: 'Loi 65-00',
  },
  cndp_formality: { regime: 'authorisation', reference: 'A-45/2025', status: 'granted', date: null },
  risk_tier: 'limited',
  human_oversight: { review_before_release: 'none', sampled_after_release: 0.02, reviewers: 3 },
  models: [
    { id: 'atlas', licence: 'apache-2.0', hosting: { operator: 'DC Rabat', country: 'MA', sovereign: true } },
  ],
  data_subjects: ['general_public'],
  data_categories: { identifiers: ['MA_CIN'], sensitive: ['SENSITIVE_HEALTH'] },
  retention_days: 90,
  recipients: [],
  processors: [],
  transfers_abroad: { countries: [], basis: 'none' },
  dpo: { email: 'dpo@caisse.ma', phone: null },
  ...over,
});

const REGISTER: PublicRegister = {
  object: 'list',
  data: [
    system({}),
    system({
      id: 'sys_school',
      name: 'Orientation',
      administration: 'Éducation nationale',
      risk_tier: 'high',
      models: [
        {
          id: 'cloud',
          licence: 'proprietary',
          hosting: { operator: 'Cloud', country: 'FR', sovereign: false },
        },
      ],
      data_categories: { identifiers: [], sensitive: [] },
    }),
  ],
  rights: {
    kinds: ['access', 'rectification', 'opposition', 'erasure'],
    deadline_days: 10,
    file: { method: 'POST', path: '/v1/subject-rights/requests' },
    follow: { method: 'GET', path: '/v1/subject-rights/requests/{id}' },
    authority: { name: 'CNDP', acronym: 'CNDP', url: 'https://www.cndp.ma' },
  },
};

const show = (locale: Locale) => {
  const calls = fakeFetch(() => ({ body: REGISTER }));
  render(
    <LocaleProvider initial={locale}>
      <TransparencyRegister />
    </LocaleProvider>,
  );
  return calls;
};

test('shows each system with its tier, hosting, sensitive data and DPO, without credentials', async () => {
  const calls = show('fr');
  const card = (await screen.findByRole('article', { name: 'Assistant AMO' })) as HTMLElement;
  assert.equal(calls[0]?.url, '/v1/transparency/register');
  assert.equal(new Headers(calls[0]?.init.headers).get('authorization'), null);
  const inCard = within(card);
  assert.ok(inCard.getByText('Risque limité'));
  assert.ok(inCard.getByText(/Opéré par DC Rabat, Maroc/));
  assert.ok(inCard.getByText('Hébergement souverain (au Maroc)'));
  assert.ok(inCard.getByText(/Santé/));
  assert.ok(inCard.getByText(/Numéro de CIN/));
  assert.ok(inCard.getByText('2 % des réponses relues par une personne après envoi'));
  assert.equal(
    inCard.getByRole('link', { name: 'dpo@caisse.ma' }).getAttribute('href'),
    'mailto:dpo@caisse.ma',
  );
  assert.ok(screen.getByRole('heading', { name: 'Vos droits' }));
  assert.ok(screen.getByRole('link', { name: /CNDP/ }));
});

test('filters by administration and by risk tier, and announces how many remain', async () => {
  show('en');
  await screen.findByRole('article', { name: 'Orientation' });
  fireEvent.change(screen.getByLabelText('Risk tier'), { target: { value: 'high' } });
  assert.deepEqual(
    screen
      .getAllByRole('article')
      .map((a) => a.getAttribute('aria-labelledby') && a.querySelector('h2')?.textContent),
    ['Orientation'],
  );
  assert.ok(screen.getByText('1 system(s)'));
  assert.ok(screen.getByText('Hosted outside Moroccan jurisdiction'));
  fireEvent.change(screen.getByLabelText('Risk tier'), { target: { value: '' } });
  fireEvent.change(screen.getByLabelText('Administration'), { target: { value: 'Caisse nationale' } });
  assert.deepEqual(
    screen.getAllByRole('article').map((a) => a.querySelector('h2')?.textContent),
    ['Assistant AMO'],
  );
});

test('speaks Arabic and Tamazight in Tifinagh', async () => {
  show('ar');
  assert.ok(await screen.findByRole('heading', { name: 'حقوقكم' }));
  assert.ok(screen.getAllByText('مخاطر محدودة').length > 0);
  cleanup();
  show('zgh');
  assert.ok(await screen.findByRole('heading', { name: 'ⵉⵣⵔⴼⴰⵏ ⵏⵏⵓⵏ' }));
});
