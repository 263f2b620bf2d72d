import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachWord } from './features.js';
import { LidModel, type LidModelHeader } from './model.js';

const header: LidModelHeader = {
  format: 'mizan-lid/1',
  classes: ['fra_Latn', 'ary_Arab'],
  reports: ['fra_Latn', 'ary_Arab'],
  bucketBits: 4,
  maxOrder: 2,
  scale: 0.5,
  temperature: 2,
  logPriors: [0, 0],
  minConfidence: 0.5,
  switchPenalty: 10,
  training: { note: 'test' },
};

describe('LidModel', () => {
  it('reads back exactly what it wrote', () => {
    const weights = Int8Array.from({ length: 32 }, (_, i) => i - 16);
    const copy = LidModel.fromBuffer(new LidModel(header, weights).toBuffer());
    assert.deepEqual(copy.header, header);
    assert.deepEqual([...copy.weights], [...weights]);
  });

  it('refuses a file of another format or with missing weights', () => {
    const other = new LidModel(header, new Int8Array(32)).toBuffer();
    other.write('{"format":"x"', 4, 'utf8');
    assert.throws(() => LidModel.fromBuffer(other));
    assert.throws(() => new LidModel(header, new Int8Array(31)), /expected 32 weights/);
  });

  it('scores a word only against the classes of its script', () => {
    const model = new LidModel(header, new Int8Array(32).fill(3));
    const out = new Float64Array(2);
    forEachWord('salam', 0, 5, (word) => model.scoreWord(word, out));
    assert.ok(out[0]! > 0, 'the Latin class adds the weights');
    assert.ok(out[1]! < 0, 'the Arabic-script class gets the lowest weight per feature');
  });
});
