/**
 * Renders every overlay of deploy/kubernetes with `kubectl kustomize` and checks the result (manifest-checks.ts):
 *   node --import tsx scripts/deploy/validate-manifests.ts [OVERLAY_DIR...]
 * KUBECTL names another kubectl binary. Exits 1 on any problem.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { schemaProblems, wiringProblems } from './manifest-checks.js';
import { renderOverlay } from './render-overlay.js';

const OVERLAYS_DIR = 'deploy/kubernetes/overlays';

const requested = process.argv.slice(2);
const overlays =
  requested.length > 0 ? requested : readdirSync(OVERLAYS_DIR).map((name) => join(OVERLAYS_DIR, name));
let failed = false;
for (const overlay of overlays) {
  const objects = renderOverlay(overlay);
  const problems = [...(await schemaProblems(objects)), ...wiringProblems(objects)];
  failed ||= problems.length > 0;
  console.log(`${overlay}: ${objects.length} objects, ${problems.length} problems`);
  for (const problem of problems) console.log(`  - ${problem}`);
}
if (failed) process.exit(1);
