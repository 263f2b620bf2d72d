import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { errors } from '../errors.js';
import type { Platform } from '../platform.js';
import { sendError } from './errors.js';
import { recordRoutes } from './route-list.js';
import { traceRequests } from './trace-requests.js';
import { registerJsonBodyParser } from './json-body.js';
import { registerSecurity, serverOptions } from './security/index.js';
import { adminRoutes } from './routes/admin.js';
import { assistantRoutes } from './routes/assistant.js';
import { authRoutes } from './routes/auth.js';
import { chatCompletionsRoute } from './routes/chat-completions.js';
import { citizenServicesRoutes } from './routes/citizen-services.js';
import { embeddingsRoute } from './routes/embeddings.js';
import { healthRoutes } from './routes/health.js';
import { modelsRoutes } from './routes/models.js';
import { oversightRoutes } from './routes/oversight.js';
import { auditRoutes } from './routes/audit.js';
import { reviewsRoutes } from './routes/reviews.js';
import { subjectRightsRoutes } from './routes/subject-rights.js';
import { transparencyRoutes } from './routes/transparency.js';
import { usageRoutes } from './routes/usage.js';
import { webRoutes } from './routes/web.js';

/** An incoming request id is kept only if it is short and plain, so it cannot smuggle anything into logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Fastify was chosen over Hono for its encapsulated plugins (each route group is a room of its own), its
 * hooks, and its throughput on Node's own HTTP server, which matters for a gateway's added latency.
 */
export async function buildApp(platform: Platform): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    // One line per request is written by the onResponse hook below, without Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    ...serverOptions(platform.config.server),
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // A URL Fastify cannot route (bad percent-encoding, an over-long parameter) gets Mizan's error shape too.
    frameworkErrors: (error, request, reply) => sendError(platform, request, reply, error),
  });

  recordRoutes(app);
  traceRequests(app, platform.tracing);
  registerJsonBodyParser(app, platform.config.server.json);
  await registerSecurity(app, platform.config.server);
  app.setErrorHandler((error, request, reply) => sendError(platform, request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      platform,
      request,
      reply,
      errors.notFound('unknown_route', `unknown request URL: ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    platform.metrics.observeRequest(route, request.method, reply.statusCode, seconds);
    request.log.info(
      {
        route,
        method: request.method,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  });

  // First: its hook turns a checked session cookie into the credential every later route reads.
  await authRoutes(app, platform);
  healthRoutes(app, platform);
  chatCompletionsRoute(app, platform);
  embeddingsRoute(app, platform);
  modelsRoutes(app, platform);
  adminRoutes(app, platform);
  reviewsRoutes(app, platform);
  citizenServicesRoutes(app, platform);
  assistantRoutes(app, platform);
  oversightRoutes(app, platform);
  auditRoutes(app, platform);
  subjectRightsRoutes(app, platform);
  usageRoutes(app, platform);
  transparencyRoutes(app, platform);
  await webRoutes(app, platform);
  await app.ready();
  return app;
}
