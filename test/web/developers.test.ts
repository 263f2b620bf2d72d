import { strict as assert } from 'node:assert';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useWebGateway } from './support/web-gateway.js';

const ADMIN = { kind: 'platform_admin' } as const;
const QUESTION = 'Quels sont les droits d’une personne sur ses données ?';

describe('web interface: the developer portal', () => {
  const web = useWebGateway({
    providers: [{ id: 'builtin', type: 'extractive' }],
    models: [{ id: 'atlas', provider: 'builtin' }],
  });
  let sandboxKey: string;

  before(async () => {
    // A tenant admin opens a sandbox for the test application, as the governance console does; its key comes back.
    const { key } = await web.gateway.platform.oversight.sandboxes.open(ADMIN, web.gateway.applicationId, {
      purpose: 'Try the assistant from the developer portal with made-up questions',
      endsAt: new Date(Date.now() + 86_400_000),
      maxRequests: 100,
      maxTokens: 1_000_000,
    });
    sandboxKey = key;
  });

  /** Pastes a key in the playground, picks the model, and asks (labels in the page's language). */
  const ask = async (page: Page, key: string, stream: boolean) => {
    await page.getByRole('tab').nth(2).click();
    await page.locator('input[type="password"]').fill(key);
    await page.locator('input[type="password"]').press('Enter');
    await page.getByRole('option', { name: 'atlas' }).waitFor({ state: 'attached' });
    const streamBox = page.locator('.playground input[type="checkbox"]').first();
    if ((await streamBox.isChecked()) !== stream) await streamBox.click();
    await page.locator('.playground textarea').nth(1).fill(QUESTION);
    await page.locator('.playground button.primary').click();
    await page.getByTestId('mizan-summary').waitFor();
  };

  test('the reference lists chat completions with its body fields and authentication (fr)', async () => {
    const { context, page } = await web.open({ locale: 'fr' });
    await page.goto('/developers');
    const title = page.getByRole('heading', { level: 2, name: 'POST /v1/chat/completions' });
    await title.waitFor();
    const body = page.getByTestId('request-body');
    for (const name of ['model', 'messages', 'stream', 'stream_options', 'temperature']) {
      assert.equal(await body.locator(`[data-field="${name}"]`).count(), 1, name);
    }
    assert.equal(await body.locator('[data-field="model"] .badge').textContent(), 'obligatoire');
    assert.match((await page.locator('.api-operation').textContent()) ?? '', /Clé d’application/);

    // The search narrows the index; choosing an operation shows it.
    await page.getByLabel('Rechercher une opération').fill('reviews');
    await page.getByRole('link', { name: 'GET /v1/reviews/{id}' }).click();
    await page.getByRole('heading', { level: 2, name: 'GET /v1/reviews/{id}' }).waitFor();
    await page.getByLabel('Rechercher une opération').fill('');
    await page.getByRole('link', { name: 'POST /v1/chat/completions' }).click();
    await title.waitFor();
    await web.screenshot(page, 'developers-reference-fr');

    // Code samples are shown, and the page does not scroll sideways on a phone.
    await page.getByRole('tab', { name: 'Exemples de code' }).click();
    assert.match(
      (await page.locator('pre[aria-label="curl"]').textContent()) ?? '',
      /curl -s http:\/\/localhost:\d+\/v1/,
    );
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await page.evaluate('document.documentElement.scrollWidth <= 360'), true);
    await page.getByRole('tab', { name: 'Référence de l’API' }).click();
    assert.equal(await page.evaluate('document.documentElement.scrollWidth <= 360'), true);
    await web.screenshot(page, 'developers-reference-fr-360');
    await context.close();
  });

  test('the playground answers with a sandbox key from the built-in answerer; the page is RTL, code stays LTR (ar)', async () => {
    const { context, page } = await web.open({ locale: 'ar' });
    await page.goto('/developers');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await ask(page, sandboxKey, true);
    assert.match((await page.getByTestId('sandbox').textContent()) ?? '', /sandbox: true/);
    assert.match((await page.getByTestId('answer-text').textContent()) ?? '', /\[1\]/);
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.locator('.playground details summary').first().click();
    const code = page.locator('.playground details[open] pre');
    assert.equal(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.playground details[open] pre')).direction",
      ),
      'ltr',
    );
    assert.match((await code.textContent()) ?? '', /"mizan"/);
    // Nothing of the key is kept by the browser.
    const stored = String(await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })'));
    assert.equal(stored.includes(sandboxKey), false);
    await web.screenshot(page, 'developers-playground-ar');
    // On a phone the long JSON scrolls inside its block, not the page.
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await page.evaluate('document.documentElement.scrollWidth <= 360'), true);
    await web.screenshot(page, 'developers-playground-ar-360');
    await context.close();
  });

  test('with a production key, the playground warns and waits for confirmation before sending again (en)', async () => {
    const { context, page } = await web.open({ locale: 'en' });
    await page.goto('/developers');
    await ask(page, web.gateway.key, false);
    assert.match((await page.getByTestId('sandbox').textContent()) ?? '', /sandbox: false/);
    await page.getByRole('alert').filter({ hasText: 'This is not a sandbox key' }).waitFor();
    const send = page.getByRole('button', { name: 'Send', exact: true });
    assert.equal(await send.isDisabled(), true);
    await page.getByLabel('I mean to use a production key').check();
    assert.equal(await send.isDisabled(), false);
    await web.screenshot(page, 'developers-playground-production-en');
    await context.close();
  });
});
