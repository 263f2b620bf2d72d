import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errors } from '../../errors.js';
import type { Platform } from '../../platform.js';

/** Where `npm run build` (and so `npm ci`) puts the web interface: the same place from src/ and from dist/. */
export const WEB_BUILD_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** The pages of the single-page interface; each answers the same document and the browser routes within it. */
export const WEB_PAGES = ['/', '/review', '/governance', '/transparency', '/developers'] as const;

/**
 * The interface's own scripts, styles and fonts only, and calls back to this server: no inline script, no
 * third-party origin, nothing that may frame it.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the web interface (web/, built by Vite into dist/web) at `/`: the pages, their hashed assets (cached for
 * a year, since a new build changes their names), and `GET /web/settings`, what the pages need to know before
 * anyone signs in.
 */
export async function webRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const { web, identity } = platform.config;
  if (!web.enabled) return;
  const buildDir = web.dist_dir ? `${resolve(web.dist_dir)}/` : WEB_BUILD_DIR;
  const indexFile = `${buildDir}index.html`;
  const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;

  app.get('/web/settings', async () => ({
    object: 'mizan.web_settings',
    assistant: { tenant: web.assistant.tenant, guests: web.assistant.guests },
    // Tenants whose people sign in with an identity provider: the consoles offer them a sign-in button.
    sign_in: identity.tenants.map((entry) => ({ tenant: entry.tenant, citizens: entry.roles.citizens })),
  }));

  const notBuilt = () =>
    errors.unavailable(
      'web_not_built',
      'the web interface is not built: run `npm run build` (npm ci builds it)',
    );

  for (const path of WEB_PAGES) {
    const routes = path === '/' ? [path] : [path, `${path}/*`];
    for (const url of routes) {
      app.get(url, async (_request, reply) => {
        if (page === undefined) throw notBuilt();
        return reply
          .header('content-security-policy', PAGE_CSP)
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .send(page);
      });
    }
  }

  if (page === undefined) {
    app.get('/assets/*', async () => {
      throw notBuilt();
    });
    return;
  }
  await app.register(fastifyStatic, {
    root: `${buildDir}assets`,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
    // Content types of fonts and scripts come from their names; nothing else in the folder is listed.
    list: false,
  });
}
