import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startGateway, type Gateway } from '../../support/gateway-harness.js';
import { REPO_ROOT } from '../../support/run-cli.js';

/** Debian's Chromium (`.ci/run` installs the `chromium` package); MIZAN_CHROMIUM names another. */
export const CHROMIUM = process.env.MIZAN_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots of the end-to-end tests, kept as artefacts of the run (ignored by git): look at them. */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts', 'web');

export interface WebFixture {
  gateway: Gateway;
  browser: Browser;
  /**
   * The gateway's origin as a browser reaches it on this machine: `localhost`, which browsers treat as a secure
   * context, so the `__Host-` session cookie (Secure) works over plain HTTP as it does on `npm start`.
   */
  origin: string;
  /** A fresh browser context (cookies and storage of its own) and page, in an interface language. */
  open(options?: { locale?: string; viewport?: { width: number; height: number } }): Promise<{
    context: BrowserContext;
    page: Page;
  }>;
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * A real gateway serving the built interface (dist/web, or MIZAN_TEST_WEB_DIR for a build of one's own), with
 * the demo corpus and the built-in answerer, and a headless Chromium, started before the suite and closed after.
 * The test tenant's application is the assistant's, open to guests, as `npm start` sets the demo up.
 */
export function useWebGateway(document: Record<string, unknown> = {}): WebFixture {
  const fixture = {} as WebFixture;
  before(async () => {
    fixture.gateway = await startGateway({
      corpus: { demo: true },
      ...document,
      web: {
        assistant: { tenant: 'ministry-test', application: 'assistant' },
        ...(process.env.MIZAN_TEST_WEB_DIR ? { dist_dir: process.env.MIZAN_TEST_WEB_DIR } : {}),
        ...(document.web as object | undefined),
      },
    });
    fixture.origin = fixture.gateway.origin.replace('127.0.0.1', 'localhost');
    fixture.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.gateway?.close();
  });
  fixture.open = async ({ locale = 'fr', viewport = { width: 1280, height: 900 } } = {}) => {
    const context = await fixture.browser.newContext({ locale, viewport, baseURL: fixture.origin });
    const page = await context.newPage();
    // A script error in the page fails the test that caused it rather than passing unseen.
    page.on('pageerror', (error) => {
      throw error;
    });
    return { context, page };
  };
  fixture.screenshot = async (page, name) => {
    await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  };
  return fixture;
}
