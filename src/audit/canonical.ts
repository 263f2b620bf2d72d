import { errors } from '../errors.js';

const refuse = (what: string) =>
  errors.invalidRequest('not_canonicalizable', `a ${what} has no canonical JSON form`);

// A string with none of these is written as is between quotes; JSON.stringify escapes the others (controls, quote,
// backslash, and lone surrogates, which it writes as \uXXXX).
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;
const quote = (s: string) => (NEEDS_ESCAPING.test(s) ? JSON.stringify(s) : `"${s}"`);

function write(v: unknown, inArray: boolean): string {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw refuse('non-finite number');
      // ECMAScript's Number-to-String, which RFC 8785 adopts; -0 becomes "0".
      return String(v);
    case 'undefined':
      throw refuse(inArray ? 'undefined array item' : 'undefined value');
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        let out = '[';
        // Indexing (not forEach) so that a hole reads as undefined and is refused.
        for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + write(v[i], true);
        return `${out}]`;
      }
      // A Date (or anything with toJSON) is written as JSON.stringify would write it.
      const toJson = (v as { toJSON?: () => unknown }).toJSON;
      if (typeof toJson === 'function') return write(toJson.call(v), inArray);
      const object = v as Record<string, unknown>;
      const keys = Object.keys(object);
      // The default sort compares UTF-16 code units, as RFC 8785 requires; a parsed canonical record is already in
      // order, and checking is cheaper than sorting.
      for (let i = 1; i < keys.length; i++) {
        if (keys[i - 1]! > keys[i]!) {
          keys.sort();
          break;
        }
      }
      let out = '{';
      for (const key of keys) {
        const member = object[key];
        if (member === undefined) continue;
        out += (out.length === 1 ? '' : ',') + quote(key) + ':' + write(member, false);
      }
      return `${out}}`;
    }
    default:
      throw refuse(typeof v);
  }
}

/**
 * Whether JSON.stringify already writes `v` canonically: plain data only (no toJSON, no undefined, no non-finite
 * number, no boxed value or class instance) with every object's keys in sorted order, as a record parsed from
 * canonical text is. V8's JSON.stringify then does the writing, markedly faster than `write`.
 */
function stringifiesCanonically(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!stringifiesCanonically(v[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return false;
      let previous: string | undefined;
      // for...in is Object.keys' order here (a plain object inherits no enumerable key), and quicker.
      for (const key in v) {
        if (previous !== undefined && previous > key) return false;
        if (!stringifiesCanonically((v as Record<string, unknown>)[key])) return false;
        previous = key;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object members sorted by key (UTF-16 code units), no
 * whitespace, strings and numbers as ECMAScript serializes them (which is JCS for finite numbers), members whose
 * value is undefined left out. Two parties that hold the same record produce the same bytes, so a leaf hash
 * depends on the record and not on who wrote it down. What JSON cannot say faithfully (NaN, Infinity, bigint,
 * functions, symbols, a hole in an array) is refused rather than silently turned into something else.
 */
export function canonicalJson(value: unknown): string {
  return stringifiesCanonically(value) ? JSON.stringify(value) : write(value, false);
}
