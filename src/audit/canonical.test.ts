import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MizanError } from '../errors.js';
import { canonicalJson } from './canonical.js';

const refused = (value: unknown) =>
  assert.throws(
    () => canonicalJson(value),
    (error: unknown) => error instanceof MizanError && error.code === 'not_canonicalizable',
  );

describe('canonicalJson', () => {
  it('sorts members by key whatever the order they were written in', () => {
    assert.equal(
      canonicalJson({ b: 1, a: 2, c: { z: true, y: null } }),
      '{"a":2,"b":1,"c":{"y":null,"z":true}}',
    );
    assert.equal(
      canonicalJson({ c: { y: null, z: true }, a: 2, b: 1 }),
      canonicalJson({ b: 1, a: 2, c: { z: true, y: null } }),
    );
  });

  it('keeps array order and nests objects in arrays', () => {
    assert.equal(canonicalJson([3, { b: [], a: {} }, 'x']), '[3,{"a":{},"b":[]},"x"]');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+1F600 (surrogates D83D DE00) sorts before U+FB01 (a single unit above D83D), and "é" (U+00E9) after "z".
    assert.equal(
      canonicalJson({ '\uFB01': 1, '😀': 2, é: 3, z: 4, A: 5 }),
      '{"A":5,"z":4,"é":3,"😀":2,"ﬁ":1}',
    );
  });

  it('writes strings as JSON does: non-ASCII as is, controls escaped', () => {
    assert.equal(canonicalJson('سلام ⵣ\n"\u0001'), '"سلام ⵣ\\n\\"\\u0001"');
  });

  it('writes numbers in their shortest ECMAScript form', () => {
    assert.equal(
      canonicalJson([1e21, 0.1, -0, 1e-7, 100, 2 ** 53, -1.5e300]),
      '[1e+21,0.1,0,1e-7,100,9007199254740992,-1.5e+300]',
    );
  });

  it('leaves out members whose value is undefined, writes dates as ISO strings', () => {
    assert.equal(canonicalJson({ a: undefined, b: new Date(0) }), '{"b":"1970-01-01T00:00:00.000Z"}');
  });

  it('refuses what JSON cannot say faithfully', () => {
    for (const value of [
      NaN,
      Infinity,
      -Infinity,
      1n,
      () => 1,
      Symbol('s'),
      undefined,
      [undefined],
      { a: [1, NaN] },
    ])
      refused(value);
    // eslint-disable-next-line no-sparse-arrays
    refused([1, , 3]);
  });

  it('agrees with JSON.parse: the canonical text reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('equals a reference canonicalization (sort every object, then JSON.stringify) on any JSON value', () => {
    const reference = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(reference).join(',')}]`
        : typeof v === 'object' && v !== null
          ? `{${Object.keys(v)
              .sort()
              .map((key) => `${JSON.stringify(key)}:${reference((v as Record<string, unknown>)[key])}`)
              .join(',')}}`
          : JSON.stringify(v);
    const sortedCopy = (v: unknown): unknown => JSON.parse(reference(v));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal(canonicalJson(value), reference(value));
        // Already in canonical order, as a record parsed from an export is.
        assert.equal(canonicalJson(sortedCopy(value)), reference(value));
      }),
    );
  });

  it('is the same for any order of the members', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        assert.equal(canonicalJson(reversed), canonicalJson(object));
      }),
    );
  });
});
