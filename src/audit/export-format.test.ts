import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { MizanError } from '../errors.js';
import {
  BlockReader,
  EXPORT_FORMAT,
  exportLine,
  forEachLine,
  parseExportLine,
  parseKeys,
  parseManifest,
  sha256File,
} from './export-format.js';

const dir = mkdtempSync(join(tmpdir(), 'mizan-export-format-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const malformed = (pattern: RegExp) => (error: unknown) =>
  error instanceof MizanError && error.code === 'export_malformed' && pattern.test(error.message);

async function readBack(text: string, blockBytes: number) {
  const path = join(dir, 'file.txt');
  writeFileSync(path, text);
  const reader = new BlockReader(path, blockBytes);
  const lines: string[] = [];
  for await (const block of reader) forEachLine(block, (line) => lines.push(line));
  return { lines, sha256: reader.sha256(), fileHash: await sha256File(path) };
}

describe('export format', () => {
  it('reads a file in blocks of whole lines, whatever the block size, and hashes it on the way', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\n'))),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (lines, trailingNewline, blockBytes) => {
          const text = lines.join('\n') + (trailingNewline && lines.length > 0 ? '\n' : '');
          const read = await readBack(text, blockBytes);
          // An empty last line (from "a\n\n" or "") is no line at all.
          const expected =
            text === '' ? [] : text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
          assert.deepEqual(read.lines, expected);
          assert.equal(read.sha256, createHash('sha256').update(text).digest('hex'));
          assert.equal(read.fileHash, read.sha256);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes an export line as canonical JSON, record last', () => {
    const line = exportLine({ leaf_hash: 'ab'.repeat(32), index: 3, record: { b: 1, a: 2 } as never });
    assert.equal(line, `{"index":3,"leaf_hash":"${'ab'.repeat(32)}","record":{"a":2,"b":1}}\n`);
    assert.deepEqual(parseExportLine(line.trim()), JSON.parse(line));
  });

  it('says what is wrong with a line', () => {
    const hash = 'cd'.repeat(32);
    assert.equal(parseExportLine('{"index":1'), 'not JSON');
    assert.equal(parseExportLine('[1]'), 'not a JSON object');
    assert.equal(parseExportLine(`{"index":-1,"leaf_hash":"${hash}"}`), 'no valid index');
    assert.equal(parseExportLine('{"index":1,"leaf_hash":"CD"}'), 'no valid leaf_hash (64 hex digits)');
    assert.equal(
      parseExportLine(`{"index":1,"leaf_hash":"${hash}","record":"x"}`),
      'a record that is not a JSON object',
    );
    assert.deepEqual(parseExportLine(`{"index":1,"leaf_hash":"${hash}"}`), { index: 1, leaf_hash: hash });
  });

  it('reads the manifest and the keys, naming what is missing', () => {
    const files = {
      'records.jsonl': 'a'.repeat(64),
      'heads.jsonl': 'b'.repeat(64),
      'keys.json': 'c'.repeat(64),
    };
    const manifest = {
      format: EXPORT_FORMAT,
      log_id: 'l',
      tree_size: 3,
      records_in_full: 1,
      filter: {},
      files,
    };
    assert.equal(parseManifest(JSON.stringify(manifest)).tree_size, 3);
    assert.throws(() => parseManifest('{'), malformed(/not JSON/));
    assert.throws(() => parseManifest(JSON.stringify({ ...manifest, format: 'x' })), malformed(/format "x"/));
    assert.throws(
      () => parseManifest(JSON.stringify({ ...manifest, tree_size: -1 })),
      malformed(/tree_size/),
    );
    const withoutKeys = { ...files, 'keys.json': undefined };
    assert.throws(
      () => parseManifest(JSON.stringify({ ...manifest, files: withoutKeys })),
      malformed(/keys.json/),
    );
    assert.deepEqual(parseKeys('[{"key_id":"k","algorithm":"Ed25519","public_key":"P"}]'), [
      { key_id: 'k', algorithm: 'Ed25519', public_key: 'P' },
    ]);
    assert.throws(
      () => parseKeys('[{"key_id":"k","algorithm":"RSA","public_key":"P"}]'),
      malformed(/entry 1/),
    );
  });
});
