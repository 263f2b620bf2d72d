import { strict as assert } from 'node:assert';
import { before, describe, test } from 'node:test';
import { useWebGateway } from './support/web-gateway.js';

/** The script a page's heading must be written in, per interface language. */
const LOCALES = [
  { locale: 'ar', dir: 'rtl', lang: 'ar', script: /\p{Script=Arabic}/u },
  { locale: 'fr', dir: 'ltr', lang: 'fr', script: /[a-zé]/i },
  { locale: 'zgh', dir: 'ltr', lang: 'zgh-Tfng', script: /\p{Script=Tifinagh}/u },
  { locale: 'en', dir: 'ltr', lang: 'en', script: /[a-z]/i },
] as const;

const SURFACES = ['/', '/review', '/governance', '/transparency', '/developers'] as const;

/**
 * Each of the five surfaces, signed in where it needs staff, in each of the four interface languages: the page
 * flips direction and tags its language, its heading is written in that language's script, and nothing breaks the
 * page's policy or throws.
 */
describe('web interface: every surface in the four interface languages', () => {
  const web = useWebGateway({
    providers: [{ id: 'builtin', type: 'extractive' }],
    models: [{ id: 'atlas', provider: 'builtin' }],
  });
  let staffToken: string;

  before(async () => {
    const { platform, tenantId } = web.gateway;
    ({ token: staffToken } = await platform.oversight.staff.create(
      { kind: 'platform_admin' },
      { tenantId, name: 'Équipe', roles: ['reviewer', 'tenant_admin', 'dpo', 'auditor'] },
    ));
  });

  test('five surfaces × four languages', async () => {
    const { context, page } = await web.open();
    await context.addInitScript(`sessionStorage.setItem('mizan.staffToken', ${JSON.stringify(staffToken)})`);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const path of SURFACES) {
      for (const { locale, dir, lang, script } of LOCALES) {
        await page.goto(`${path}?lang=${locale}`);
        const heading = page.locator('main h1').first();
        await heading.waitFor();
        const text = (await heading.textContent())?.trim() ?? '';
        assert.equal(await page.getAttribute('html', 'dir'), dir, `${path} in ${locale}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang, `${path} in ${locale}`);
        assert.match(text, script, `${path} in ${locale}: heading "${text}"`);
        await web.screenshot(
          page,
          `surface${path === '/' ? '-assistant' : path.replace('/', '-')}-${locale}`,
        );
      }
    }
    // Staff pages opened the consoles themselves, not the sign-in form.
    await page.goto('/review?lang=fr');
    await page.getByText('Se déconnecter').first().waitFor();
    assert.deepEqual(violations, []);
    await context.close();
  });
});
