import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web interface builds into dist/web, beside the compiled server that serves it (src/server/routes/web.ts).
 * `npm run dev:web` proxies API calls to a gateway on :8080 while editing.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything the page loads is a file of its own: the page's policy allows no inline script or style.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(
      ['/v1', '/auth', '/web/settings', '/openapi.json'].map((path) => [path, 'http://127.0.0.1:8080']),
    ),
  },
});
