import type { FastifyInstance } from 'fastify';

export interface Route {
  method: string;
  /** As registered, with its `:params`. */
  url: string;
}

/**
 * Every route of a ready app, from Fastify's own route tree (`printRoutes`), so that tests walking "every endpoint"
 * follow the app as it grows. HEAD routes Fastify derives from GET are left out.
 */
export function listRoutes(app: FastifyInstance): Route[] {
  const parents: string[] = [];
  const routes: Route[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = (parents[depth - 1] ?? '') + match[2]!;
    parents[depth] = url;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push({ method, url });
  }
  return routes;
}
