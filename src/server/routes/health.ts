import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform.js';

/** Readiness is re-checked at most this often, so probes cannot hammer the database or the model servers. */
const READINESS_CACHE_MS = 2_000;
const CHECK_TIMEOUT_MS = 2_000;

interface Readiness {
  ready: boolean;
  checks: { database: string; providers: Record<string, string> };
}

const describe = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled' ? 'ok' : String((result.reason as Error)?.message ?? result.reason);

export function healthRoutes(app: FastifyInstance, platform: Platform): void {
  let cached: { at: number; readiness: Promise<Readiness> } | undefined;

  async function checkReadiness(): Promise<Readiness> {
    const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
    const providers = [...platform.providers.values()];
    const [database, ...pings] = await Promise.allSettled([
      platform.database.ping(),
      ...providers.map((p) => p.ping(signal)),
    ]);
    const providerChecks = Object.fromEntries(providers.map((p, i) => [p.id, describe(pings[i]!)]));
    const anyProvider = Object.values(providerChecks).includes('ok');
    return {
      ready: database!.status === 'fulfilled' && anyProvider,
      checks: { database: describe(database!), providers: providerChecks },
    };
  }

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const now = Date.now();
    if (!cached || now - cached.at > READINESS_CACHE_MS) cached = { at: now, readiness: checkReadiness() };
    const readiness = await cached.readiness;
    return reply.status(readiness.ready ? 200 : 503).send({
      status: readiness.ready ? 'ready' : 'not_ready',
      checks: readiness.checks,
    });
  });

  app.get('/metrics', async (_request, reply) => {
    return reply.type(platform.metrics.registry.contentType).send(await platform.metrics.registry.metrics());
  });
}
