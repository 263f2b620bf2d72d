import { BLOCK_UNITS, extractFeatures, FeatureBuffer, MAX_ORDER } from './features.js';

/** What the compact classifier scores, each on its own (one-vs-rest): a text can be all three, or none. */
export const CLASSIFIER_LABELS = ['prompt_injection', 'jailbreak', 'harmful_content'] as const;
export type ClassifierLabel = (typeof CLASSIFIER_LABELS)[number];
/** Independent calibrated probabilities, 0–1; 0.5 is the intended decision threshold. */
export type ClassifierScores = Readonly<Record<ClassifierLabel, number>>;

export const MODEL_FORMAT = 'mizan-guard-classifier/1';

/** What a model file says about itself; the quantized weights follow it. */
export interface GuardModelHeader {
  format: typeof MODEL_FORMAT;
  /** Names the exact weights: the training recipe's version and a hash of the weights. */
  version: string;
  labels: ClassifierLabel[];
  /** 2^bucketBits hash buckets, each with one weight per label. */
  bucketBits: number;
  /** Must match the feature code this build runs (src/guard/classifier/features.ts). */
  maxOrder: number;
  blockUnits: number;
  /** A text longer than this many blocks is scored in windows of this size, half a window apart; the highest wins. */
  windowBlocks: number;
  /** Weights are int16; times `scales[label]` they are logistic-regression weights. */
  scales: number[];
  /**
   * Per label and window, logit = bias + Σ signed weights of the window's distinct buckets / √max(their count,
   * minFeatures), then p = sigmoid(slope · logit + intercept). The floor keeps a two-word message from weighing
   * like a paragraph.
   */
  minFeatures: number;
  bias: number[];
  slope: number[];
  intercept: number[];
  /** Provenance: data, split and held-out scores, for the model card. */
  training: Record<string, unknown>;
}

/**
 * A one-vs-rest logistic regression over hashed features, weights laid out bucket-major (the labels of one
 * bucket side by side). The feature and score buffers are reused from call to call: classification is
 * synchronous, so no two calls share them at once.
 */
export class GuardModel {
  readonly weights: Float32Array;
  private readonly mask: number;
  private readonly features = new FeatureBuffer();
  private readonly seen: BucketSet;

  constructor(
    readonly header: GuardModelHeader,
    readonly quantized: Int16Array,
  ) {
    if (header.format !== MODEL_FORMAT)
      throw new Error(`guard classifier: unknown format ${String(header.format)}`);
    if (header.maxOrder !== MAX_ORDER || header.blockUnits !== BLOCK_UNITS) {
      throw new Error('guard classifier: the model was trained with other features than this build computes');
    }
    if (header.labels.join() !== CLASSIFIER_LABELS.join()) {
      throw new Error(`guard classifier: expected labels ${CLASSIFIER_LABELS.join(', ')}`);
    }
    const labels = CLASSIFIER_LABELS.length;
    if (quantized.length !== labels << header.bucketBits) {
      throw new Error(
        `guard classifier: expected ${labels << header.bucketBits} weights, found ${quantized.length}`,
      );
    }
    this.mask = (1 << header.bucketBits) - 1;
    this.seen = new BucketSet(header.bucketBits);
    this.weights = new Float32Array(quantized.length);
    for (let i = 0; i < quantized.length; i++) this.weights[i] = quantized[i]! * header.scales[i % labels]!;
  }

  /**
   * Raw logits per label (before calibration), written into `out`: the highest over the text's windows. Within a
   * window each bucket counts once, so that repeating a sentence adds no evidence.
   */
  logits(text: string, out: Float64Array): void {
    const { features, weights, mask, seen, header } = this;
    extractFeatures(text, features);
    const { hashes, blockEnds, blocks } = features;
    const windows = windowCount(blocks, header.windowBlocks);
    out.fill(-Infinity);
    for (let w = 0; w < windows; w++) {
      const first = windowFirstBlock(w, blocks, header.windowBlocks);
      const from = first === 0 ? 0 : blockEnds[first - 1]!;
      const to = blockEnds[Math.min(first + header.windowBlocks, blocks) - 1]!;
      const stamp = seen.next();
      let injection = 0;
      let jailbreak = 0;
      let harmful = 0;
      let count = 0;
      for (let f = from; f < to; f++) {
        const hash = hashes[f]!;
        const bucket = hash & mask;
        if (!seen.mark(bucket, stamp)) continue;
        count++;
        const at = bucket * 3;
        if (hash < 0) {
          injection -= weights[at]!;
          jailbreak -= weights[at + 1]!;
          harmful -= weights[at + 2]!;
        } else {
          injection += weights[at]!;
          jailbreak += weights[at + 1]!;
          harmful += weights[at + 2]!;
        }
      }
      const norm = 1 / Math.sqrt(Math.max(count, header.minFeatures));
      out[0] = Math.max(out[0]!, header.bias[0]! + injection * norm);
      out[1] = Math.max(out[1]!, header.bias[1]! + jailbreak * norm);
      out[2] = Math.max(out[2]!, header.bias[2]! + harmful * norm);
    }
  }

  /** `[uint32 header length][header JSON][padding to 4][int16 weights, little-endian]`: readable without any library. */
  toBuffer(): Buffer {
    const header = Buffer.from(JSON.stringify(this.header), 'utf8');
    const start = align4(4 + header.length);
    const buffer = Buffer.alloc(start + this.quantized.byteLength);
    buffer.writeUInt32LE(header.length, 0);
    header.copy(buffer, 4);
    for (let i = 0; i < this.quantized.length; i++) buffer.writeInt16LE(this.quantized[i]!, start + 2 * i);
    return buffer;
  }

  static fromBuffer(buffer: Uint8Array): GuardModel {
    const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const headerLength = view.readUInt32LE(0);
    const header = JSON.parse(view.subarray(4, 4 + headerLength).toString('utf8')) as GuardModelHeader;
    const start = align4(4 + headerLength);
    const quantized = new Int16Array((view.byteLength - start) >> 1);
    for (let i = 0; i < quantized.length; i++) quantized[i] = view.readInt16LE(start + 2 * i);
    return new GuardModel(header, quantized);
  }
}

const align4 = (n: number) => (n + 3) & ~3;

/**
 * Windows of a text of `blocks` blocks: the whole text when it fits in one window, otherwise windows of
 * `windowBlocks` blocks every half window, the last one ending with the text.
 */
export function windowCount(blocks: number, windowBlocks: number): number {
  if (blocks <= windowBlocks) return 1;
  const step = windowBlocks >> 1;
  return Math.ceil((blocks - windowBlocks) / step) + 1;
}

/** The first block of window `w` (see `windowCount`); the window ends `windowBlocks` later or with the text. */
export const windowFirstBlock = (w: number, blocks: number, windowBlocks: number): number =>
  blocks <= windowBlocks ? 0 : Math.min(w * (windowBlocks >> 1), blocks - windowBlocks);

/** A set of buckets cleared in O(1): a bucket is in the current set when it carries the current stamp. */
export class BucketSet {
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(bucketBits: number) {
    this.stamps = new Int32Array(1 << bucketBits);
  }

  /** Starts a new, empty set and returns its stamp. */
  next(): number {
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Adds the bucket; false when it was already in the set. */
  mark(bucket: number, stamp: number): boolean {
    if (this.stamps[bucket] === stamp) return false;
    this.stamps[bucket] = stamp;
    return true;
  }
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
