/**
 * Trains the guard's compact classifier (models/guard-classifier.bin) and prints its held-out scores.
 *
 *   node --import tsx scripts/guard/train-classifier.ts [--data ../shared/data] [--out models/guard-classifier.bin]
 *     [--seed 7] [--epochs 6] [--bits 18] [--balance 0.5] [--citizen-weight 6]
 *
 * Method: one-vs-rest logistic regression over hashed, signed character 1–5-grams and word uni- and bigrams of the
 * folded text (src/guard/classifier/features.ts), features scaled by 1/√count, AdaGrad. The number of epochs and
 * a Platt scaling per label are chosen on out-of-fold scores (5 folds of the training templates and rows), so
 * they reflect templates the model has not seen; the final model is then trained on the whole training split and
 * stored with int16 weights. The scores printed are those of the written file on the held-out test split.
 * Deterministic for a seed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../src/assurance/stats.js';
import {
  BLOCK_UNITS,
  extractFeatures,
  FeatureBuffer,
  MAX_ORDER,
} from '../../src/guard/classifier/features.js';
import {
  CLASSIFIER_LABELS,
  guardClassifierFrom,
  type ClassifierLabel,
} from '../../src/guard/classifier/index.js';
import {
  BucketSet,
  GuardModel,
  MODEL_FORMAT,
  sigmoid,
  windowCount,
  windowFirstBlock,
  type GuardModelHeader,
} from '../../src/guard/classifier/model.js';
import { buildCorpus, FOLDS, foldOf, isCitizenMessage, type Example } from './corpus.js';
import { printReport, type Scored } from './metrics.js';

const RECIPE_VERSION = '1.0';
/** 4 blocks of 128 folded characters: a message up to ~500 characters is read whole, a longer text in windows. */
const WINDOW_BLOCKS = 4;
/** About a five-word message: shorter ones count as if they had this many features, i.e. as less evidence. */
const MIN_FEATURES = 32;
const LABELS = CLASSIFIER_LABELS.length;

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    out: { type: 'string', default: 'models/guard-classifier.bin' },
    seed: { type: 'string', default: '7' },
    epochs: { type: 'string', default: '6' },
    bits: { type: 'string', default: '18' },
    rate: { type: 'string', default: '0.2' },
    /** Positives weigh (negatives / positives)^balance: 1 balances the classes, 0 leaves the corpus's counts. */
    balance: { type: 'string', default: '0.5' },
    /** Citizens' questions and conversation weigh more: a false alarm there is what citizens see. */
    'citizen-weight': { type: 'string', default: '6' },
  },
});
const seed = Number(values.seed);
const random = seededRandom(seed);
const bucketBits = Number(values.bits);
const mask = (1 << bucketBits) - 1;
const rate = Number(values.rate);
const maxEpochs = Number(values.epochs);
const citizenWeight = Number(values['citizen-weight']);

// Corpus, deduplicated: a text held out must not also be trained on, and one text carries one set of labels.
const byText = new Map<string, Example>();
for (const example of buildCorpus(resolve(values.data), random)) {
  const seen = byText.get(example.text);
  if (!seen) byText.set(example.text, example);
  else {
    const labels = [...new Set([...seen.labels, ...example.labels])];
    byText.set(example.text, { ...seen, labels, split: seen.split === 'train' ? 'train' : example.split });
  }
}
const examples = [...byText.values()];
const train = examples.filter((e) => e.split === 'train');
const test = examples.filter((e) => e.split === 'test');
console.log(`examples: train ${train.length}, test ${test.length}`);

interface Row {
  start: number;
  count: number;
  targets: Uint8Array;
  weight: number;
  fold: number;
}

/**
 * Features of the training set, one flat array of distinct buckets per row, as inference reads them: a long
 * benign text gives one row per window; an attack, one row for the whole text (its windows are not labelled).
 */
function encode(set: Example[]): { features: Int32Array; rows: Row[] } {
  const buffer = new FeatureBuffer();
  const seen = new BucketSet(bucketBits);
  const chunks: Int32Array[] = [];
  const rows: Row[] = [];
  let total = 0;
  const add = (example: Example, from: number, to: number) => {
    const stamp = seen.next();
    const distinct = Array.from(buffer.hashes.subarray(from, to)).filter((hash) =>
      seen.mark(hash & mask, stamp),
    );
    rows.push({
      start: total,
      count: distinct.length,
      targets: Uint8Array.from(CLASSIFIER_LABELS, (l) => (example.labels.includes(l) ? 1 : 0)),
      weight: isCitizenMessage(example) ? citizenWeight : 1,
      fold: foldOf(example.group),
    });
    chunks.push(Int32Array.from(distinct));
    total += distinct.length;
  };
  for (const example of set) {
    extractFeatures(example.text, buffer);
    const { blockEnds, blocks, count } = buffer;
    if (example.labels.length > 0) {
      add(example, 0, count);
      continue;
    }
    for (let w = 0, windows = windowCount(blocks, WINDOW_BLOCKS); w < windows; w++) {
      const first = windowFirstBlock(w, blocks, WINDOW_BLOCKS);
      const to = blockEnds[Math.min(first + WINDOW_BLOCKS, blocks) - 1]!;
      add(example, first === 0 ? 0 : blockEnds[first - 1]!, to);
    }
  }
  const features = new Int32Array(total);
  let at = 0;
  for (const chunk of chunks) {
    features.set(chunk, at);
    at += chunk.length;
  }
  return { features, rows };
}

const { features, rows } = encode(train);

/** Per label, positives weigh (negatives / positives)^balance times their own weight. */
const positiveScale = CLASSIFIER_LABELS.map((_, l) => {
  let positive = 0;
  let negative = 0;
  for (const row of rows) {
    if (row.targets[l]) positive += row.weight;
    else negative += row.weight;
  }
  return Math.pow(negative / Math.max(positive, 1), Number(values.balance));
});
const rowWeight = (row: Row, l: number) => row.weight * (row.targets[l] ? positiveScale[l]! : 1);

/** A logistic regression in training: weights, AdaGrad accumulators, and a logits scratch. */
class Learner {
  readonly weights = new Float64Array(LABELS << bucketBits);
  readonly bias = new Float64Array(LABELS);
  private readonly squares = new Float64Array(LABELS << bucketBits).fill(1e-6);
  private readonly biasSquares = new Float64Array(LABELS).fill(1e-6);
  readonly logits = new Float64Array(LABELS);

  /** Raw logits of a row into `this.logits`; returns the row's feature scale. */
  forward(row: Row): number {
    const norm = 1 / Math.sqrt(Math.max(row.count, MIN_FEATURES));
    const { weights, logits } = this;
    logits.fill(0);
    for (let i = row.start, end = row.start + row.count; i < end; i++) {
      const hash = features[i]!;
      const at = (hash & mask) * LABELS;
      const sign = hash < 0 ? -1 : 1;
      for (let l = 0; l < LABELS; l++) logits[l]! += sign * weights[at + l]!;
    }
    for (let l = 0; l < LABELS; l++) logits[l] = this.bias[l]! + logits[l]! * norm;
    return norm;
  }

  epoch(order: readonly number[]): void {
    const gradients = new Float64Array(LABELS);
    for (const index of order) {
      const row = rows[index]!;
      const norm = this.forward(row);
      for (let l = 0; l < LABELS; l++) {
        gradients[l] = (sigmoid(this.logits[l]!) - row.targets[l]!) * rowWeight(row, l);
        this.biasSquares[l]! += gradients[l]! ** 2;
        this.bias[l]! -= (rate * gradients[l]!) / Math.sqrt(this.biasSquares[l]!);
      }
      for (let i = row.start, end = row.start + row.count; i < end; i++) {
        const hash = features[i]!;
        const at = (hash & mask) * LABELS;
        const signed = hash < 0 ? -norm : norm;
        for (let l = 0; l < LABELS; l++) {
          const g = gradients[l]! * signed;
          this.squares[at + l]! += g * g;
          this.weights[at + l]! -= (rate * g) / Math.sqrt(this.squares[at + l]!);
        }
      }
    }
  }
}

function shuffledIndices(indices: number[]): number[] {
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices;
}

// Cross-fitting: out-of-fold raw logits after each epoch, for every training row.
const outOfFold = Array.from({ length: maxEpochs }, () => new Float64Array(rows.length * LABELS));
for (let fold = 0; fold < FOLDS; fold++) {
  const learner = new Learner();
  const fitting = rows.flatMap((row, i) => (row.fold === fold ? [] : [i]));
  const heldOut = rows.flatMap((row, i) => (row.fold === fold ? [i] : []));
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    learner.epoch(shuffledIndices(fitting));
    for (const i of heldOut) {
      learner.forward(rows[i]!);
      outOfFold[epoch]!.set(learner.logits, i * LABELS);
    }
  }
  console.log(`fold ${fold + 1}/${FOLDS} done`);
}

type Point = { x: number; target: number; weight: number };

function plattLoss(points: readonly Point[], a: number, b: number): number {
  let loss = 0;
  for (const { x, target, weight } of points) {
    const p = Math.min(Math.max(sigmoid(a * x + b), 1e-12), 1 - 1e-12);
    loss -= weight * (target ? Math.log(p) : Math.log(1 - p));
  }
  return loss;
}

/** Weighted logistic regression of the target on one logit: Newton's method on (slope, intercept), damped. */
function fitPlatt(points: readonly Point[]): [number, number] {
  let a = 1;
  let b = 0;
  let loss = plattLoss(points, a, b);
  for (let iteration = 0; iteration < 50; iteration++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 1e-9, 0, 1e-9];
    for (const { x, target, weight } of points) {
      const p = sigmoid(a * x + b);
      const r = (p - target) * weight;
      const v = p * (1 - p) * weight;
      ga += r * x;
      gb += r;
      haa += v * x * x;
      hab += v * x;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    let da = (hbb * ga - hab * gb) / det;
    let db = (haa * gb - hab * ga) / det;
    // Halve the step until the loss goes down: far from the optimum a full Newton step can overshoot.
    while (plattLoss(points, a - da, b - db) > loss && Math.abs(da) + Math.abs(db) > 1e-12) {
      da /= 2;
      db /= 2;
    }
    a -= da;
    b -= db;
    const next = plattLoss(points, a, b);
    if (loss - next < 1e-9 * Math.abs(loss)) break;
    loss = next;
  }
  return [a, b];
}

/**
 * Per epoch, the Platt scaling of the out-of-fold logits and its weighted log loss (classes weighted as in
 * training, citizens' messages heavier): 0.5 then sits where a false alarm on a citizen's question costs as much
 * as a missed attack. The epoch with the lowest loss is kept.
 */
const calibrations = outOfFold.map((logits) => {
  let loss = 0;
  let total = 0;
  const scaling = CLASSIFIER_LABELS.map((_, l) => {
    const points = rows.map((row, i) => ({
      x: logits[i * LABELS + l]!,
      target: row.targets[l]!,
      weight: rowWeight(row, l),
    }));
    const [slope, intercept] = fitPlatt(points);
    for (const { x, target, weight } of points) {
      const p = Math.min(Math.max(sigmoid(slope * x + intercept), 1e-7), 1 - 1e-7);
      loss -= weight * (target ? Math.log(p) : Math.log(1 - p));
      total += weight;
    }
    return { slope, intercept };
  });
  return { scaling, loss: loss / total };
});
calibrations.forEach(({ loss }, e) =>
  console.log(`epoch ${e + 1}: out-of-fold calibrated loss ${loss.toFixed(4)}`),
);
const bestEpoch = calibrations.reduce((best, c, e) => (c.loss < calibrations[best]!.loss ? e : best), 0);
const { scaling } = calibrations[bestEpoch]!;
console.log(`kept ${bestEpoch + 1} epoch(s)`);

const learner = new Learner();
const everything = rows.map((_, i) => i);
for (let epoch = 0; epoch <= bestEpoch; epoch++) learner.epoch(shuffledIndices(everything));

// int16 weights, one scale per label.
const quantized = new Int16Array(LABELS << bucketBits);
const scales = CLASSIFIER_LABELS.map((_, l) => {
  let largest = 0;
  for (let i = l; i < learner.weights.length; i += LABELS)
    largest = Math.max(largest, Math.abs(learner.weights[i]!));
  return largest / 32767 || 1;
});
for (let i = 0; i < quantized.length; i++)
  quantized[i] = Math.round(learner.weights[i]! / scales[i % LABELS]!);

let hash = 0x811c9dc5;
for (let i = 0; i < quantized.length; i++) hash = Math.imul(hash ^ (quantized[i]! & 0xffff), 16777619);
const header: GuardModelHeader = {
  format: MODEL_FORMAT,
  version: `${RECIPE_VERSION}+${(hash >>> 0).toString(16).padStart(8, '0')}`,
  labels: [...CLASSIFIER_LABELS],
  bucketBits,
  maxOrder: MAX_ORDER,
  blockUnits: BLOCK_UNITS,
  windowBlocks: WINDOW_BLOCKS,
  minFeatures: MIN_FEATURES,
  scales,
  bias: [...learner.bias],
  slope: scaling.map((s) => s.slope),
  intercept: scaling.map((s) => s.intercept),
  training: {},
};
console.log(
  'calibration:',
  CLASSIFIER_LABELS.map(
    (l, i) => `${l} p = σ(${header.slope[i]!.toFixed(3)}·z + ${header.intercept[i]!.toFixed(3)})`,
  ).join('; '),
);

// Scores of the model as shipped, on the held-out test split.
const classifier = guardClassifierFrom(new GuardModel(header, quantized));
const scored: Scored[] = test.map((example) => ({ example, scores: classifier.classify(example.text) }));
const packScored = readPackQuestions().map((example) => ({
  example,
  scores: classifier.classify(example.text),
}));
header.training = {
  method:
    'one-vs-rest logistic regression, AdaGrad; epochs and Platt scaling chosen on 5-fold out-of-fold scores; int16',
  seed,
  epochs: bestEpoch + 1,
  split:
    'test: every 5th template per (language, kind) in hash order, and FNV-1a(group) % 5 == 0 for source rows',
  sizes: { train: train.length, test: test.length },
  test: printReport(scored, packScored),
};
const buffer = new GuardModel(header, quantized).toBuffer();
writeFileSync(values.out, buffer);
console.log(`wrote ${values.out} (${(buffer.length / 1e6).toFixed(2)} MB), version ${header.version}`);

/**
 * The project's public-service questions (packs/data, never trained on), as an outside check of false alarms in
 * every language, Tamazight in Tifinagh included.
 */
function readPackQuestions(): Example[] {
  const read = (file: string) =>
    readFileSync(new URL(`../../packs/data/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, string>);
  const question = (text: string, lang: string): Example => ({
    text,
    lang,
    labels: [] as ClassifierLabel[],
    kind: 'benign:pack',
    source: 'packs',
    group: '',
    split: 'test',
    obfuscation: 'none',
  });
  return [
    ...read('variety-questions.jsonl').flatMap((row) =>
      ['ary_Arab', 'ary_Latn', 'arb_Arab', 'fra_Latn', 'zgh_Tfng'].flatMap((lang) =>
        row[lang] ? [question(row[lang], lang)] : [],
      ),
    ),
    ...read('language-questions.jsonl').map((row) => question(row.question!, row.language!)),
  ];
}
