import type { AttackModule } from './index.js';
import { mulberry32, pick, sampleShare } from './random.js';

/** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark. */
export const ZERO_WIDTH_CHARACTERS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'] as const;
const LETTER = /\p{L}/u;
const SHARE = 0.3;

/**
 * Invisible characters inserted between two letters of a word (about 30 % of such gaps): the prompt looks the
 * same but words no longer match a blocklist or tokenize as usual. A prompt without two adjacent letters comes
 * back unchanged.
 */
export const zeroWidth: AttackModule = {
  id: 'zero_width',
  description: 'Zero-width characters inserted inside words',
  apply(prompt, seed) {
    const random = mulberry32(seed);
    const chars = [...prompt];
    const gaps = chars.flatMap((ch, i) =>
      i > 0 && LETTER.test(chars[i - 1]!) && LETTER.test(ch) ? [i] : [],
    );
    const chosen = new Set([...sampleShare(gaps.length, SHARE, random)].map((k) => gaps[k]!));
    return chars.map((ch, i) => (chosen.has(i) ? pick(random, ZERO_WIDTH_CHARACTERS) + ch : ch)).join('');
  },
};
