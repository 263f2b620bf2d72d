import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { errors } from '../errors.js';

/**
 * Every body is read as JSON, whatever its declared type (curl's default form type included), after checking
 * it is valid UTF-8: silently replacing bad bytes would change what a citizen wrote.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    if (!isUtf8(body))
      return done(errors.invalidRequest('invalid_utf8', 'the request body is not valid UTF-8'));
    try {
      done(null, JSON.parse(body.toString('utf8')));
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
