import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAttacks, generateBenign } from '../../bench/guard/generate.js';
import { loadAttacks, loadBenign, loadPackInjections } from '../../bench/guard/data.js';
import { LANGUAGE_LABELS } from '../../src/language/labels.js';

/** What makes two texts the same for a reader: case, spacing and compatibility forms aside. */
const same = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const count = (rows: readonly { lang: string }[], lang: string) => rows.filter((r) => r.lang === lang).length;

describe('the guard benchmark’s held-out data', () => {
  const benign = loadBenign();
  const attacks = loadAttacks();

  it('has at least 500 benign questions, each with an id, a text and a language label of ours', () => {
    assert.ok(benign.length >= 500, `${benign.length} benign rows`);
    for (const row of benign) {
      assert.ok(typeof row.id === 'string' && row.id !== '', JSON.stringify(row));
      assert.ok(typeof row.text === 'string' && row.text.trim() !== '', row.id);
      // Read from JSON: the type says a label, the file may say anything.
      assert.ok((LANGUAGE_LABELS as readonly string[]).includes(row.lang), `${row.id}: ${String(row.lang)}`);
    }
  });

  it('has at least 100 benign questions in French, English, MSA and Darija in both scripts', () => {
    for (const lang of ['fra_Latn', 'eng_Latn', 'arb_Arab', 'ary_Arab', 'ary_Latn'])
      assert.ok(count(benign, lang) >= 100, `${lang}: ${count(benign, lang)}`);
    assert.ok(count(benign, 'zgh_Latn') > 0 && count(benign, 'zgh_Tfng') > 0, 'Tamazight in both scripts');
  });

  it('has no duplicate id or text', () => {
    for (const rows of [benign, attacks]) {
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'duplicate id');
      const texts = rows.map((r) => same(r.text));
      const duplicates = texts.filter((t, i) => texts.indexOf(t) !== i);
      assert.deepEqual(duplicates, []);
    }
  });

  it('has no benign question that is also an attack', () => {
    const attackTexts = new Set([...attacks, ...loadPackInjections()].map((a) => same(a.text)));
    const clashes = benign.filter((b) => attackTexts.has(same(b.text))).map((b) => b.id);
    assert.deepEqual(clashes, []);
  });

  it('has at least 40 attacks in every language family', () => {
    const families = {
      fra: ['fra_Latn'],
      eng: ['eng_Latn'],
      arb: ['arb_Arab'],
      ary: ['ary_Arab', 'ary_Latn'],
      zgh: ['zgh_Latn', 'zgh_Tfng'],
    };
    for (const [family, langs] of Object.entries(families)) {
      for (const lang of langs)
        assert.ok(count(attacks, lang) >= 40, `${family} ${lang}: ${count(attacks, lang)}`);
    }
  });

  it('is what the generator writes, so the committed files and their sources cannot drift apart', () => {
    assert.deepEqual(benign, generateBenign());
    assert.deepEqual(attacks, generateAttacks());
  });
});
