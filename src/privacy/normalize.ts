/**
 * Text normalization for detection. Recognizers run on a normalized copy of the input; every offset they report
 * maps back to the original through `toOriginal` / `toOriginalEnd`, so entities always point at the exact
 * characters the user typed (invisible characters inside an identifier included, those around it not).
 *
 * What changes, character by character (never across characters, so the mapping stays exact):
 * - Eastern Arabic (U+0660–0669) and Persian (U+06F0–06F9) digits become ASCII digits; the Arabic decimal and
 *   thousands separators become "." and ",".
 * - Zero-width and direction characters are removed (U+200B–200F, U+202A–202E, U+2060–206F, U+061C, U+FEFF, U+00AD,
 *   variation selectors U+FE00–FE0F), and so are the marks that keyboards add inside words: Arabic harakat
 *   (U+064B–065F, U+0670), the tatweel (U+0640) and Latin combining accents (U+0300–036F).
 * - Spaces (no-break, narrow no-break, figure, ideographic…) become " "; dashes and the minus sign become "-".
 * - Full-width forms, Arabic presentation forms, small forms and mathematical digits and letters are folded with
 *   NFKC, one character at a time.
 * Anything else, lone surrogates included, is copied unchanged.
 */
import { Buffer } from 'node:buffer';

export interface NormalizedText {
  /** The text recognizers run on. */
  text: string;
  /** Original index of the character that produced normalized index `index` (`text.length` maps to the end). */
  toOriginal(index: number): number;
  /** Original end (exclusive) of a span whose normalized end (exclusive) is `index`: trailing removed characters stay out. */
  toOriginalEnd(index: number): number;
}

/** Characters the slow path must look at; everything else is copied as is. */
const SPECIAL_CLASS =
  '\\u00A0\\u00AD\\u0300-\\u036F\\u061C\\u0640\\u064B-\\u065F\\u0660-\\u066C\\u0670\\u06F0-\\u06F9\\u2000-\\u200F\\u2010-\\u2015' +
  '\\u2028-\\u202F\\u205F-\\u206F\\u2212\\u3000\\uFB50-\\uFDFF\\uFE00-\\uFE0F\\uFE30-\\uFE4F\\uFE50-\\uFE6F\\uFE70-\\uFEFF\\uFF00-\\uFFEF' +
  '\\uD835';
/** Runs of special characters (U+D835 is the high surrogate of the mathematical letters and digits). */
// The class lists combining marks on purpose (they are removed), and code units, not code points, on purpose.
// eslint-disable-next-line no-misleading-character-class
const SPECIAL_RUNS = new RegExp(`[${SPECIAL_CLASS}]+`, 'g');

const isRemoved = (c: number): boolean =>
  c === 0x00ad ||
  c === 0x061c ||
  c === 0x0640 ||
  c === 0x0670 ||
  c === 0xfeff ||
  (c >= 0x0300 && c <= 0x036f) ||
  (c >= 0x064b && c <= 0x065f) ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x206f) ||
  (c >= 0xfe00 && c <= 0xfe0f);

/** The replacement for one special character (a code point, maybe a surrogate pair); '' removes it. */
function replacementFor(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch.length === 1) {
    if (isRemoved(c)) return '';
    if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 0x30);
    if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 0x30);
    if (c === 0x066b) return '.'; // Arabic decimal separator
    if (c === 0x066c) return ','; // Arabic thousands separator
    if (c === 0x066a) return '%';
    if (c === 0x00a0 || c === 0x202f || c === 0x205f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a))
      return ' ';
    if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return '-';
  }
  // Per character, so the mapping stays exact; marks NFKC leaves behind (U+FE70 → space + fathatan) are dropped.
  let folded = '';
  for (const unit of ch.normalize('NFKC')) if (!isRemoved(unit.charCodeAt(0))) folded += unit;
  return folded;
}

/**
 * Piecewise mapping, one entry per segment, in flat arrays (adversarial inputs have a segment per character):
 * normalized [out[i], out[i+1]) comes from the original starting at orig[i]; linear segments advance with the
 * output (end[i] = -1), constant ones (one character expanded or contracted) do not and end at end[i].
 */
class Segments {
  out = new Int32Array(16);
  orig = new Int32Array(16);
  end = new Int32Array(16).fill(-1);
  length = 1;
  push(outStart: number, origStart: number, origEnd: number): void {
    let at = this.length - 1;
    // A segment starting where the previous one starts replaces it (runs of removed characters).
    if (this.out[at] !== outStart) {
      at = this.length++;
      if (at === this.out.length) this.grow();
    }
    this.out[at] = outStart;
    this.orig[at] = origStart;
    this.end[at] = origEnd;
  }
  private grow(): void {
    const double = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.out = double(this.out);
    this.orig = double(this.orig);
    this.end = double(this.end);
  }
}

/** Text without anything to normalize: offsets are the identity. */
class Unchanged implements NormalizedText {
  constructor(readonly text: string) {}
  toOriginal(index: number): number {
    return Math.max(0, Math.min(index, this.text.length));
  }
  toOriginalEnd(index: number): number {
    return Math.max(0, Math.min(index, this.text.length));
  }
}

/** Normalized text with a piecewise offset map (binary search over segment starts). */
class Mapped implements NormalizedText {
  constructor(
    readonly text: string,
    private readonly originalLength: number,
    private readonly segments: Segments,
  ) {}

  /** The last segment starting at or before `index`. */
  private segmentAt(index: number): number {
    const out = this.segments.out;
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (out[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  toOriginal(at: number): number {
    if (at >= this.text.length) return this.originalLength;
    const index = Math.max(0, at);
    const s = this.segmentAt(index);
    const { out, orig, end } = this.segments;
    return end[s] === -1 ? orig[s]! + (index - out[s]!) : orig[s]!;
  }

  toOriginalEnd(index: number): number {
    if (index <= 0) return this.toOriginal(0);
    const last = Math.min(index, this.text.length) - 1;
    const s = this.segmentAt(last);
    const { out, orig, end } = this.segments;
    return end[s] === -1 ? orig[s]! + (last - out[s]!) + 1 : end[s]!;
  }
}

/** Below this length the output is built by string concatenation; above, in a code-unit buffer decoded once. */
const BUFFER_THRESHOLD = 4096;

/** Accumulates the normalized text. */
interface Output {
  length: number;
  /** Appends original[from, to). */
  copy(from: number, to: number): void;
  append(s: string): void;
  finish(): string;
}

class StringOutput implements Output {
  private out = '';
  constructor(private readonly original: string) {}
  get length(): number {
    return this.out.length;
  }
  copy(from: number, to: number): void {
    this.out += this.original.slice(from, to);
  }
  append(s: string): void {
    this.out += s;
  }
  finish(): string {
    return this.out;
  }
}

/** Concatenating thousands of slices of a megabyte text, or joining them, costs several times a buffer copy. */
class BufferOutput implements Output {
  private readonly units: Uint16Array;
  private out: Uint16Array;
  length = 0;
  constructor(original: string) {
    const bytes = Buffer.from(original, 'utf16le');
    this.units =
      bytes.byteOffset % 2 === 0
        ? new Uint16Array(bytes.buffer, bytes.byteOffset, original.length)
        : new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    this.out = new Uint16Array(original.length + 16);
  }
  private reserve(extra: number): void {
    if (this.length + extra <= this.out.length) return;
    const bigger = new Uint16Array(Math.max(this.out.length * 2, this.length + extra));
    bigger.set(this.out.subarray(0, this.length));
    this.out = bigger;
  }
  copy(from: number, to: number): void {
    this.reserve(to - from);
    if (to - from < 32) {
      for (let i = from; i < to; i++) this.out[this.length++] = this.units[i]!;
      return;
    }
    this.out.set(this.units.subarray(from, to), this.length);
    this.length += to - from;
  }
  append(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.out[this.length++] = s.charCodeAt(i);
  }
  finish(): string {
    return Buffer.from(this.out.buffer, this.out.byteOffset, this.length * 2).toString('utf16le');
  }
}

export function normalizeForDetection(text: string): NormalizedText {
  SPECIAL_RUNS.lastIndex = 0;
  let run = SPECIAL_RUNS.exec(text);
  if (run === null) return new Unchanged(text);

  let output: Output | undefined;
  const segments = new Segments();
  let copiedUpTo = 0; // original index up to which text has been emitted

  // The regex skips ordinary text natively; each run of special characters is handled one character at a time.
  for (; run !== null; run = SPECIAL_RUNS.exec(text)) {
    const runEnd = run.index + run[0].length;
    for (let at = run.index; at < runEnd;) {
      const high = text.charCodeAt(at);
      const low = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
      const width = high === 0xd835 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
      // Removal is by far the most frequent case (harakat, invisible marks): decided without building strings.
      let replacement: string | undefined;
      if (isRemoved(high)) replacement = '';
      else if (width === 2 || high !== 0xd835) {
        const ch = text.slice(at, at + width);
        const folded = replacementFor(ch);
        if (folded !== ch) replacement = folded;
      }
      if (replacement !== undefined) {
        output ??= text.length < BUFFER_THRESHOLD ? new StringOutput(text) : new BufferOutput(text);
        if (at > copiedUpTo) output.copy(copiedUpTo, at);
        if (replacement.length !== width) {
          const outStart = output.length;
          if (replacement.length > 0) segments.push(outStart, at, at + width);
          segments.push(outStart + replacement.length, at + width, -1);
        }
        output.append(replacement);
        copiedUpTo = at + width;
      }
      at += width;
    }
  }
  if (output === undefined) return new Unchanged(text);
  if (copiedUpTo < text.length) output.copy(copiedUpTo, text.length);
  return new Mapped(output.finish(), text.length, segments);
}
