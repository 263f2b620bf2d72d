import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import cors from '@fastify/cors';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import type { MizanConfig } from '../../config/schema.js';
import { errors } from '../../errors.js';
import { CONVERSATION_HEADER } from '../flow.js';

type ServerConfig = MizanConfig['server'];

/**
 * Limits on what a client may send and how slowly: Node enforces them before Fastify sees the request. Nothing
 * bounds the time to answer (no socket idle timeout), so a long stream or a held answer is never cut; the
 * providers' own timeouts bound those.
 */
export function serverOptions(server: ServerConfig): FastifyHttpOptions<Server> {
  const { headers_ms, request_ms, keep_alive_ms } = server.timeouts;
  return {
    bodyLimit: server.body_limit_bytes,
    requestTimeout: request_ms,
    keepAliveTimeout: keep_alive_ms,
    clientErrorHandler: answerClientError,
    http: {
      maxHeaderSize: server.max_header_bytes,
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(headers_ms, request_ms),
      // How often Node looks for requests past their timeout: often enough for the shortest of them.
      connectionsCheckingInterval: Math.min(headers_ms, 1_000),
    },
  };
}

/**
 * A request Node could not parse, too slow or with headers too large never reaches Fastify's routes: it still gets
 * Mizan's error shape, then the connection is closed (what follows on it cannot be trusted).
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, refusal] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, errors.invalidRequest('request_timeout', 'the request was not received in time')]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            errors.invalidRequest(
              'headers_too_large',
              'the request headers are larger than the limit (server.max_header_bytes)',
            ),
          ]
        : [400, errors.invalidRequest('malformed_request', 'the request is not valid HTTP')];
  const body = JSON.stringify(refusal.toJSON());
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy();
}

/**
 * The browser-facing pages are self-contained (inline styles, images as data: URLs, no script), so the policy
 * allows exactly that; JSON answers are covered by the same policy. No page may be framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

const HSTS = 'max-age=31536000; includeSubDomains';

/** Security headers on every answer (errors included) and the CORS policy; a route may still set its own CSP. */
export async function registerSecurity(app: FastifyInstance, server: ServerConfig): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    void reply.headers(SECURITY_HEADERS);
    if (server.hsts || (request.raw.socket as TLSSocket).encrypted)
      void reply.header('strict-transport-security', HSTS);
    // PostgreSQL cannot store a NUL character: refused here, an id or a filter holding one would fail in a query.
    if (/%00/i.test(request.url))
      throw errors.invalidRequest('invalid_character', 'the request URL contains a NUL character (%00)');
  });
  // Without configured origins no CORS header is ever sent, so browsers keep other origins out.
  if (server.cors.origins.length === 0) return;
  await app.register(cors, {
    origin: server.cors.origins.map((origin) => new URL(origin).origin),
    credentials: server.cors.credentials,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'x-csrf-token', CONVERSATION_HEADER],
    exposedHeaders: ['x-request-id', 'retry-after', 'server-timing'],
    maxAge: 600,
    strictPreflight: true,
  });
}
