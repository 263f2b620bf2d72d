import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, test } from 'node:test';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { credentials } from '../api/client.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { fakeFetch } from '../test-support/dom.js';
import { StaffGate } from '../staff/StaffGate.js';
import type { ReviewCase } from './review-api.js';
import { ReviewDesk } from './ReviewDesk.js';
import { detailOf, REVIEWER, reviewCase } from './review-fixtures.js';

beforeEach(() => credentials.setStaffToken('mzs_test_token'));
afterEach(cleanup);
// The first render compiles the surface: slow on a busy machine, which is no failure of the console.
configure({ asyncUtilTimeout: 5000 });

const FIRST = 'Le certificat est délivré par la commune [1].';
const SECOND = 'Le délai est de 60 jours [2].';

/** A server holding one case, which cuts the saved text into sentences as the real one does (here: by line). */
function server(initial: Partial<ReviewCase> = {}) {
  let current = reviewCase('rev_1', 90, initial);
  const calls = fakeFetch((url, init) => {
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    if (url.startsWith('/v1/oversight/me')) return { body: REVIEWER };
    if (url.startsWith('/v1/oversight/applications')) return { body: { data: [] } };
    if (url.startsWith('/v1/oversight/reviews?'))
      return {
        body: { data: current.status === 'pending' || current.status === 'claimed' ? [current] : [] },
      };
    if (url.endsWith('/claim')) current = { ...current, status: 'claimed', claimedBy: 'staff:stf_reviewer' };
    if (url.endsWith('/answer')) current = { ...current, answer: body.answer, edited: true };
    if (url.endsWith('/approve'))
      current = { ...current, status: 'approved', decidedAt: new Date().toISOString() };
    if (url.endsWith('/reject')) current = { ...current, status: 'rejected', reason: body.reason };
    return { body: detailOf(current, (current.answer ?? current.draft).split('\n')) };
  });
  return { calls, decision: () => calls.find((c) => /\/(approve|reject)$/.test(c.url)) };
}

const renderDesk = (locale: 'fr' | 'ar' | 'en' = 'fr') =>
  render(
    <LocaleProvider initial={locale}>
      <StaffGate roles={['reviewer']}>
        <ReviewDesk />
      </StaffGate>
    </LocaleProvider>,
  );

test('claiming opens the case; each sentence and source scored goes with the approval, by index and number', async () => {
  const { decision } = server({ draft: `${FIRST}\n${SECOND}` });
  renderDesk();
  fireEvent.click(await screen.findByRole('button', { name: 'Prendre et relire' }));
  const heading = await screen.findByRole('heading', { level: 1, name: 'Dossier rev_1' });
  assert.equal(document.activeElement, heading, 'the reviewer lands on the case');
  // The question, the draft to edit, and every source with its publisher, article and link.
  assert.ok(screen.getByText('Question du dossier rev_1'));
  assert.equal((screen.getByTestId('answer-editor') as HTMLTextAreaElement).value, `${FIRST}\n${SECOND}`);
  const source = screen.getByRole('article', { name: '[2] Texte 2' });
  assert.match(source.textContent!, /Article : Article 16 · Éditeur : Ministère de l’Intérieur · Version 1/);
  assert.match(source.textContent!, /Le texte du passage 2\./);
  assert.doesNotMatch(source.textContent!, /##/);
  assert.equal(
    within(source).getByRole('link', { name: 'Ouvrir le texte' }).getAttribute('href'),
    'https://example.ma/texte-2',
  );

  const sentence = (n: number) => screen.getByRole('group', { name: new RegExp(`^Phrase ${n} `) });
  fireEvent.click(within(sentence(1)).getByLabelText('Correcte et étayée'));
  fireEvent.click(within(sentence(2)).getByLabelText('Fausse ou nuisible'));
  fireEvent.click(
    within(
      screen.getByRole('group', { name: 'La source [1] étaye-t-elle ce pour quoi elle est citée ?' }),
    ).getByLabelText('Oui'),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Approuver et envoyer' }));
  await waitFor(() => assert.ok(decision()));
  assert.deepEqual(JSON.parse(String(decision()!.init.body)), {
    scores: {
      sentences: [
        { index: 0, verdict: 'correct' },
        { index: 1, verdict: 'incorrect' },
      ],
      citations: [{ n: 1, verdict: 'supports' }],
    },
  });
  // Back to the queue, without the decided case, and the next one can be claimed.
  assert.ok(await screen.findByText('Dossier rev_1 approuvé.'));
  assert.ok(await screen.findByText('Aucun dossier ici.'));
  assert.ok(screen.getByRole('button', { name: 'Prendre le dossier suivant' }));
});

test('an unsaved edit is saved before approval, and the scores follow the sentences that remain', async () => {
  const { calls, decision } = server({ draft: `${FIRST}\n${SECOND}` });
  renderDesk();
  fireEvent.click(await screen.findByRole('button', { name: 'Prendre et relire' }));
  await screen.findByRole('heading', { level: 1, name: 'Dossier rev_1' });
  fireEvent.click(
    within(screen.getByRole('group', { name: /^Phrase 2 / })).getByLabelText('Non étayée par ses sources'),
  );
  fireEvent.click(within(screen.getByRole('group', { name: /^Phrase 1 / })).getByLabelText('Pas claire'));
  // The reviewer drops the first sentence: the second becomes sentence 0 of the released text.
  fireEvent.change(screen.getByTestId('answer-editor'), {
    target: { value: `${SECOND}\nConsultez votre commune.` },
  });
  assert.ok(screen.getByText(/Modification non enregistrée/));
  fireEvent.click(screen.getByRole('button', { name: 'Approuver et envoyer' }));
  await waitFor(() => assert.ok(decision()));
  const saved = calls.find((c) => c.url.endsWith('/answer'))!;
  assert.equal(saved.init.method, 'PUT');
  assert.deepEqual(JSON.parse(String(saved.init.body)), { answer: `${SECOND}\nConsultez votre commune.` });
  assert.ok(calls.indexOf(saved) < calls.indexOf(decision()!));
  assert.deepEqual(JSON.parse(String(decision()!.init.body)), {
    scores: { sentences: [{ index: 0, verdict: 'unsupported' }], citations: [] },
  });
});

test('a rejection needs a reason, sent in the citizen’s language whatever the reviewer’s', async () => {
  const { decision } = server({ language: 'ary_Arab', question: 'واش نقدر نطعن فهاد القرار؟' });
  renderDesk('fr');
  fireEvent.click(await screen.findByRole('button', { name: 'Prendre et relire' }));
  await screen.findByRole('heading', { level: 1, name: 'Dossier rev_1' });
  fireEvent.click(screen.getByRole('button', { name: 'Rejeter' }));
  assert.ok(await screen.findByText('Choisissez un motif ou écrivez-le.'));
  assert.equal(decision(), undefined, 'nothing is sent without a reason');

  fireEvent.change(screen.getByLabelText('Motif pour le citoyen'), { target: { value: 'needs_agent' } });
  fireEvent.change(screen.getByLabelText(/^Précision pour le citoyen/), {
    target: { value: 'Rendez-vous au bureau 3.' },
  });
  const preview = screen.getByText(/^سؤالك يتطلب/);
  assert.equal(preview.getAttribute('dir'), 'rtl');
  fireEvent.click(screen.getByRole('button', { name: 'Rejeter' }));
  await waitFor(() => assert.ok(decision()));
  assert.deepEqual(JSON.parse(String(decision()!.init.body)), {
    reason:
      'سؤالك يتطلب أن يدرس موظف وضعيتك الخاصة: المرجو الاتصال بالمصلحة المعنية. Rendez-vous au bureau 3.',
  });
  assert.ok(await screen.findByText('Dossier rev_1 rejeté ; le citoyen recevra le motif.'));
});

test('a case another reviewer holds opens read-only, in Arabic right to left', async () => {
  server({ status: 'claimed', claimedBy: 'staff:stf_other' });
  renderDesk('ar');
  fireEvent.click(await screen.findByRole('button', { name: 'عرض' }));
  await screen.findByRole('heading', { level: 1, name: 'الحالة rev_1' });
  assert.equal(document.documentElement.dir, 'rtl');
  assert.ok(screen.getByText('يراجع هذه الحالة مراجع آخر.'));
  assert.equal(screen.queryByTestId('answer-editor'), null);
  assert.equal(screen.queryByRole('button', { name: 'القبول والإرسال' }), null);
  // Scoring is for the reviewer who holds the case (a disabled fieldset disables its radios).
  const verdict = within(screen.getByRole('group', { name: /^الجملة 1 / })).getByLabelText('صحيحة ومسنودة');
  assert.ok(verdict.matches(':disabled'));
});
