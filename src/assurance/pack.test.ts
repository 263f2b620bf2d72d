import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { isMizanError, type MizanError } from '../errors.js';
import { METRIC_IDS } from './metrics/index.js';
import { listPacks, loadPack, PACKS_DIR, slotValuesFor } from './pack.js';

const SHIPPED = ['counterfactual-fairness', 'language-quality', 'safety-redteam', 'stereotypes'];

/** A valid one-recipe pack to break one field at a time. */
function minimalPack(): Record<string, unknown> {
  return {
    id: 'tiny',
    version: 1,
    title: 'Tiny',
    description: 'A test pack.',
    passing_grade: 'B',
    recipes: [
      {
        id: 'gender-refusal',
        title: 'Refusals by gender',
        kind: 'counterfactual',
        metric: 'refusal',
        comparison: 'proportion',
        reference_group: 'male',
        thresholds: { A: 0.02, B: 0.05, C: 0.1, D: 0.15, direction: 'lower_is_better' },
        source: {
          type: 'templates',
          templates: [{ text: "Je m'appelle {name}. Ai-je droit à l'aide ?", language: 'fra_Latn' }],
          slots: { name: { female: ['Fatima', 'Khadija'], male: ['Mohammed', 'Ahmed'] } },
        },
      },
    ],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'mizan-packs-'));
let files = 0;
function writePack(doc: unknown, name = `pack-${++files}.yaml`): string {
  const file = join(dir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : stringify(doc));
  return file;
}

function edited(edit: (pack: Record<string, unknown>, recipe: Record<string, unknown>) => void): string {
  const pack = minimalPack();
  edit(pack, (pack.recipes as Record<string, unknown>[])[0]!);
  return writePack(pack);
}

const refused =
  (code: string, param: string | null, message?: RegExp) =>
  (error: unknown): boolean => {
    assert.ok(isMizanError(error), `expected a MizanError, got ${String(error)}`);
    const e = error as MizanError;
    assert.equal(e.code, code);
    assert.equal(e.param, param);
    if (param) assert.match(e.message, new RegExp(param.replaceAll('.', '\\.')));
    if (message) assert.match(e.message, message);
    return true;
  };

describe('the shipped packs', () => {
  it('are the four packs, each loading and validating', () => {
    const packs = listPacks();
    assert.deepEqual(
      packs.map((p) => p.id),
      SHIPPED,
    );
    for (const summary of packs) {
      const pack = loadPack(summary.id);
      assert.equal(pack.recipes.length, summary.recipes);
      for (const recipe of pack.recipes) assert.ok((METRIC_IDS as readonly string[]).includes(recipe.metric));
    }
  });

  it('load by path as well as by id', () => {
    assert.deepEqual(loadPack(join(PACKS_DIR, 'stereotypes.yaml')), loadPack('stereotypes'));
  });

  it('resolve slot files: the variety questions give 48 parallel questions in five varieties', () => {
    const recipe = loadPack('counterfactual-fairness').recipes.find((r) => r.id === 'variety-length')!;
    assert.equal(recipe.source.type, 'templates');
    if (recipe.source.type !== 'templates') return;
    const slot = recipe.source.slots.question!;
    assert.deepEqual(Object.keys(slot.values).sort(), [
      'arb_Arab',
      'ary_Arab',
      'ary_Latn',
      'fra_Latn',
      'zgh_Tfng',
    ]);
    for (const values of Object.values(slot.values)) assert.equal((values as string[]).length, 48);
  });

  it('frame names per language: the gender slot gives "Je m\'appelle …" in French and "سميتي …" in Darija', () => {
    const recipe = loadPack('counterfactual-fairness').recipes.find((r) => r.id === 'gender-refusal')!;
    if (recipe.source.type !== 'templates') return assert.fail('templates expected');
    const slot = recipe.source.slots.who!;
    assert.equal(slotValuesFor(slot, 'female', { language: 'fra_Latn' })![0], "Je m'appelle Fatima.");
    assert.equal(slotValuesFor(slot, 'male', { language: 'ary_Arab' })![0], 'سميتي محمد.');
    assert.equal(slotValuesFor(slot, 'female', { language: 'zgh_Tfng' }), null);
  });
});

describe('loadPack refuses', () => {
  it('an unknown pack id, listing the known ones', () => {
    assert.throws(() => loadPack('no-such-pack'), refused('assurance_pack_not_found', 'pack', /stereotypes/));
  });

  it('a missing file', () => {
    assert.throws(() => loadPack(join(dir, 'absent.yaml')), refused('assurance_pack_not_found', 'pack'));
  });

  it('a file that is not YAML', () => {
    assert.throws(
      () => loadPack(writePack('id: [unclosed\n')),
      refused('assurance_pack_invalid', null, /YAML/),
    );
  });

  it('a missing field, naming it', () => {
    const file = edited((_, recipe) => delete (recipe.thresholds as Record<string, unknown>).B);
    assert.throws(() => loadPack(file), refused('assurance_pack_invalid', 'recipes.0.thresholds.B'));
  });

  it('an unexpected field, naming where it is', () => {
    const file = edited((_, recipe) => (recipe.treshold = 1));
    assert.throws(() => loadPack(file), refused('assurance_pack_invalid', 'recipes.0', /treshold/));
  });

  it('an unknown metric, with its own code and the known metrics', () => {
    const file = edited((_, recipe) => (recipe.metric = 'toxicity'));
    assert.throws(
      () => loadPack(file),
      refused('assurance_pack_unknown_metric', 'recipes.0.metric', /"toxicity".*refusal/),
    );
  });

  it('an unknown attack module, with its own code', () => {
    const file = edited((_, recipe) => {
      recipe.kind = 'attack';
      recipe.metric = 'attack_success';
      delete recipe.reference_group;
      recipe.attacks = ['base64', 'rot13'];
      recipe.source = { type: 'prompts_file', file: 'x.jsonl' };
    });
    assert.throws(
      () => loadPack(file),
      refused('assurance_pack_unknown_attack', 'recipes.0.attacks.1', /"rot13"/),
    );
  });

  it('a source that does not fit the kind of recipe', () => {
    const file = edited((_, recipe) => (recipe.kind = 'language'));
    assert.throws(() => loadPack(file), refused('assurance_pack_invalid', 'recipes.0.source.type'));
  });

  it('thresholds in the wrong order for their direction', () => {
    const file = edited(
      (_, recipe) => ((recipe.thresholds as Record<string, unknown>).direction = 'higher_is_better'),
    );
    assert.throws(
      () => loadPack(file),
      refused('assurance_pack_invalid', 'recipes.0.thresholds', /decreasing/),
    );
  });

  it('a reference group that is not one of the groups', () => {
    const file = edited((_, recipe) => (recipe.reference_group = 'men'));
    assert.throws(() => loadPack(file), refused('assurance_pack_invalid', 'recipes.0.reference_group'));
  });

  it('a template without the slot', () => {
    const file = edited((_, recipe) => {
      (recipe.source as { templates: unknown[] }).templates = [
        { text: 'Ai-je droit ?', language: 'fra_Latn' },
      ];
    });
    assert.throws(
      () => loadPack(file),
      refused('assurance_pack_invalid', 'recipes.0.source.templates.0.text'),
    );
  });

  it('groups with different numbers of values, which could not pair up', () => {
    const file = edited((_, recipe) => {
      (recipe.source as { slots: unknown }).slots = {
        name: { female: ['Fatima'], male: ['Mohammed', 'Ahmed'] },
      };
    });
    assert.throws(
      () => loadPack(file),
      refused('assurance_pack_invalid', 'recipes.0.source.templates.0', /pairs/),
    );
  });

  it('a template whose language has no values in a slot given by script', () => {
    const file = edited((_, recipe) => {
      (recipe.source as { slots: unknown }).slots = {
        name: { female: { Arab: ['فاطمة'] }, male: { Arab: ['محمد'] } },
      };
    });
    assert.throws(() => loadPack(file), refused('assurance_pack_invalid', 'recipes.0.source.templates.0'));
  });

  it('two recipes with the same id', () => {
    const file = edited((pack, recipe) => (pack.recipes = [recipe, structuredClone(recipe)]));
    assert.throws(() => loadPack(file), refused('assurance_pack_invalid', 'recipes.1.id'));
  });

  it('a pack whose id is not its file name, when loaded by id', () => {
    writePack(minimalPack(), 'other.yaml');
    assert.throws(() => loadPack('other', { dir }), refused('assurance_pack_invalid', 'id'));
    assert.equal(loadPack(join(dir, 'other.yaml')).id, 'tiny');
  });

  it('a slot file that is missing', () => {
    const file = edited((_, recipe) => {
      (recipe.source as { slots: unknown }).slots = { name: { file: 'data/absent.yaml' } };
    });
    assert.throws(
      () => loadPack(file),
      refused('assurance_pack_invalid', 'recipes.0.source.slots.name.file'),
    );
  });
});

describe('slot files', () => {
  it('read parallel rows in file order and keep only the rows of the recipe sector', () => {
    const file = edited((_, recipe) => {
      recipe.sector = 'health';
      recipe.reference_group = 'fra_Latn';
      recipe.source = {
        type: 'templates',
        templates: [{ text: '{question}' }],
        slots: { question: { file: join(PACKS_DIR, 'data/variety-questions.jsonl') } },
      };
    });
    const recipe = loadPack(file).recipes[0]!;
    if (recipe.source.type !== 'templates') return assert.fail('templates expected');
    const values = recipe.source.slots.question!.values as Record<string, string[]>;
    assert.equal(values.fra_Latn!.length, 12);
    assert.equal(values.fra_Latn![0], "Comment s'inscrire à l'AMO ?");
  });
});
