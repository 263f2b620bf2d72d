import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { errors } from '../errors.js';

export interface JsonLimits {
  /** Deepest nesting of objects and arrays accepted. */
  max_depth: number;
  /** Most object keys accepted in one body, at all depths together. */
  max_keys: number;
}

/**
 * Every body is read as JSON, whatever its declared type (curl's default form type included), after checking
 * it is valid UTF-8: silently replacing bad bytes would change what a citizen wrote. Nesting, key count and NUL
 * characters are checked on the text before parsing, so a hostile body is refused before it costs memory or stack.
 */
export function registerJsonBodyParser(app: FastifyInstance, limits: JsonLimits): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    if (!isUtf8(body))
      return done(errors.invalidRequest('invalid_utf8', 'the request body is not valid UTF-8'));
    const text = body.toString('utf8');
    const shapeError = checkShape(text, limits);
    if (shapeError) return done(shapeError);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(
        errors.invalidRequest(
          'invalid_json',
          `the request body is not valid JSON: ${(error as Error).message}`,
        ),
      );
    }
  });
}

/** One pass over the text outside strings: `{`/`[` open a level, and every `:` ends an object key. */
function checkShape(text: string, limits: JsonLimits) {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        // PostgreSQL cannot store a NUL character, so no string may hold one.
        if (text.startsWith('u0000', i + 1))
          return errors.invalidRequest(
            'invalid_character',
            'the request body contains a NUL character (\\u0000)',
          );
        i++; // the escaped character cannot end the string
      } else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.max_depth)
        return errors.invalidRequest(
          'json_too_deep',
          `the request body nests deeper than ${limits.max_depth} levels (server.json.max_depth)`,
        );
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x3a && ++keys > limits.max_keys)
      return errors.tooLarge(
        'json_too_many_keys',
        `the request body has more than ${limits.max_keys} object keys (server.json.max_keys)`,
      );
  }
  return undefined;
}
