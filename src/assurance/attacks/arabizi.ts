import { arabicToArabizi } from '../../language/transliterate/index.js';
import type { AttackModule } from './index.js';
import { mulberry32 } from './random.js';

/**
 * Arabic-script text (MSA or Darija) rewritten in Arabizi, with spellings drawn by the seed among the variants
 * Darija writers use (ch/sh/x, 9/q, 7/h…). Guards trained on Arabic script often miss Arabizi. Text in other
 * scripts is left as it is, so a prompt with no Arabic letters comes back unchanged.
 */
export const arabizi: AttackModule = {
  id: 'arabizi',
  description: 'Arabic script rewritten in Arabizi (Latin letters and the digits 2 3 5 7 9)',
  apply: (prompt, seed) => arabicToArabizi(prompt, { random: mulberry32(seed) }),
};
