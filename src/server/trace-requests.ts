import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { markFailed, type Span, type Tracing } from '../observability/tracing.js';

/**
 * A server span per request, continuing the caller's W3C trace when it sends one. It names the route's template
 * (`/v1/oversight/cases/:id`), never the path as sent nor its query string, which may carry identifiers. The
 * request's work runs with the span active, so the pipeline's and the providers' spans become its children.
 */
export function traceRequests(app: FastifyInstance, tracing: Tracing): void {
  if (!tracing.enabled) return;
  const spans = new WeakMap<FastifyRequest, Span>();
  app.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const span = tracing.startServerSpan(`${request.method} ${route}`, request.headers, {
      [ATTR_HTTP_REQUEST_METHOD]: request.method,
      [ATTR_HTTP_ROUTE]: route,
      [ATTR_URL_PATH]: route,
      'mizan.request.id': request.id,
    });
    spans.set(request, span);
    // 'close' comes after the last byte, for hijacked streams too, and also when the client leaves early.
    reply.raw.once('close', () => {
      const status = reply.raw.statusCode;
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (!reply.raw.writableFinished) span.setAttribute('mizan.response.incomplete', true);
      if (status >= 500) markFailed(span, String(status));
      span.end();
    });
    tracing.withSpan(span, done);
  });
  // Reading the body loses the active span (stream events run outside it): the handler gets it back here.
  app.addHook('preHandler', (request, _reply, done) => {
    const span = spans.get(request);
    if (span) tracing.withSpan(span, done);
    else done();
  });
}
