import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { useWebGateway } from './support/web-gateway.js';

/** The tier badge of the test application (minimal) in each interface language. */
const MINIMAL_TIER = { fr: 'Risque minimal', ar: 'مخاطر ضئيلة', zgh: 'ⴰⵙⵏⵏⴰⵔⵎ ⴰⵎⵥⵥⵢⴰⵏ', en: 'Minimal risk' };
const RIGHTS = { fr: 'Vos droits', ar: 'حقوقكم', zgh: 'ⵉⵣⵔⴼⴰⵏ ⵏⵏⵓⵏ', en: 'Your rights' };

describe('web interface: the public transparency page', () => {
  const web = useWebGateway();

  for (const [locale, tier] of Object.entries(MINIMAL_TIER)) {
    test(`shows the register without signing in, in ${locale}`, async () => {
      const { context, page } = await web.open({ locale, viewport: { width: 360, height: 800 } });
      await page.goto(`/transparency?lang=${locale}`);
      const card = page.getByRole('article', { name: 'assistant' });
      await card.waitFor();
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
      assert.equal((await card.getByTestId('risk-tier').textContent())?.trim(), tier);
      const hosting = (await card.getByTestId('hosting').textContent()) ?? '';
      const model = web.gateway.platform.models.list().find((m) => m.kind === 'chat')!;
      assert.ok(hosting.includes(model.id), hosting);
      assert.ok(hosting.includes(model.provider.hosting.operator), hosting);
      assert.ok(
        await page
          .getByRole('heading', { name: RIGHTS[locale as keyof typeof RIGHTS], exact: true })
          .isVisible(),
      );
      // Nothing overflows a 360-px screen sideways.
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - window.innerWidth',
      )) as number;
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await web.screenshot(page, `transparency-${locale}`);
      await context.close();
    });
  }

  test('the tier filter leaves the matching systems and says how many', async () => {
    const { context, page } = await web.open({ locale: 'en' });
    await page.goto('/transparency?lang=en');
    await page.getByRole('article', { name: 'assistant' }).waitFor();
    await page.getByLabel('Risk tier').selectOption('high');
    await page.getByText('0 system(s)').waitFor();
    assert.equal(await page.getByRole('article').count(), 0);
    await page.getByLabel('Risk tier').selectOption('minimal');
    await page.getByRole('article', { name: 'assistant' }).waitFor();
    await context.close();
  });
});
