import { strict as assert } from 'node:assert';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { commissionHighRisk, MINIMAL_USE_CASE } from '../support/oversight-fixtures.js';
import { useWebGateway } from './support/web-gateway.js';

const ADMIN_TOKEN = 'review-console-admin-token-0123456789';

/** A counter of the administration answering citizens about its decisions: high risk, so such answers are held. */
const DECISIONS_USE_CASE = {
  ...MINIMAL_USE_CASE,
  purpose: 'Answers citizens about administrative decisions concerning them and how to contest them',
  people_affected: ['general_public'],
  data_categories: ['PERSON'],
};
const DECISIONS_ANSWERS = {
  use: 'administrative_information',
  autonomy: 'draft_for_agent',
  impact_on_rights: 'legal_effect',
  vulnerability: ['general_public'],
  data_sensitivity: ['identifiers'],
  scale: 'national',
};

/** The edited answer: two sentences, each citing a passage the draft had. */
const EDITED = [
  'Le certificat de résidence est délivré par la Sûreté nationale, la gendarmerie royale ou l’autorité locale [2].',
  'En cas de refus, la décision doit être motivée [4].',
].join('\n');

describe('web interface: the reviewer console', () => {
  const web = useWebGateway({
    security: { admin_token: ADMIN_TOKEN },
    providers: [{ id: 'builtin', type: 'extractive' }],
    models: [{ id: 'atlas', provider: 'builtin' }],
  });
  let key: string;
  let reviewerToken: string;
  const held: string[] = [];

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${web.origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** A citizen's question through the application's key: the answer is held, the case id given instead. */
  const askHeld = async (question: string) => {
    const answer = await call('POST', '/v1/chat/completions', key, {
      model: 'atlas',
      messages: [{ role: 'user', content: question }],
    });
    const review = (answer.body.mizan as { review: { status: string; case_id: string } | null }).review;
    assert.equal(review?.status, 'pending', JSON.stringify(answer.body));
    return review.case_id;
  };
  const signIn = async (page: Page, label: RegExp) => {
    await page.goto('/review');
    await page.getByLabel(label).fill(reviewerToken);
    await page.getByLabel(label).press('Enter');
  };

  before(async () => {
    const { platform, tenantId } = web.gateway;
    const app = await platform.tenancy.createApplication({ tenantId, name: 'guichet-decisions' });
    await commissionHighRisk(platform, app.id, { useCase: DECISIONS_USE_CASE, answers: DECISIONS_ANSWERS });
    key = (await platform.tenancy.createKey({ applicationId: app.id })).key;
    const staff = await call('POST', '/v1/oversight/staff', ADMIN_TOKEN, {
      tenant: tenantId,
      name: 'Salma Relectrice',
      roles: ['reviewer'],
    });
    assert.equal(staff.status, 201, JSON.stringify(staff.body));
    reviewerToken = staff.body.token as string;
    held.push(
      await askHeld(
        'Ma demande de certificat de résidence a été refusée : comment contester cette décision ?',
      ),
      await askHeld('رُفض طلبي للحصول على شهادة السكنى، كيف أطعن في هذا القرار؟'),
    );
  });

  test('in French, a reviewer claims a held answer, edits and scores it, approves it; the citizen gets the edit', async () => {
    const [first, second] = held as [string, string];
    const { context, page } = await web.open({ locale: 'fr' });
    await signIn(page, /Jeton du personnel/);
    const item = page.locator(`[data-case="${first}"]`);
    await item.waitFor();
    // Most urgent first: the first question's deadline comes first; both show their countdown.
    const items = await page.locator('[data-case]').all();
    const listed = await Promise.all(items.map((listedItem) => listedItem.getAttribute('data-case')));
    assert.deepEqual(listed, [first, second]);
    assert.match(await item.getByTestId('sla-timer').innerText(), /Temps restant : [34] h \d\d min \d\d s/);
    assert.match(await item.innerText(), /Retenue : le citoyen attend/);
    assert.match(await item.innerText(), /Sujet sensible \(décision administrative\)/);
    assert.match(
      (await page.getByTestId('queue-summary').textContent()) ?? '',
      /Dossiers : 2 — en retard : 0/,
    );
    await web.screenshot(page, 'review-queue-fr');

    await item.getByRole('button', { name: 'Prendre et relire' }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${first}` }).waitFor();
    // The draft beside its sources, with publisher and link.
    const sources = page.getByRole('article');
    assert.ok((await sources.count()) >= 4);
    assert.match(await sources.first().innerText(), /Éditeur : /);
    assert.match((await sources.first().getByRole('link').getAttribute('href')) ?? '', /^https:\/\//);

    await page.getByTestId('answer-editor').fill(EDITED);
    await page.getByRole('button', { name: 'Enregistrer la modification' }).click();
    await page.getByText('Modification enregistrée.').waitFor();
    // The sentences to score are those of the saved edit.
    const sentence = (n: number) => page.getByRole('group', { name: new RegExp(`^Phrase ${n} `) });
    await sentence(2).getByText('En cas de refus').waitFor();
    await sentence(1).getByLabel('Correcte et étayée').check();
    await sentence(2).getByLabel('Non étayée par ses sources').check();
    await page
      .getByRole('group', { name: 'La source [4] étaye-t-elle ce pour quoi elle est citée ?' })
      .getByLabel('En partie')
      .check();
    await page.getByRole('button', { name: 'Approuver et envoyer' }).click();
    await page.getByText(`Dossier ${first} approuvé.`).waitFor();
    await page.locator(`[data-case="${second}"]`).waitFor();
    assert.equal(await page.locator(`[data-case="${first}"]`).count(), 0, 'a decided case leaves the queue');

    const outcome = await call('GET', `/v1/reviews/${first}`, key);
    assert.equal(outcome.body.status, 'approved');
    assert.equal(outcome.body.edited, true);
    assert.equal(outcome.body.answer, EDITED);
    const decided = await call('GET', `/v1/oversight/reviews/${first}`, reviewerToken);
    assert.deepEqual(decided.body.scores, {
      sentences: [
        { index: 0, verdict: 'correct' },
        { index: 1, verdict: 'unsupported' },
      ],
      citations: [{ n: 4, verdict: 'partial' }],
    });

    // The next case is one click away.
    await page.getByRole('button', { name: 'Prendre le dossier suivant' }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${second}` }).waitFor();
    // The console speaks the two other interface languages too.
    await page.getByTestId('language-picker').selectOption('zgh');
    await page.getByRole('heading', { level: 1, name: `ⴰⵙⵎⴰⵍ ${second}` }).waitFor();
    await page.getByRole('button', { name: 'ⵇⴱⵍ ⴷ ⴰⵣⵏ' }).waitFor();
    await web.screenshot(page, 'review-case-zgh');
    await page.getByTestId('language-picker').selectOption('en');
    await page.getByRole('heading', { level: 1, name: `Case ${second}` }).waitFor();
    await page.getByRole('button', { name: 'Approve and release' }).waitFor();
    await context.close();
  });

  test('in Arabic, right to left and on a phone, the reviewer rejects the next case with a reason the citizen reads', async () => {
    const second = held[1]!;
    const { context, page } = await web.open({ locale: 'ar' });
    await signIn(page, /رمز الموظف/);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const item = page.locator(`[data-case="${second}"]`);
    await item.getByRole('button', { name: 'متابعة المراجعة' }).click();
    await page.getByRole('heading', { level: 1, name: `الحالة ${second}` }).waitFor();
    await page
      .getByRole('group', { name: /^الجملة 1 / })
      .getByLabel('غير واضحة')
      .check();
    await page.getByLabel('السبب الموجه للمواطن').selectOption('not_in_sources');
    await page.getByLabel(/^توضيح للمواطن/).fill('يرجى مراجعة مصلحة الحالة المدنية.');
    await web.screenshot(page, 'review-case-ar');

    await page.setViewportSize({ width: 360, height: 800 });
    // (Run in the page: this file is compiled without the DOM's types.)
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 360 px`);
    await web.screenshot(page, 'review-case-ar-360');

    await page.getByRole('button', { name: 'الرفض' }).click();
    await page.getByText(`تم رفض الحالة ${second}، وسيتوصل المواطن بالسبب.`).waitFor();
    const outcome = await call('GET', `/v1/reviews/${second}`, key);
    assert.equal(outcome.body.status, 'rejected');
    assert.equal(
      outcome.body.reason,
      'النصوص الرسمية المتوفرة لا تؤكد هذا الجواب. يرجى مراجعة مصلحة الحالة المدنية.',
    );
    await context.close();
  });
});
