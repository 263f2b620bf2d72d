import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { useWebGateway } from './support/web-gateway.js';

describe('web interface: served by the gateway', () => {
  const web = useWebGateway();

  test('every surface loads under the page policy, in each interface language, without a script error', async () => {
    const { context, page } = await web.open({ locale: 'ar' });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto('/');
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    for (const path of ['/transparency', '/review', '/governance', '/developers']) {
      await page.getByRole('link', { name: /./ }).first().waitFor();
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
    }
    for (const locale of ['fr', 'zgh', 'en', 'ar']) {
      await page.getByTestId('language-picker').selectOption(locale);
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
    }
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('an unknown page of the interface says so, and API paths keep their JSON errors', async () => {
    const response = await fetch(`${web.origin}/v1/nothing-here`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unknown_route');
    const asset = await fetch(`${web.origin}/assets/../../package.json`);
    assert.notEqual(asset.status, 200);
  });
});
