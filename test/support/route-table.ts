import type { FastifyInstance } from 'fastify';
import type { RouteEntry } from '../../src/server/route-list.js';

export type Route = RouteEntry;

/** Every route of a ready app, as it registered them (src/server/route-list.ts). */
export const listRoutes = (app: FastifyInstance): Route[] => [...app.routeList];
