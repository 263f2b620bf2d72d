import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMizanError } from '../errors.js';
import { csvRecords, parseCsv, parseJsonl, readRows, resolveDataDir } from './datasets.js';

const malformed = (error: unknown): boolean =>
  isMizanError(error) && error.code === 'assurance_data_malformed';

describe('parseCsv', () => {
  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const text = 'id,text\n1,"a, b"\n2,"line one\nline two"\n3,"she said ""non"""\n';
    assert.deepEqual(parseCsv(text), [
      ['id', 'text'],
      ['1', 'a, b'],
      ['2', 'line one\nline two'],
      ['3', 'she said "non"'],
    ]);
  });

  it('accepts CRLF, drops a byte-order mark and does not invent a record after the last line break', () => {
    assert.deepEqual(parseCsv('\ufeffid,x\r\n1,2\r\n'), [
      ['id', 'x'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv('a,b\n1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, quoted or not', () => {
    assert.deepEqual(parseCsv('a,"",c,\n'), [['a', '', 'c', '']]);
  });

  it('keeps a CRLF inside quotes as part of the field', () => {
    assert.deepEqual(parseCsv('"x\r\ny",z\r\n'), [['x\r\ny', 'z']]);
  });

  it('refuses an unterminated quoted field, naming the line where the record starts', () => {
    assert.throws(
      () => parseCsv('id,text\n1,ok\n2,"never closed\nstill open', 'bad.csv'),
      (error: unknown) => malformed(error) && /bad\.csv.*line 3/.test((error as Error).message),
    );
  });
});

describe('csvRecords', () => {
  it('keys records by the header, skips blank lines and pads short records', () => {
    assert.deepEqual(csvRecords('id,a,b\n1,x,y\n\n2,z\n,,\n'), [
      { id: '1', a: 'x', b: 'y' },
      { id: '2', a: 'z', b: '' },
    ]);
  });

  it("drops empty fields beyond the header (a spreadsheet's trailing commas) but refuses non-empty ones", () => {
    assert.deepEqual(csvRecords('a,b\n1,2,,\n'), [{ a: '1', b: '2' }]);
    assert.throws(() => csvRecords('a,b\n1,2,3\n', 'x.csv'), malformed);
  });

  it('returns nothing for an empty file', () => {
    assert.deepEqual(csvRecords(''), []);
  });
});

describe('parseJsonl', () => {
  it('reads one object a line and skips blank lines', () => {
    assert.deepEqual(parseJsonl('{"a":1}\n\n{"a":2}\r\n'), [{ a: 1 }, { a: 2 }]);
  });

  it('names the line that is not JSON, or not an object', () => {
    assert.throws(
      () => parseJsonl('{"a":1}\n{oops\n', 'f.jsonl'),
      (error: unknown) => malformed(error) && /f\.jsonl: line 2/.test((error as Error).message),
    );
    assert.throws(
      () => parseJsonl('[1,2]\n'),
      (error: unknown) => malformed(error) && /line 1/.test(String(error)),
    );
  });
});

describe('readRows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-datasets-'));

  it('reads .csv and .jsonl by extension', () => {
    writeFileSync(join(dir, 'rows.csv'), 'id,text\n1,"a, b"\n');
    writeFileSync(join(dir, 'rows.jsonl'), '{"id":1,"text":"a"}\n');
    assert.deepEqual(readRows(join(dir, 'rows.csv')), [{ id: '1', text: 'a, b' }]);
    assert.deepEqual(readRows(join(dir, 'rows.jsonl')), [{ id: 1, text: 'a' }]);
  });

  it('refuses other formats', () => {
    writeFileSync(join(dir, 'rows.parquet'), 'PAR1');
    assert.throws(() => readRows(join(dir, 'rows.parquet')), malformed);
  });
});

describe('resolveDataDir', () => {
  it('takes the explicit folder, else MIZAN_SHARED_DATA, else none', () => {
    assert.equal(resolveDataDir('/data/x', { MIZAN_SHARED_DATA: '/env' }), '/data/x');
    assert.equal(resolveDataDir(undefined, { MIZAN_SHARED_DATA: '/env' }), '/env');
    assert.equal(resolveDataDir(undefined, {}), null);
    assert.equal(resolveDataDir(undefined, { MIZAN_SHARED_DATA: '' }), null);
  });

  it('lets null mean "no shared data" whatever the environment says', () => {
    assert.equal(resolveDataDir(null, { MIZAN_SHARED_DATA: '/env' }), null);
  });
});
