import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** As registered, with its `:params` and wildcards. */
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app as registered (HEAD routes Fastify derives from GET left out). */
    readonly routeList: readonly RouteEntry[];
  }
}

/**
 * Keeps the list of routes as they are registered, so that what documents or checks "every endpoint" (the OpenAPI
 * document, the isolation and fuzzing tests) follows the app as it grows. Fastify's printed route tree is not
 * used: it drops the prefix of wildcard routes.
 */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
}
