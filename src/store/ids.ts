import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet, lowercase: no i, l, o or u to misread when a human copies an id. */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 20 characters of 5 bits each: 100 random bits. */
const ID_LENGTH = 20;

/** `ten_…`, `app_…`, `doc_…`: a prefix naming the kind of record, then 100 random bits. */
// 256 is a multiple of 32, so `byte % 32` picks every character with the same probability.
export const newId = (prefix: string): string =>
  `${prefix}_${Array.from(randomBytes(ID_LENGTH), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')}`;

/** SQLSTATE codes, the same from PostgreSQL and PGlite (PostgreSQL manual, appendix A). */
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
