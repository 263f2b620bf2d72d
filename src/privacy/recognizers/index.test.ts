import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createScanner } from '../engine.js';
import type { Recognizer } from '../types.js';
import { defaultRecognizers, structuredRecognizers } from './index.js';

/** Files in this folder that are not recognizer modules. */
const NOT_RECOGNIZERS = new Set(['index.ts', 'checksums.ts', 'test-support.ts']);

const isRecognizer = (value: unknown): value is Recognizer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Recognizer).entity === 'string' &&
  Array.isArray((value as Recognizer).patterns);

describe('the recognizer registry', () => {
  const folder = dirname(fileURLToPath(import.meta.url));
  const modules = readdirSync(folder).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_RECOGNIZERS.has(f),
  );

  it('lists every recognizer module of the folder in defaultRecognizers', async () => {
    for (const file of modules) {
      const exported = Object.values(await import(`./${file.replace(/\.ts$/, '.js')}`)).filter(isRecognizer);
      assert.ok(
        exported.length > 0,
        `${file} exports no recognizer: add it to NOT_RECOGNIZERS if it is a helper`,
      );
      for (const recognizer of exported) {
        assert.ok(
          defaultRecognizers.includes(recognizer),
          `${file}: ${recognizer.entity} is missing from index.ts`,
        );
      }
    }
  });

  it('has one structured recognizer per identifier type, all in the default list', () => {
    const types = structuredRecognizers.map((r) => r.entity);
    assert.equal(new Set(types).size, types.length);
    assert.deepEqual([...types].sort(), [
      'DATE_OF_BIRTH',
      'EMAIL',
      'IBAN',
      'IP_ADDRESS',
      'MA_CIN',
      'MA_CNSS',
      'MA_ICE',
      'MA_MASSAR',
      'MA_PASSPORT',
      'MA_PHONE',
      'MA_PLATE',
      'MA_RIB',
      'PAYMENT_CARD',
    ]);
    for (const r of structuredRecognizers) assert.ok(defaultRecognizers.includes(r));
  });

  it('compiles into a scanner (global patterns, scores in range, context words for each)', () => {
    assert.doesNotThrow(() => createScanner(defaultRecognizers));
    for (const r of structuredRecognizers)
      assert.ok(r.context.length > 0, `${r.entity} has no context words`);
  });
});
