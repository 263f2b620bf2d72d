/**
 * Helpers for the recognizer row tables: run one recognizer through the real engine and assert on exact spans.
 * Not a recognizer module (listed as a helper in index.test.ts).
 */
import assert from 'node:assert/strict';
import { createScanner, type Scanner } from '../engine.js';
import type { Entity, Recognizer } from '../types.js';

const scanners = new WeakMap<Recognizer, Scanner>();

export function scanWith(recognizer: Recognizer, text: string, threshold?: number): Entity[] {
  let scanner = scanners.get(recognizer);
  if (!scanner) {
    scanner = createScanner([recognizer]);
    scanners.set(recognizer, scanner);
  }
  return scanner.scan(text, threshold === undefined ? {} : { threshold });
}

/** Exactly one entity, of the recognizer's type, spanning the first occurrence of `value` in `text`. */
export function assertFinds(recognizer: Recognizer, text: string, value: string): Entity {
  const start = text.indexOf(value);
  assert.ok(start >= 0, `test row: ${JSON.stringify(value)} is not in ${JSON.stringify(text)}`);
  const found = scanWith(recognizer, text);
  assert.deepEqual(
    found.map((e) => ({ type: e.type, start: e.start, end: e.end, text: e.text })),
    [{ type: recognizer.entity, start, end: start + value.length, text: value }],
    `in ${JSON.stringify(text)}`,
  );
  return found[0]!;
}

export function assertNothing(recognizer: Recognizer, text: string): void {
  const found = scanWith(recognizer, text);
  assert.deepEqual(
    found.map((e) => e.text),
    [],
    `nothing expected in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((e) => e.explanation))}`,
  );
}

/** Western digits written as Eastern Arabic ones (٠–٩). */
export const easternDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** Inserts an invisible character (zero-width space by default) after the n-th character. */
export const withInvisible = (s: string, at: number, ch = '\u200B') => s.slice(0, at) + ch + s.slice(at);

/** A deterministic pseudo-random digit string (tests stay reproducible). */
export function digitsFrom(seed: number, length: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += String(x % 10);
  }
  return out;
}
