import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errors, isMizanError, type MizanError } from '../errors.js';
import type { Platform } from '../platform.js';
import { isUpstreamError } from '../providers/errors.js';

/** Fastify's own error codes onto Mizan's, so that every failure has OpenAI's shape and a stable code. */
export function toMizanError(error: unknown): MizanError {
  if (isMizanError(error)) return error;
  const e = error as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.tooLarge('body_too_large', `the request body is larger than the limit (${e.message})`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalidRequest('invalid_json', 'the request body is empty: send a JSON object');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.invalidRequest('unsupported_media_type', 'send the request body as application/json');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return errors.invalidRequest('invalid_request', e.message);
  }
  return errors.internal('internal_error', 'internal error', error);
}

export function sendError(platform: Platform, request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const mizanError = toMizanError(error);
  platform.metrics.countError(mizanError.code);
  if (mizanError.status >= 500) {
    // Upstream messages may echo the prompt, so only their code is logged; Mizan's own faults keep their stack.
    const detail = isUpstreamError(mizanError) ? {} : { err: mizanError.cause ?? mizanError };
    request.log.error({ code: mizanError.code, status: mizanError.status, ...detail }, 'request failed');
  }
  if (mizanError.retryAfter !== undefined) void reply.header('retry-after', String(mizanError.retryAfter));
  return reply.status(mizanError.status).send(mizanError.toJSON());
}
