/**
 * A large audit export for the offline verifier's figures: `generateExport(dir, n)` writes n flow-sized records
 * (all in full, the verifier's worst case) with a signed head every 5,000 records, as the integrator signs them.
 * Alone, `node --import tsx bench/audit-verify-scale.ts [N]` generates one in a temporary folder, verifies it and
 * prints the time.
 */
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSigningKey } from '../src/audit/signed-head.js';
import { verifyExport } from '../src/audit/verify-export.js';
import { writeExport } from '../test/support/audit-export.js';

const HEAD_EVERY = 5_000;

export async function generateExport(
  dir: string,
  n: number,
): Promise<{ publicKey: KeyObject; keyId: string }> {
  const { key } = generateSigningKey();
  const headsAt = Array.from({ length: Math.floor(n / HEAD_EVERY) }, (_, i) => (i + 1) * HEAD_EVERY);
  await writeExport(dir, { records: n, key, headsAt });
  return { publicKey: key.publicKey, keyId: key.keyId };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'mizan-verify-scale-'));
  try {
    let started = performance.now();
    const { publicKey, keyId } = await generateExport(dir, n);
    console.error(`generated ${n} records in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    started = performance.now();
    const report = await verifyExport(dir, { pinnedKeys: new Map([[keyId, publicKey]]) });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `verified ${n} records in ${seconds.toFixed(2)} s: ${report.valid ? 'valid' : 'INVALID'}, ` +
        `${report.heads_checked} heads checked${report.problems[0] ? `, first problem: ${report.problems[0].message}` : ''}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
