import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32, pick, sampleShare, substituteShare } from './random.js';

const draws = (seed: number, n: number): number[] => {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => random());
};

describe('mulberry32', () => {
  it('is the reference mulberry32, so attacked prompts stay the same across releases', () => {
    // The published reference implementation's first three outputs for seed 1.
    assert.deepEqual(draws(1, 3), [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('repeats a sequence for the same seed, gives another for another seed, stays in [0, 1)', () => {
    assert.deepEqual(draws(42, 50), draws(42, 50));
    assert.notDeepEqual(draws(42, 50), draws(43, 50));
    for (const x of draws(7, 10_000)) assert.ok(x >= 0 && x < 1);
  });
});

describe('sampleShare', () => {
  it('keeps about the asked share of candidates', () => {
    const chosen = sampleShare(10_000, 0.3, mulberry32(5));
    assert.ok(chosen.size > 2_800 && chosen.size < 3_200, `${chosen.size}`);
    for (const i of chosen) assert.ok(Number.isInteger(i) && i >= 0 && i < 10_000);
  });

  it('keeps at least one candidate when there is any, none when there is none', () => {
    for (let seed = 0; seed < 50; seed++) assert.equal(sampleShare(1, 0.01, mulberry32(seed)).size, 1);
    assert.equal(sampleShare(0, 0.5, mulberry32(1)).size, 0);
  });
});

describe('pick and substituteShare', () => {
  it('picks every choice over many draws', () => {
    const random = mulberry32(3);
    const seen = new Set(Array.from({ length: 200 }, () => pick(random, ['a', 'b', 'c'])));
    assert.deepEqual([...seen].sort(), ['a', 'b', 'c']);
  });

  it('replaces only characters of the table, one code point for one', () => {
    const out = substituteShare('abc abc', { a: 'x' }, 1, mulberry32(1));
    assert.equal(out, 'xbc xbc');
    assert.equal(substituteShare('bcd', { a: 'x' }, 1, mulberry32(1)), 'bcd');
  });
});
