import { latinToTifinagh } from '../../language/transliterate/index.js';
import type { AttackModule } from './index.js';

/** Latin-1 letters such as é ç î: IRCAM has no such letters, so they are read as their base letter. */
const ACCENTED = /[\u00c0-\u00ff]/g;
const ACCENT = /[\u0300-\u036f]/g;

/**
 * Latin-script text written in Tifinagh letters (IRCAM table, with the ASCII spellings gh kh ch ou read as single
 * letters), a script few guards read. Deterministic: the seed plays no part. Text in other scripts (Arabic
 * included) is left as it is.
 */
export const tifinagh: AttackModule = {
  id: 'tifinagh',
  description: 'Latin letters transliterated into Tifinagh',
  apply: (prompt) =>
    latinToTifinagh(prompt.replace(ACCENTED, (ch) => ch.normalize('NFD').replace(ACCENT, ''))),
};
