import { createHmac, randomBytes } from 'node:crypto';

/**
 * Keys look like `mz_` + 40 base62 characters (~238 bits); the first characters identify a key to humans. Staff
 * tokens (people who govern, not applications) are made the same way with `mzs_`, so neither passes for the other.
 */
const KEY_PREFIX = 'mz_';
export const STAFF_TOKEN_PREFIX = 'mzs_';
const KEY_RANDOM_CHARS = 40;
const DISPLAY_PREFIX_CHARS = 11;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface NewApiKey {
  /** The secret, shown once to its owner and never stored. */
  key: string;
  /** Stored and shown in listings so owners can tell keys apart. */
  prefix: string;
}

export function generateApiKey(kindPrefix: string = KEY_PREFIX): NewApiKey {
  // Rejection sampling keeps every base62 character equally likely.
  let random = '';
  while (random.length < KEY_RANDOM_CHARS) {
    for (const byte of randomBytes(KEY_RANDOM_CHARS)) {
      if (byte < 248 && random.length < KEY_RANDOM_CHARS) random += BASE62[byte % 62];
    }
  }
  const key = kindPrefix + random;
  return { key, prefix: key.slice(0, kindPrefix.length + DISPLAY_PREFIX_CHARS - KEY_PREFIX.length) };
}

/**
 * Keys are stored as HMAC-SHA256 under a server secret: fast enough to check on every request (keys are long
 * and random, so a slow hash adds nothing), and a stolen table is useless without the secret.
 */
export function hashApiKey(key: string, secret: string): string {
  return createHmac('sha256', secret).update(key).digest('hex');
}

export const looksLikeApiKey = (value: string, kindPrefix: string = KEY_PREFIX): boolean =>
  value.startsWith(kindPrefix) && value.length === kindPrefix.length + KEY_RANDOM_CHARS;
