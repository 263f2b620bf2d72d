import { seededRandom } from '../stats.js';
/**
 * The seeded randomness every attack module draws from, so that a pack case (prompt + seed) always expands to the
 * same attacked prompt and a resumed or repeated run sends exactly what the first one sent.
 */

/** Numbers in [0, 1). */
export type Random = () => number;

/** mulberry32 (the harness's one seeded generator, in stats.ts): only the low 32 bits of the seed count. */
export const mulberry32: (seed: number) => Random = seededRandom;

export function pick<T>(random: Random, choices: readonly T[]): T {
  return choices[Math.floor(random() * choices.length)]!;
}

/**
 * Indices among `count` candidates, each kept with probability `share`; at least one when there is any, so that
 * an attack never hands back its prompt untouched by bad luck.
 */
export function sampleShare(count: number, share: number, random: Random): Set<number> {
  const chosen = new Set<number>();
  for (let i = 0; i < count; i++) if (random() < share) chosen.add(i);
  if (chosen.size === 0 && count > 0) chosen.add(Math.floor(random() * count));
  return chosen;
}

/** Replaces a seeded share of the characters that `table` knows, one code point for one. */
export function substituteShare(
  text: string,
  table: Readonly<Record<string, string>>,
  share: number,
  random: Random,
): string {
  const chars = [...text];
  const candidates = chars.flatMap((ch, i) => (table[ch] === undefined ? [] : [i]));
  for (const k of sampleShare(candidates.length, share, random)) {
    const i = candidates[k]!;
    chars[i] = table[chars[i]!]!;
  }
  return chars.join('');
}
