import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMizanError } from '../errors.js';
import { identifyLanguage } from '../language/identify.js';
import { ATTACK_IDS } from './attacks/index.js';
import { expandPack, expandRecipe } from './cases.js';
import { csvRecords } from './datasets.js';
import { loadPack, slotValuesFor, type Recipe, type TemplatesSource } from './pack.js';
import type { AssuranceCase } from './types.js';

const SHARED_DATA = '/work/shared/data';
const noSharedData = !existsSync(SHARED_DATA) && 'needs the shared data folder';

const counterfactual = loadPack('counterfactual-fairness');
const recipeOf = (packId: string, recipeId: string): Recipe =>
  loadPack(packId).recipes.find((r) => r.id === recipeId)!;

function byPair(cases: AssuranceCase[]): Map<string, AssuranceCase[]> {
  const pairs = new Map<string, AssuranceCase[]>();
  for (const c of cases) pairs.set(c.pairId!, [...(pairs.get(c.pairId!) ?? []), c]);
  return pairs;
}

const allIds = (expansions: { cases: AssuranceCase[] }[]): string[] =>
  expansions.flatMap((e) => e.cases.map((c) => c.id));

describe('expansion', () => {
  it('is deterministic for a seed, and the seed changes the sample', () => {
    const first = expandPack(counterfactual, { seed: 7, dataDir: null });
    assert.deepEqual(expandPack(counterfactual, { seed: 7, dataDir: null }), first);
    const other = expandPack(counterfactual, { seed: 8, dataDir: null });
    assert.notDeepEqual(allIds(other), allIds(first));
  });

  it('gives every case of every shipped pack a unique id', () => {
    for (const id of ['counterfactual-fairness', 'stereotypes', 'safety-redteam', 'language-quality']) {
      const ids = allIds(expandPack(loadPack(id), { dataDir: existsSync(SHARED_DATA) ? SHARED_DATA : null }));
      assert.equal(new Set(ids).size, ids.length, id);
    }
  });

  it('keeps case ids stable when the sample grows: a case keeps its id whatever the limit', () => {
    const recipe = recipeOf('counterfactual-fairness', 'gender-refusal');
    const small = expandRecipe({ ...recipe, limit: 10 }, { seed: 1 }).cases;
    const all = new Map(
      expandRecipe({ ...recipe, limit: undefined }, { seed: 1 }).cases.map((c) => [c.id, c]),
    );
    for (const c of small) assert.deepEqual(all.get(c.id), c);
  });
});

describe('counterfactual recipes', () => {
  it('pair up: one case per group in every pair, differing only in the slot value', () => {
    for (const recipe of counterfactual.recipes) {
      const src = recipe.source;
      if (src.type !== 'templates') continue;
      const [slotName, slot] = Object.entries(src.slots)[0]!;
      const groups = Object.keys(slot.values);
      const { cases, skipped } = expandRecipe(recipe, { seed: 3 });
      assert.equal(skipped, undefined);
      assert.ok(cases.length > 0, recipe.id);
      for (const [pairId, pair] of byPair(cases)) {
        assert.deepEqual(
          pair.map((c) => c.group),
          groups,
          `${pairId}: one case per group`,
        );
        const [t, v] = pairId
          .slice(recipe.id.length + 1)
          .split('.')
          .map(Number) as [number, number];
        const template: TemplatesSource['templates'][number] = src.templates[t]!;
        const withoutSlot = pair.map((c): string => {
          const value = slotValuesFor(slot, c.group!, template)![v]!;
          assert.ok(c.prompt.includes(value.trim()), `${c.id} contains its ${slotName}`);
          return c.prompt.replace(value.trim(), '<slot>');
        });
        assert.equal(new Set(withoutSlot).size, 1, `${pairId}: only the slot differs`);
        const expectedLanguages = template.language ? [template.language] : groups;
        assert.deepEqual(
          [...new Set(pair.map((c) => c.language))],
          expectedLanguages,
          `${pairId}: languages`,
        );
      }
    }
  });

  it('honour the limit on pairs', () => {
    const recipe = recipeOf('counterfactual-fairness', 'region-decision');
    const { cases } = expandRecipe(recipe);
    assert.equal(byPair(cases).size, recipe.limit);
    assert.equal(cases.length, recipe.limit! * 12);
  });

  it('ask every language variety the same 48 questions, 12 per sector, with the variety as the language', () => {
    const { cases } = expandRecipe(recipeOf('counterfactual-fairness', 'variety-length'));
    const varieties = ['ary_Arab', 'ary_Latn', 'arb_Arab', 'fra_Latn', 'zgh_Tfng'];
    assert.equal(byPair(cases).size, 48);
    for (const variety of varieties) {
      const ofVariety = cases.filter((c) => c.group === variety);
      assert.equal(ofVariety.length, 48);
      assert.ok(ofVariety.every((c) => c.language === variety));
    }
    const shortVariety = expandRecipe({
      ...recipeOf('counterfactual-fairness', 'variety-length'),
      limit: 1,
    }).cases;
    assert.equal(shortVariety.length, 5);
  });

  it('write each variety question in its variety, as the platform identifies it', () => {
    const { cases } = expandRecipe(recipeOf('counterfactual-fairness', 'variety-length'));
    // Short MSA questions are often read as Darija, which reads MSA too: the identifier's limit, not the data's.
    const readsAs = (got: string, want: string): boolean =>
      got === want || (want === 'arb_Arab' && got === 'ary_Arab');
    for (const variety of ['ary_Arab', 'ary_Latn', 'arb_Arab', 'fra_Latn', 'zgh_Tfng']) {
      const ofVariety = cases.filter((c) => c.group === variety);
      const right = ofVariety.filter((c) => readsAs(identifyLanguage(c.prompt).lang, variety)).length;
      assert.ok(right / ofVariety.length >= 0.9, `${variety}: ${right}/${ofVariety.length}`);
    }
  });

  it('keep only the templates of the recipe sector', () => {
    const recipe = recipeOf('counterfactual-fairness', 'gender-decision');
    const { cases } = expandRecipe({ ...recipe, sector: 'health', limit: undefined });
    if (recipe.source.type !== 'templates') return assert.fail('templates expected');
    const healthTemplates = recipe.source.templates.filter((t) => t.sector === 'health');
    assert.equal(cases.length, healthTemplates.length * 12 * 2);
    assert.ok(cases.every((c) => /AMO|لامو|تأمين/.test(c.prompt)));
  });
});

describe('language questions', () => {
  const LABELS = ['ary_Arab', 'ary_Latn', 'arb_Arab', 'zgh_Tfng', 'zgh_Latn', 'fra_Latn'];

  it('cover each label with at least 15 questions, the label being both group and expected language', () => {
    for (const recipe of loadPack('language-quality').recipes) {
      const { cases, skipped } = expandRecipe(recipe, { dataDir: null });
      assert.equal(skipped, undefined, 'ships with the repository');
      for (const label of LABELS) {
        const ofLabel = cases.filter((c) => c.group === label);
        assert.ok(ofLabel.length >= 15, `${recipe.id} ${label}: ${ofLabel.length}`);
        assert.ok(ofLabel.every((c) => c.language === label));
      }
    }
  });

  it('are written in their label, as the platform identifies it', () => {
    const { cases } = expandRecipe(recipeOf('language-quality', 'language-match'));
    for (const label of LABELS) {
      const ofLabel = cases.filter((c) => c.group === label);
      const right = ofLabel.filter((c) => identifyLanguage(c.prompt).lang === label).length;
      assert.ok(right / ofLabel.length >= 0.9, `${label}: ${right}/${ofLabel.length}`);
    }
  });

  it('refuse a malformed row, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-questions-'));
    writeFileSync(
      join(dir, 'q.jsonl'),
      '{"id":"a","language":"fra_Latn","question":"Q ?"}\n{"id":"b","language":"xx"}\n',
    );
    const recipe: Recipe = {
      ...recipeOf('language-quality', 'language-match'),
      source: { type: 'questions_file', file: join(dir, 'q.jsonl'), root: 'pack' },
    };
    assert.throws(
      () => expandRecipe(recipe),
      (error: unknown) =>
        isMizanError(error) && error.code === 'assurance_data_malformed' && /row 2/.test(error.message),
    );
  });
});

describe('attack recipes', () => {
  it('send each Mizan injection prompt as written and through every attack module', () => {
    const recipe = recipeOf('safety-redteam', 'injections-ma');
    const { cases, skipped } = expandRecipe(recipe, { dataDir: null, seed: 5 });
    assert.equal(skipped, undefined, 'ships with the repository');
    const pairs = byPair(cases);
    assert.ok(pairs.size >= 40);
    const modules = ['none', ...ATTACK_IDS];
    for (const pair of pairs.values()) {
      assert.deepEqual(
        pair.map((c) => c.group),
        modules,
      );
      assert.ok(pair.every((c) => c.attack === c.group));
      const plain = pair[0]!.prompt;
      // Every module changes a prompt, except those that only rewrite one script (Arabic, Latin letters).
      const scriptSpecific = new Set(['arabizi', 'tifinagh', 'leetspeak']);
      for (const c of pair.slice(1))
        if (!scriptSpecific.has(c.attack!)) assert.notEqual(c.prompt, plain, c.id);
    }
    const languages = new Set(
      readFileSync(new URL('../../packs/data/injections-ma.jsonl', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { language: string }).language),
    );
    assert.deepEqual([...languages].sort(), ['arb_Arab', 'ary_Arab', 'ary_Latn', 'fra_Latn']);
  });

  it('filter rows with `where`, matching CSV text and JSON numbers alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mizan-prompts-'));
    writeFileSync(join(dir, 'p.csv'), 'text,label\nbad one,1\nfine,0\nbad two,1\n');
    writeFileSync(join(dir, 'p.jsonl'), '{"text":"bad one","label":1}\n{"text":"fine","label":0}\n');
    const base = recipeOf('safety-redteam', 'deepset-injections');
    for (const [file, expected] of [
      ['p.csv', ['bad one', 'bad two']],
      ['p.jsonl', ['bad one']],
    ] as const) {
      const recipe: Recipe = {
        ...base,
        attacks: ['base64'],
        limit: undefined,
        source: { type: 'prompts_file', file, root: 'data_dir', text_field: 'text', where: { label: 1 } },
      };
      const { cases } = expandRecipe(recipe, { dataDir: dir });
      assert.deepEqual(
        cases.filter((c) => c.attack === 'none').map((c) => c.prompt),
        expected,
      );
    }
  });
});

describe('recipes on the shared data', () => {
  it('expand to nothing, saying why, without the shared data folder', () => {
    for (const [pack, recipe] of [
      ['stereotypes', 'crows-pairs-fr'],
      ['stereotypes', 'camel-sentiment'],
      ['safety-redteam', 'deepset-injections'],
      ['safety-redteam', 'multijail-ar'],
    ]) {
      const result = expandRecipe(recipeOf(pack!, recipe!), { dataDir: null });
      assert.deepEqual(result.cases, []);
      assert.match(result.skipped ?? '', /MIZAN_SHARED_DATA/);
    }
  });

  it('expand to nothing, naming the file, when the folder lacks it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'mizan-empty-'));
    const result = expandRecipe(recipeOf('stereotypes', 'crows-pairs-fr'), { dataDir: empty });
    assert.deepEqual(result.cases, []);
    assert.match(result.skipped ?? '', /crows_french\.csv/);
  });

  it(
    'CrowS-Pairs: a forced choice whose fact is the label of the stereotypical sentence',
    { skip: noSharedData },
    () => {
      const recipe = recipeOf('stereotypes', 'crows-pairs-fr');
      const rows = new Map(
        csvRecords(readFileSync(join(SHARED_DATA, 'crows-pairs-fr/crows_french.csv'), 'utf8')).map((r) => [
          r.id,
          r,
        ]),
      );
      const { cases } = expandRecipe(recipe, { dataDir: SHARED_DATA, seed: 11 });
      assert.equal(cases.length, recipe.limit);
      for (const c of cases) {
        const row = rows.get(c.id.slice(recipe.id.length + 1))!;
        const [first, second] = [/Phrase 1 : (.*)/.exec(c.prompt)![1], /Phrase 2 : (.*)/.exec(c.prompt)![1]];
        assert.deepEqual(c.facts, [first === row.sent_more!.trim() ? '1' : '2']);
        assert.deepEqual([first, second].sort(), [row.sent_more!.trim(), row.sent_less!.trim()].sort());
        assert.equal(c.group, row.bias_type);
      }
      // The order is drawn per row: the stereotypical sentence comes first in about half of the cases.
      const firsts = cases.filter((c) => c.facts![0] === '1').length;
      assert.ok(firsts > cases.length * 0.4 && firsts < cases.length * 0.6, `${firsts}/${cases.length}`);
    },
  );

  it(
    'CAMeL: the same sentence with an Arab and a Western entity, the sentiment as fact',
    { skip: noSharedData },
    () => {
      const recipe = recipeOf('stereotypes', 'camel-sentiment');
      const { cases } = expandRecipe(recipe, { dataDir: SHARED_DATA });
      const pairs = byPair(cases);
      assert.equal(pairs.size, recipe.limit);
      for (const [pairId, pair] of pairs) {
        assert.deepEqual(
          pair.map((c) => c.group),
          ['arab', 'western'],
        );
        assert.deepEqual(pair[0]!.facts, pair[1]!.facts);
        assert.ok(['إيجابي', 'سلبي', 'محايد'].includes(pair[0]!.facts![0]!), pairId);
        assert.notEqual(pair[0]!.prompt, pair[1]!.prompt);
        assert.ok(pair.every((c) => !c.prompt.includes('[MASK]')));
      }
    },
  );

  it(
    'deepset: only the injections (label 1), each through every module of the recipe',
    { skip: noSharedData },
    () => {
      const recipe = recipeOf('safety-redteam', 'deepset-injections');
      const injections = new Set(
        readFileSync(join(SHARED_DATA, 'deepset-prompt-injections/test.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { text: string; label: number })
          .filter((row) => row.label === 1)
          .map((row) => row.text.trim()),
      );
      const { cases } = expandRecipe(recipe, { dataDir: SHARED_DATA });
      const plain = cases.filter((c) => c.attack === 'none');
      assert.equal(plain.length, Math.min(recipe.limit!, injections.size));
      assert.ok(plain.every((c) => injections.has(c.prompt)));
      assert.equal(cases.length, plain.length * (1 + recipe.attacks!.length));
    },
  );

  it('MultiJail: Arabic and English columns, ids from the file', { skip: noSharedData }, () => {
    const arabic = expandRecipe(recipeOf('safety-redteam', 'multijail-ar'), { dataDir: SHARED_DATA }).cases;
    const english = expandRecipe(recipeOf('safety-redteam', 'multijail-en'), { dataDir: SHARED_DATA }).cases;
    const plainArabic = arabic.filter((c) => c.attack === 'none');
    assert.equal(plainArabic.length, 60);
    assert.ok(plainArabic.every((c) => /\p{Script=Arabic}/u.test(c.prompt)));
    assert.ok(english.filter((c) => c.attack === 'none').every((c) => !/\p{Script=Arabic}/u.test(c.prompt)));
    assert.ok(plainArabic.every((c) => /^multijail-ar:\d+$/.test(c.pairId!)));
  });
});
