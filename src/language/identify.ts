import { readFileSync } from 'node:fs';
import { createIdentifier, type Identification } from './lid/identifier.js';
import { LidModel } from './lid/model.js';

export type { Identification, LanguageSpan } from './lid/identifier.js';

/**
 * The identifier shipped with Mizan, trained by scripts/language-id/train.ts; its card, with data, split and
 * scores, is models/language-id.md. The path holds from src/ (tsx) and from dist/ (compiled) alike.
 */
export const DEFAULT_MODEL_URL = new URL('../../models/language-id.bin', import.meta.url);

export function loadLanguageModel(path: URL | string = DEFAULT_MODEL_URL): LidModel {
  return LidModel.fromBuffer(readFileSync(path));
}

let shipped: ((text: string) => Identification) | undefined;

/**
 * The language of a text (`ary_Arab`, `ary_Latn`, `arb_Arab`, `zgh_Tfng`, `zgh_Latn`, `fra_Latn`, `eng_Latn`,
 * or `und`), a calibrated confidence, and spans where it switches language. Deterministic; the model loads on
 * first use.
 */
export function identifyLanguage(text: string): Identification {
  shipped ??= createIdentifier(loadLanguageModel());
  return shipped(text);
}
