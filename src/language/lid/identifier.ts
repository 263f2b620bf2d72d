import type { LanguageLabel } from '../labels.js';
import { forEachWord, WordScript } from './features.js';
import type { LidModel } from './model.js';

export interface LanguageSpan {
  /** JavaScript string offsets (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  lang: LanguageLabel;
}

export interface Identification {
  lang: LanguageLabel;
  /** Calibrated probability that `lang` is right; 0 when there was nothing to identify. */
  confidence: number;
  /** Stretches of one language, in order; one span for a monolingual text, none when nothing was identified. */
  spans: LanguageSpan[];
}

/** Fewer letters than this is too short to tell ("ok", "؟؟"). */
const MIN_LETTERS = 3;
/** Longer texts are identified from evenly spaced windows, so time stays bounded whatever the length. */
const WINDOW = 2048;
const MAX_WINDOWS = 16;
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+/giu;
const NOTHING: Identification = Object.freeze({ lang: 'und', confidence: 0, spans: [] }) as Identification;

/** Web and e-mail addresses are not language; blanking them keeps every offset in place. */
function blankAddresses(text: string): string {
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return text;
  return text.replace(WEB_ADDRESS, (match) => ' '.repeat(match.length));
}

/**
 * Identification of one text: scores per word (kept for code-switched spans) and their sum. The buffers are
 * reused from call to call; identification is synchronous, so no two calls share them at once.
 */
class Scratch {
  words = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** Per word, one score per class, in weight units. */
  scores: Float64Array;
  total: Float64Array;
  /** Letters in words of the served scripts, and in words of other scripts (Cyrillic, Han…). */
  letters = 0;
  foreignLetters = 0;

  constructor(readonly classCount: number) {
    this.scores = new Float64Array(256 * classCount);
    this.total = new Float64Array(classCount);
  }

  reset(): void {
    this.words = this.letters = this.foreignLetters = 0;
    this.total.fill(0);
  }

  /** Room for one more word; returns the offset of its scores, zeroed. */
  addWord(start: number, end: number): number {
    const index = this.words++;
    if (index === this.starts.length) {
      this.starts = grow(this.starts, Int32Array);
      this.ends = grow(this.ends, Int32Array);
      this.scores = grow(this.scores, Float64Array);
    }
    this.starts[index] = start;
    this.ends[index] = end;
    const offset = index * this.classCount;
    this.scores.fill(0, offset, offset + this.classCount);
    return offset;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, Type: new (length: number) => T): T {
  const grown = new Type(array.length * 2);
  grown.set(array);
  return grown;
}

export function createIdentifier(model: LidModel): (text: string) => Identification {
  const { classCount, header } = model;
  const { reports, scale, logPriors } = header;
  const factor = scale / header.temperature;
  const scratch = new Scratch(classCount);
  const probabilities = new Float64Array(classCount);
  // The log priors in weight units: entering a class the platform does not serve costs as much within a text as
  // it does for a whole text.
  const entryCost = Float64Array.from(logPriors, (prior) => prior / factor);

  function scoreRange(text: string, from: number, to: number): void {
    forEachWord(text, from, to, (word) => {
      if (word.script === WordScript.Other) {
        scratch.foreignLetters += word.letters;
        return;
      }
      scratch.letters += word.letters;
      const offset = scratch.addWord(word.start, word.end);
      model.scoreWord(word, scratch.scores, offset);
      for (let c = 0; c < classCount; c++) scratch.total[c]! += scratch.scores[offset + c]!;
    });
  }

  /** Calibrated probability per class: temperature-scaled scores plus log priors, softmaxed. */
  function posterior(): void {
    let max = -Infinity;
    for (let c = 0; c < classCount; c++) {
      probabilities[c] = scratch.total[c]! * factor + logPriors[c]!;
      max = Math.max(max, probabilities[c]!);
    }
    let sum = 0;
    for (let c = 0; c < classCount; c++) sum += probabilities[c] = Math.exp(probabilities[c]! - max);
    for (let c = 0; c < classCount; c++) probabilities[c]! /= sum;
  }

  /**
   * Whether any switch of language could pay: a path that leaves the best class overall gains at most, on
   * each word, what the word's best class beats it by, and pays the switch penalty at least once.
   */
  function mightSwitch(penalty: number): boolean {
    const { scores, total, words } = scratch;
    let main = 0;
    for (let c = 1; c < classCount; c++) if (total[c]! > total[main]!) main = c;
    let gain = 0;
    for (let i = 0, offset = 0; i < words; i++, offset += classCount) {
      let best = scores[offset + main]!;
      for (let c = 0; c < classCount; c++) best = Math.max(best, scores[offset + c]!);
      gain += best - scores[offset + main]!;
      if (gain > penalty) return true;
    }
    return false;
  }

  /**
   * Code-switching: the most likely sequence of per-word classes, where changing language costs
   * `switchPenalty` nats (Viterbi), then consecutive words of one reported label merged into a span.
   */
  function segment(lang: LanguageLabel): LanguageSpan[] {
    const n = scratch.words;
    const whole = () => [{ start: scratch.starts[0]!, end: scratch.ends[n - 1]!, lang }];
    const penalty = header.switchPenalty / scale;
    if (!mightSwitch(penalty)) return whole();
    const { scores } = scratch;
    const back = new Int32Array(n * classCount);
    let previous = Float64Array.from(scores.subarray(0, classCount), (score, c) => score + entryCost[c]!);
    let current = new Float64Array(classCount);
    for (let i = 1; i < n; i++) {
      let best = 0;
      for (let c = 1; c < classCount; c++) if (previous[c]! > previous[best]!) best = c;
      for (let c = 0; c < classCount; c++) {
        const stay = previous[c]!;
        const move = previous[best]! - penalty + entryCost[c]!;
        back[i * classCount + c] = stay >= move ? c : best;
        current[c] = Math.max(stay, move) + scores[i * classCount + c]!;
      }
      [previous, current] = [current, previous];
    }
    let state = 0;
    for (let c = 1; c < classCount; c++) if (previous[c]! > previous[state]!) state = c;
    const path = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      path[i] = state;
      state = back[i * classCount + state]!;
    }
    const spans: LanguageSpan[] = [];
    for (let i = 0; i < n; i++) {
      const label = reports[path[i]!]!;
      const last = spans.at(-1);
      if (last && last.lang === label) last.end = scratch.ends[i]!;
      else spans.push({ start: scratch.starts[i]!, end: scratch.ends[i]!, lang: label });
    }
    return spans.length === 1 ? whole() : spans;
  }

  return function identify(input: string): Identification {
    const text = blankAddresses(input);
    scratch.reset();
    const windows = Math.ceil(text.length / WINDOW);
    if (windows <= MAX_WINDOWS) scoreRange(text, 0, text.length);
    else {
      for (let w = 0; w < MAX_WINDOWS; w++) {
        const start = Math.floor((w * (text.length - WINDOW)) / (MAX_WINDOWS - 1));
        scoreRange(text, wordBoundaryAfter(text, start), wordBoundaryBefore(text, start + WINDOW));
      }
    }
    if (scratch.letters < MIN_LETTERS || scratch.foreignLetters > scratch.letters) return NOTHING;
    posterior();
    // Classes that report the same label (none today but `und`) pool their probability.
    let lang: LanguageLabel = 'und';
    let confidence = 0;
    for (let c = 0; c < classCount; c++) {
      let pooled = 0;
      for (let d = 0; d < classCount; d++) if (reports[d] === reports[c]) pooled += probabilities[d]!;
      if (pooled > confidence) [lang, confidence] = [reports[c]!, pooled];
    }
    if (confidence < header.minConfidence) lang = 'und';
    return { lang, confidence: Math.round(confidence * 1e4) / 1e4, spans: segment(lang) };
  };
}

const SPACE = /\s/u;

/** Window edges move to whitespace so no word is cut in two; the text's own edges stay. */
function wordBoundaryAfter(text: string, i: number): number {
  if (i === 0) return 0;
  while (i < text.length && !SPACE.test(text[i]!)) i++;
  return i;
}

function wordBoundaryBefore(text: string, i: number): number {
  if (i >= text.length) return text.length;
  while (i > 0 && !SPACE.test(text[i - 1]!)) i--;
  return i;
}
