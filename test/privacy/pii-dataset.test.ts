/**
 * The synthetic personal-data set behind `npm run bench -- pii` (bench/pii/generator.ts): labels point at the right
 * characters, every checksum-bearing identifier labelled as valid validates (with the generator's own arithmetic
 * and with the detector's, which must agree), the invalid-checksum negatives really fail, and a seed gives the same
 * set every time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { digitsOf, iceValid, ibanValid, luhnValid, ribValid } from '../../bench/pii/checksums.js';
import { LANGS, generateDataset, type Sample } from '../../bench/pii/generator.js';
import { ibanRemainder, luhnOk, mod97 } from '../../src/privacy/recognizers/checksums.js';
import { ENTITY_TYPES } from '../../src/privacy/types.js';
import { main, toJsonl } from '../../scripts/generate-pii-dataset.js';

const SEED = 4242;
const samples: Sample[] = generateDataset({ seed: SEED, count: 3000 });

/** The identifier as a detector sees it: invisible characters out, Eastern Arabic digits folded, no separators. */
const compact = (text: string) =>
  text
    .replace(/[\u200b-\u200f\u061c]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0660 + 48))
    .replace(/[\s.-]/g, '')
    .toUpperCase();

describe('synthetic PII data set', () => {
  it('has every entity type, the four languages, Eastern digits, invisible characters and hard negatives', () => {
    const types = new Set(samples.flatMap((s) => s.spans.map((x) => x.type)));
    for (const t of ENTITY_TYPES) assert.ok(types.has(t), `no ${t} label`);
    for (const lang of LANGS)
      assert.ok(
        samples.some((s) => s.lang === lang),
        `no ${lang} sentence`,
      );
    assert.ok(samples.some((s) => s.tags.includes('eastern-digits')));
    assert.ok(samples.some((s) => s.tags.includes('invisible')));
    assert.ok(samples.filter((s) => s.category.startsWith('negative:')).length > 300);
    assert.ok(samples.length > 2900 && samples.length < 3100, `${samples.length} sentences`);
  });

  it('labels spans whose offsets match the text, without overlaps or surrounding spaces', () => {
    for (const s of samples) {
      const sorted = [...s.spans].sort((a, b) => a.start - b.start);
      let lastEnd = 0;
      for (const span of sorted) {
        assert.ok(
          span.start >= lastEnd && span.start < span.end && span.end <= s.text.length,
          `${s.id}: bad offsets`,
        );
        assert.equal(s.text.slice(span.start, span.end), span.text, `${s.id}: ${span.type} offsets`);
        assert.equal(span.text.trim(), span.text, `${s.id}: ${span.type} has surrounding spaces`);
        assert.ok(
          !/^[\u200b-\u200f\u061c]|[\u200b-\u200f\u061c]$/.test(span.text),
          `${s.id}: invisible at an edge`,
        );
        lastEnd = span.end;
      }
      if (s.category.startsWith('negative:'))
        assert.equal(s.spans.length, 0, `${s.id}: a negative with labels`);
    }
  });

  it('labels only valid RIBs, IBANs, ICEs and cards (both implementations agree)', () => {
    let checked = 0;
    for (const s of samples) {
      for (const span of s.spans) {
        const canonical = span.canonical;
        switch (span.type) {
          case 'MA_RIB':
            assert.equal(digitsOf(span.text), canonical, s.id);
            assert.ok(ribValid(canonical!), `${s.id}: RIB ${canonical}`);
            assert.equal(mod97(canonical!), 0, `${s.id}: detector's mod 97`);
            assert.ok(!canonical!.endsWith('00'));
            break;
          case 'IBAN':
            assert.equal(compact(span.text), canonical, s.id);
            assert.ok(ibanValid(canonical!), `${s.id}: IBAN ${canonical}`);
            assert.equal(ibanRemainder(canonical!), 1, `${s.id}: detector's IBAN check`);
            if (canonical!.startsWith('MA')) {
              assert.equal(canonical!.length, 28);
              assert.ok(ribValid(canonical!.slice(4)), `${s.id}: the RIB inside the IBAN`);
            }
            break;
          case 'MA_ICE':
            assert.equal(digitsOf(span.text), canonical, s.id);
            assert.ok(iceValid(canonical!), `${s.id}: ICE ${canonical}`);
            assert.equal(mod97(canonical!), 0, `${s.id}: detector's mod 97`);
            break;
          case 'PAYMENT_CARD':
            assert.equal(digitsOf(span.text), canonical, s.id);
            assert.ok(luhnValid(canonical!) && luhnOk(canonical!), `${s.id}: Luhn ${canonical}`);
            assert.match(
              canonical!,
              /^(?:4\d{15}|5[1-5]\d{14}|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13})$/,
            );
            break;
          default:
            continue;
        }
        checked++;
      }
    }
    assert.ok(checked > 500, `only ${checked} checksum-bearing labels`);
  });

  it('makes the invalid-checksum negatives really invalid', () => {
    let checked = 0;
    for (const s of samples.filter((x) => x.category === 'negative:invalid-checksum')) {
      const text = compact(s.text.replace(/ /g, '§')).replace(/§/g, ' ');
      for (const m of text.matchAll(/MA\d{2}(?: ?\d){24}/g)) {
        assert.ok(!ibanValid(m[0].replace(/ /g, '')), `${s.id}: a valid IBAN`);
        checked++;
      }
      for (const m of text.replace(/MA\d{2}(?: ?\d){24}/g, '').matchAll(/\d(?:[ -]?\d)+/g)) {
        const digits = m[0].replace(/\D/g, '');
        if (digits.length === 24) assert.ok(!ribValid(digits), `${s.id}: a valid RIB`);
        else if (digits.length === 15 && digits.startsWith('00'))
          assert.ok(!iceValid(digits), `${s.id}: a valid ICE`);
        else if (digits.length === 15 || digits.length === 16)
          assert.ok(!luhnValid(digits), `${s.id}: a valid card`);
        else continue;
        checked++;
      }
    }
    assert.ok(checked > 50, `only ${checked} invalid identifiers checked`);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    assert.deepEqual(generateDataset({ seed: SEED, count: 3000 }), samples);
    const other = generateDataset({ seed: SEED + 1, count: 3000 });
    assert.notDeepEqual(
      other.map((s) => s.text),
      samples.map((s) => s.text),
    );
    assert.equal(toJsonl(SEED, 200), toJsonl(SEED, 200));
  });

  it('writes JSONL from the script', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pii-dataset-'));
    try {
      const file = path.join(dir, 'set.jsonl');
      main(['--seed', '3', '--count', '120', '--out', file]);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      assert.deepEqual(
        lines.map((l) => JSON.parse(l) as Sample),
        generateDataset({ seed: 3, count: 120 }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
