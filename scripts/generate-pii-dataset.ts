/**
 * Writes the synthetic Moroccan personal-data set as JSONL, one labelled sentence a line:
 * `{id, lang, category, text, spans:[{type, start, end, text, writing, …}], tags}` (JavaScript string offsets, end
 * exclusive). Deterministic for a seed; `npm run bench -- pii` generates the same set in memory.
 *
 *   npx tsx scripts/generate-pii-dataset.ts [--seed 908] [--count 20000] [--out FILE]   (default: stdout)
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DEFAULT_COUNT, DEFAULT_SEED, generateDataset } from '../bench/pii/generator.js';

export function toJsonl(seed: number, count: number): string {
  return generateDataset({ seed, count })
    .map((s) => JSON.stringify(s))
    .join('\n')
    .concat('\n');
}

export function main(argv: readonly string[]): void {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  const count = Number(value('--count') ?? DEFAULT_COUNT);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count <= 0) {
    throw new Error('usage: generate-pii-dataset [--seed N] [--count N] [--out FILE]');
  }
  const jsonl = toJsonl(seed, count);
  const out = value('--out');
  if (out) writeFileSync(out, jsonl);
  else process.stdout.write(jsonl);
}

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main(process.argv.slice(2));
}
