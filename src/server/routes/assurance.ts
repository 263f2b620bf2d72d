import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listPacks } from '../../assurance/pack.js';
import { renderAssuranceReportHtml } from '../../assurance/report-html.js';
import type { Actor } from '../../oversight/actors.js';
import type { Platform } from '../../platform.js';
import { parseWith } from '../openai/parse-with.js';

const newRun = z.strictObject({
  pack: z.string().min(1).max(200),
  application: z.string().min(1).max(200),
  model: z.string().min(1).max(200),
  concurrency: z.number().int().min(1).max(64).optional(),
  seed: z.number().int().min(0).optional(),
  /** Answer once the run is graded rather than at once (the CLI's progress bar polls instead). */
  wait: z.boolean().optional(),
});
const resume = z.strictObject({
  /** The pack file again, for a run started from a path rather than a shipped pack. */
  pack: z.string().min(1).max(500).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  wait: z.boolean().optional(),
});
const reportFormat = z.strictObject({ format: z.enum(['json', 'html']).optional() });

/**
 * Assurance over HTTP, inside the oversight scope (staff or admin token): the packs, runs of a pack against an
 * application with a model, their progress, and their graded reports as JSON or a self-contained HTML page.
 */
export function assuranceRoutes(
  scope: FastifyInstance,
  platform: Platform,
  actor: (request: FastifyRequest) => Actor,
): void {
  const assurance = platform.assurance;
  scope.get('/assurance/packs', async () => ({ data: listPacks() }));

  scope.post('/assurance/runs', async (request, reply) => {
    const body = parseWith(newRun, request.body);
    const { run, wait } = await assurance.start(actor(request), {
      packId: body.pack,
      applicationId: body.application,
      modelId: body.model,
      ...(body.concurrency ? { concurrency: body.concurrency } : {}),
      ...(body.seed !== undefined ? { seed: body.seed } : {}),
    });
    if (body.wait) return reply.status(201).send(await wait);
    // The run goes on without this request; its failure is logged and it can be resumed.
    wait.catch(() => undefined);
    return reply.status(202).send(run);
  });
  scope.get<{ Querystring: { application?: string } }>('/assurance/runs', async (request) => ({
    data: await assurance.list(actor(request), request.query.application),
  }));
  scope.get<{ Params: { id: string } }>('/assurance/runs/:id', async (request) =>
    assurance.get(actor(request), request.params.id),
  );
  scope.post<{ Params: { id: string } }>('/assurance/runs/:id/resume', async (request, reply) => {
    const body = parseWith(resume, request.body ?? {});
    const { run, wait } = await assurance.resume(actor(request), request.params.id, {
      ...(body.concurrency ? { concurrency: body.concurrency } : {}),
      ...(body.pack ? { pack: body.pack } : {}),
    });
    if (body.wait) return reply.status(200).send(await wait);
    wait.catch(() => undefined);
    return reply.status(202).send(run);
  });
  scope.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/assurance/runs/:id/report',
    async (request, reply) => {
      const query = parseWith(reportFormat, request.query);
      const report = await assurance.report(actor(request), request.params.id);
      if (query.format !== 'html') return report;
      return reply.type('text/html; charset=utf-8').send(renderAssuranceReportHtml(report));
    },
  );
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const assuranceSchemas = { newRun, resume, reportFormat };
