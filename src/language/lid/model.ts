import type { LanguageLabel } from '../labels.js';
import { maxFeatures, WordScript, wordFeatures, type Word } from './features.js';

const SCRIPT_SUFFIX: Record<string, WordScript> = {
  Latn: WordScript.Latin,
  Arab: WordScript.Arabic,
  Tfng: WordScript.Tifinagh,
};
/** A class of another script than the word's gets the lowest weight for each of the word's features. */
const OTHER_SCRIPT_WEIGHT = -127;

/** What a model file says about itself; the weights follow it. */
export interface LidModelHeader {
  format: 'mizan-lid/1';
  /** Classes the model tells apart, including languages the platform does not serve (to reject them). */
  classes: string[];
  /** The platform label each class reports: a served language, or `und`. */
  reports: LanguageLabel[];
  bucketBits: number;
  maxOrder: number;
  /** Weights are int8; multiplied by this they are log-likelihoods in nats. */
  scale: number;
  /** Divides the summed log-likelihoods before the softmax: fitted on the dev split so confidences are calibrated. */
  temperature: number;
  /**
   * Log prior per class, added after the temperature: languages the platform does not serve are rare in its
   * traffic, so they must win clearly to be reported.
   */
  logPriors: number[];
  /** Below this calibrated confidence the answer is `und`. */
  minConfidence: number;
  /** Cost in nats of switching language between two words, for code-switched spans. */
  switchPenalty: number;
  /** Provenance: data, split and dev scores, for the model card. */
  training: Record<string, unknown>;
}

/**
 * A hashed character-n-gram model: for each bucket, one int8 weight per class, laid out bucket-major so the
 * weights of one feature sit in one cache line.
 */
export class LidModel {
  readonly classCount: number;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** For each word script, the classes written in it and those that are not. */
  private readonly byScript: { own: Int32Array; other: Int32Array }[];

  constructor(
    readonly header: LidModelHeader,
    readonly weights: Int8Array,
  ) {
    this.classCount = header.classes.length;
    this.mask = (1 << header.bucketBits) - 1;
    this.hashes = new Int32Array(maxFeatures(header.maxOrder));
    const scripts = header.classes.map((name) => SCRIPT_SUFFIX[name.slice(-4)]);
    this.byScript = [WordScript.Latin, WordScript.Arabic, WordScript.Tifinagh, WordScript.Other].map(
      (script) => ({
        own: Int32Array.from(scripts.flatMap((s, c) => (s === script ? [c] : []))),
        other: Int32Array.from(scripts.flatMap((s, c) => (s === script ? [] : [c]))),
      }),
    );
    if (weights.length !== this.classCount << header.bucketBits) {
      throw new Error(
        `language model: expected ${this.classCount << header.bucketBits} weights, found ${weights.length}`,
      );
    }
  }

  /**
   * Adds the word's weights to `out[offset .. offset + classCount)`, in weight units (times `scale` for nats).
   * Only classes of the word's script are looked up: the script is certain, and it halves the work.
   */
  scoreWord(word: Word, out: Float64Array, offset = 0): void {
    const { weights, mask, classCount, hashes } = this;
    const count = wordFeatures(word, this.header.maxOrder, hashes);
    const { own, other } = this.byScript[word.script]!;
    const owned = own.length;
    for (let i = 0; i < count; i++) {
      const base = (hashes[i]! & mask) * classCount;
      for (let j = 0; j < owned; j++) {
        const c = own[j]!;
        out[offset + c]! += weights[base + c]!;
      }
    }
    for (let j = 0; j < other.length; j++) out[offset + other[j]!]! += OTHER_SCRIPT_WEIGHT * count;
  }

  /** `[uint32 header length][header JSON][padding to 4][int8 weights]`: readable without any library. */
  toBuffer(): Buffer {
    const header = Buffer.from(JSON.stringify(this.header), 'utf8');
    const start = align4(4 + header.length);
    const buffer = Buffer.alloc(start + this.weights.length);
    buffer.writeUInt32LE(header.length, 0);
    header.copy(buffer, 4);
    Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.length).copy(buffer, start);
    return buffer;
  }

  static fromBuffer(buffer: Uint8Array): LidModel {
    const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const headerLength = view.readUInt32LE(0);
    const header = JSON.parse(view.subarray(4, 4 + headerLength).toString('utf8')) as LidModelHeader;
    if (header.format !== 'mizan-lid/1')
      throw new Error(`language model: unknown format ${String(header.format)}`);
    const start = align4(4 + headerLength);
    const weights = new Int8Array(view.buffer, view.byteOffset + start, view.byteLength - start);
    return new LidModel(header, weights);
  }
}

const align4 = (n: number) => (n + 3) & ~3;
