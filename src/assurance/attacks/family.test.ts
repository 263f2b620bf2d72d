import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { promptFamily } from './family.js';

describe('promptFamily', () => {
  it('tells Arabic script, Arabizi, French and English apart', () => {
    assert.equal(promptFamily('ما هي الوثائق المطلوبة لتجديد البطاقة؟'), 'arabic');
    assert.equal(promptFamily('واش ممكن تعاوني؟'), 'arabic');
    assert.equal(promptFamily('wach momkin t3awni f had lwatiqa?'), 'darija_latin');
    assert.equal(promptFamily('Comment renouveler ma carte nationale ?'), 'french');
    assert.equal(promptFamily('How do I renew my national card?'), 'english');
  });

  it('follows the majority script in a mixed prompt', () => {
    assert.equal(promptFamily('بغيت نجدد la carte ديالي عافاك'), 'arabic');
    assert.equal(promptFamily('Je veux renouveler ma carte, شكرا'), 'french');
  });

  it('falls back on English when nothing gives the language away', () => {
    assert.equal(promptFamily('CNIE BK482913'), 'english');
    assert.equal(promptFamily(''), 'english');
  });
});
