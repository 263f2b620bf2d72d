/**
 * Trains the language identifier shipped in models/language-id.bin and prints its scores.
 *
 *   npx tsx scripts/language-id/train.ts [--data ../shared/data] [--out models/language-id.bin] [--seed 7]
 *
 * Method: multinomial naive Bayes over hashed character 1-4-grams and words (src/language/lid/features.ts),
 * refined by a few epochs of error-driven updates, quantized to int8. Deterministic for a seed.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGE_LABELS, type LanguageLabel } from '../../src/language/labels.js';
import { forEachWord, maxFeatures, wordFeatures } from '../../src/language/lid/features.js';
import { createIdentifier } from '../../src/language/lid/identifier.js';
import { LidModel, type LidModelHeader } from '../../src/language/lid/model.js';
import { arabicToArabizi } from '../../src/language/transliterate/arabizi.js';
import { tifinaghToLatin } from '../../src/language/transliterate/tifinagh.js';
import { isDev, loadCorpus, seededRandom, type Sentence } from './corpus.js';
import { darijaMessage } from './darija-phrases.js';

const BUCKET_BITS = 18;
const MAX_ORDER = 4;
const MAX_PER_CLASS = 15000;
const SMOOTHING = 0.05;
const MIN_CONFIDENCE = 0.5;
/** How often, relative to a served language, a language the platform does not serve is expected. */
const UNSERVED_PRIOR = 1 / 50;

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    out: { type: 'string', default: 'models/language-id.bin' },
    seed: { type: 'string', default: '7' },
    epochs: { type: 'string', default: '1' },
  },
});
const random = seededRandom(Number(values.seed));
const dataDir = resolve(values.data);

const { corpus } = loadCorpus({
  dataDir,
  random,
  romanizeDarija: (text, rnd) => arabicToArabizi(text, { random: rnd }),
  romanizeTifinagh: (text, ascii) => tifinaghToLatin(text, { ascii }),
  darijaMessage,
});
const classes = [...corpus.keys()];
const reports: LanguageLabel[] = classes.map((c) =>
  (LANGUAGE_LABELS as readonly string[]).includes(c) ? (c as LanguageLabel) : 'und',
);
const C = classes.length;
const B = 1 << BUCKET_BITS;
const mask = B - 1;

function features(text: string): Int32Array {
  const out: number[] = [];
  const hashes = new Int32Array(maxFeatures(MAX_ORDER));
  forEachWord(text, 0, text.length, (word) => {
    const count = wordFeatures(word, MAX_ORDER, hashes);
    for (let i = 0; i < count; i++) out.push(hashes[i]! & mask);
  });
  return Int32Array.from(out);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface Example {
  label: number;
  features: Int32Array;
  text: string;
}

const train: Example[] = [];
const dev: Example[] = [];
const sizes: Record<string, { train: number; dev: number; sources: Record<string, number> }> = {};
classes.forEach((name, label) => {
  const all = corpus.get(name)!;
  const trainPart = shuffle(all.filter((s) => !isDev(s.text))).slice(0, MAX_PER_CLASS);
  const devPart = all.filter((s) => isDev(s.text)).slice(0, 1500);
  const sources: Record<string, number> = {};
  trainPart.forEach((s: Sentence) => (sources[s.source] = (sources[s.source] ?? 0) + 1));
  sizes[name] = { train: trainPart.length, dev: devPart.length, sources };
  for (const s of trainPart) train.push({ label, features: features(s.text), text: s.text });
  for (const s of devPart) dev.push({ label, features: features(s.text), text: s.text });
});
console.table(Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, { train: v.train, dev: v.dev }])));

// Naive Bayes: log P(feature | class), uniform class prior.
const counts = new Float64Array(B * C);
const totals = new Float64Array(C);
for (const ex of train) {
  for (const f of ex.features) counts[f * C + ex.label]!++;
  totals[ex.label]! += ex.features.length;
}
const weights = new Float64Array(B * C);
for (let b = 0; b < B; b++) {
  for (let c = 0; c < C; c++) {
    weights[b * C + c] = Math.log((counts[b * C + c]! + SMOOTHING) / (totals[c]! + SMOOTHING * B));
  }
}

function scores(ex: Example, out: Float64Array): number {
  out.fill(0);
  for (const f of ex.features) for (let c = 0; c < C; c++) out[c]! += weights[f * C + c]!;
  let best = 0;
  for (let c = 1; c < C; c++) if (out[c]! > out[best]!) best = c;
  return best;
}

function accuracy(set: Example[]): number {
  const out = new Float64Array(C);
  return set.filter((ex) => scores(ex, out) === ex.label).length / set.length;
}
console.log(`naive Bayes: dev accuracy ${accuracy(dev).toFixed(4)}`);

// Error-driven refinement (a margin perceptron on top of naive Bayes): where a training sentence is
// misclassified or wins by less than a margin, move its features toward its class and away from the rival.
const epochs = Number(values.epochs);
const MARGIN = 5;
for (let epoch = 0; epoch < epochs; epoch++) {
  const rate = 0.05 / (1 + epoch);
  const out = new Float64Array(C);
  let updates = 0;
  for (const ex of shuffle(train)) {
    scores(ex, out);
    let rival = ex.label === 0 ? 1 : 0;
    for (let c = 0; c < C; c++) if (c !== ex.label && out[c]! > out[rival]!) rival = c;
    if (out[ex.label]! - out[rival]! >= MARGIN) continue;
    updates++;
    for (const f of ex.features) {
      weights[f * C + ex.label]! += rate;
      weights[f * C + rival]! -= rate;
    }
  }
  console.log(`epoch ${epoch + 1}: ${updates} updates, dev accuracy ${accuracy(dev).toFixed(4)}`);
}

// Quantize: centre each bucket (adding a constant to every class changes nothing), then int8.
const centred = new Float64Array(B * C);
const magnitudes: number[] = [];
for (let b = 0; b < B; b++) {
  let mean = 0;
  for (let c = 0; c < C; c++) mean += weights[b * C + c]!;
  mean /= C;
  for (let c = 0; c < C; c++) {
    centred[b * C + c] = weights[b * C + c]! - mean;
    if (counts[b * C + c]! > 0) magnitudes.push(Math.abs(centred[b * C + c]!));
  }
}
magnitudes.sort((a, b) => a - b);
const scale = magnitudes[Math.floor(magnitudes.length * 0.9995)]! / 127;
const quantized = new Int8Array(B * C);
for (let i = 0; i < quantized.length; i++) {
  quantized[i] = Math.max(-127, Math.min(127, Math.round(centred[i]! / scale)));
}

const header: LidModelHeader = {
  format: 'mizan-lid/1',
  classes,
  reports,
  bucketBits: BUCKET_BITS,
  maxOrder: MAX_ORDER,
  scale,
  temperature: 1,
  logPriors: reports.map((label) => (label === 'und' ? Math.log(UNSERVED_PRIOR) : 0)),
  minConfidence: MIN_CONFIDENCE,
  switchPenalty: 0,
  training: {},
};

// Calibration: the temperature that minimizes the dev negative log-likelihood.
function devLogLoss(model: LidModel): number {
  const identify = createIdentifier(model);
  let loss = 0;
  for (const ex of dev) {
    const result = identify(ex.text);
    const gold = reports[ex.label]!;
    const p = result.lang === gold ? result.confidence : (1 - result.confidence) / C;
    loss -= Math.log(Math.max(p, 1e-6));
  }
  return loss / dev.length;
}
let bestTemperature = 1;
let bestLoss = Infinity;
for (let t = 1; t <= 4096; t *= Math.SQRT2) {
  const loss = devLogLoss(new LidModel({ ...header, temperature: t, minConfidence: 0 }, quantized));
  if (loss < bestLoss) [bestLoss, bestTemperature] = [loss, t];
}
header.temperature = bestTemperature;
console.log(`temperature ${bestTemperature.toFixed(2)}, dev log-loss ${bestLoss.toFixed(4)}`);

// Code-switching: the span penalty that best labels the words of dev sentence pairs in two languages,
// while keeping monolingual sentences in one span.
function wordAccuracy(model: LidModel): number {
  const identify = createIdentifier(model);
  const pairRandom = seededRandom(11);
  let right = 0;
  let total = 0;
  for (let i = 0; i < 3000; i++) {
    const a = dev[Math.floor(pairRandom() * dev.length)]!;
    const b = dev[Math.floor(pairRandom() * dev.length)]!;
    const mixed = pairRandom() < 0.5;
    const text = mixed ? `${a.text} ${b.text}` : a.text;
    const boundary = a.text.length;
    const spans = identify(text).spans;
    forEachWord(text, 0, text.length, (word) => {
      const gold = word.start < boundary ? reports[a.label] : reports[b.label];
      const span = spans.find((s) => s.start <= word.start && word.end <= s.end);
      if (span?.lang === gold) right++;
      total++;
    });
  }
  return right / total;
}
let bestPenalty = 0;
let bestWordAccuracy = 0;
for (const penalty of [4, 8, 12, 16, 24, 32, 48, 64, 96]) {
  const acc = wordAccuracy(new LidModel({ ...header, switchPenalty: penalty }, quantized));
  console.log(`switch penalty ${penalty}: word accuracy ${acc.toFixed(4)}`);
  if (acc > bestWordAccuracy) [bestWordAccuracy, bestPenalty] = [acc, penalty];
}
header.switchPenalty = bestPenalty;

const finalModel = new LidModel(header, quantized);
const identify = createIdentifier(finalModel);
const devRight = dev.filter((ex) => identify(ex.text).lang === reports[ex.label]).length;
header.training = {
  method: 'multinomial naive Bayes + margin perceptron refinement, int8 quantized',
  seed: Number(values.seed),
  epochs,
  split: 'test = lid-benchmark/lid_eval.jsonl (excluded); dev = FNV-1a(text) % 10 == 0; train = rest',
  sizes,
  dev: { accuracy: devRight / dev.length, logLoss: bestLoss, spanWordAccuracy: bestWordAccuracy },
};
const buffer = new LidModel(header, quantized).toBuffer();
writeFileSync(values.out, buffer);
console.log(
  `dev accuracy ${(devRight / dev.length).toFixed(4)}; wrote ${values.out} (${(buffer.length / 1e6).toFixed(2)} MB)`,
);
