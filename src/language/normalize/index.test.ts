import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForSearch } from './index.js';

describe('normalizeForSearch', () => {
  it('folds Arabic, folds Latin and collapses whitespace', () => {
    assert.equal(
      normalizeForSearch('  Renouveler   la CARTE nationale\n\tتجديد البطاقة الوطنيّة  '),
      'renouveler la carte nationale تجديد البطاقه الوطنيه',
    );
  });

  it('makes a query and a document with different spellings meet', () => {
    assert.equal(normalizeForSearch('الإدارة العامة'), normalizeForSearch('الادارة  العامه'));
    assert.equal(normalizeForSearch('Préfecture'), normalizeForSearch('PREFECTURE'));
  });

  it('removes invisible characters', () => {
    assert.equal(
      normalizeForSearch('car\u00adte na\u200btio\u200dnale \u200fمرحبا\ufeff'),
      'carte nationale مرحبا',
    );
  });

  it('returns the empty string for empty or blank input', () => {
    assert.equal(normalizeForSearch(''), '');
    assert.equal(normalizeForSearch(' \n\t\u00a0'), '');
  });

  it('keeps Tifinagh and emoji', () => assert.equal(normalizeForSearch('ⴰⵣⵓⵍ  😀'), 'ⴰⵣⵓⵍ 😀'));

  it('handles a 1M-character input', () => {
    const input = 'Élève   الإدارة\u200b ١٢ ⵣ 😀 '.repeat(40_000);
    assert.ok(input.length >= 1_000_000);
    assert.equal(normalizeForSearch(input), 'eleve الاداره 12 ⵣ 😀 '.repeat(40_000).trim());
  });
});
