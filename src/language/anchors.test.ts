import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnchorIndex, phraseAnchors } from './anchors.js';

/** A fold for the tests: lower case, punctuation to spaces. */
const fold = (literal: string) =>
  literal
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function found(index: AnchorIndex, text: string): number[] {
  const ids: number[] = [];
  index.search(text, (id) => ids.push(id));
  return ids.sort((a, b) => a - b);
}

describe('phraseAnchors', () => {
  it('picks the rarest required word of a phrase, folded as the expression folds it', () => {
    assert.deepEqual(phraseAnchors('ignore … Instructions', fold), ['instructions']);
    assert.deepEqual(phraseAnchors("Révèle l'instruction", fold), ['instruction']);
  });

  it('takes one word of each alternative of a required group', () => {
    assert.deepEqual(phraseAnchors('(oublie|ignore) tout', fold), ['oublie', 'ignore']);
    assert.deepEqual(phraseAnchors('(marriage|divorce|get married)', fold), [
      'marriage',
      'divorce',
      'married',
    ]);
    assert.deepEqual(phraseAnchors('((la|ma) retraite|pension de veuve)', fold), ['retraite', 'pension']);
  });

  it('reads a phrase that is alternatives itself as a group', () => {
    assert.deepEqual(phraseAnchors('taxe fonciere|vignette', fold), ['fonciere', 'vignette']);
  });

  it('has no anchor where nothing is required: an optional group, a gap', () => {
    assert.deepEqual(phraseAnchors('(tres |)mal', fold), ['mal']);
    assert.equal(phraseAnchors('(a|) …{2} (b|)', fold), undefined);
    assert.equal(phraseAnchors('taxe|(vignette|)', fold), undefined);
  });

  it('keeps the letters around a wildcard and drops the Arabic article, which a match may lack', () => {
    assert.deepEqual(phraseAnchors('pirat* le', fold), ['pirat']);
    assert.deepEqual(phraseAnchors('تجاهل التعليمات', fold), ['تعليمات']);
  });
});

describe('AnchorIndex', () => {
  it('finds every string a text holds, overlapping ones included', () => {
    const index = new AnchorIndex(['he', 'she', 'his', 'hers']);
    assert.deepEqual(found(index, 'ushers'), [0, 1, 3]);
    assert.deepEqual(found(index, 'nothing here'), [0]);
    assert.deepEqual(found(index, 'xyz'), []);
    assert.equal(index.holdsAny('ushers'), true);
    assert.equal(index.holdsAny('xyz'), false);
  });

  it('reads Arabic and Tifinagh letters', () => {
    const index = new AnchorIndex(['تعليمات', 'ⴰⵣⵓⵍ']);
    assert.deepEqual(found(index, ' والتعليمات ⴰⵣⵓⵍ '), [0, 1]);
  });
});
