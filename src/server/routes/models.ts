import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../errors.js';
import type { ModelEntry } from '../../providers/model-registry.js';
import type { Platform } from '../../platform.js';
import { runFlow } from '../flow.js';

/** OpenAI's model object, plus what a deployer must know to choose: hosting, licence, languages, approvals. */
const modelObject = (entry: ModelEntry) => ({
  id: entry.id,
  object: 'model',
  created: 0,
  owned_by: entry.provider.id,
  mizan: {
    kind: entry.kind,
    aliases: entry.aliases,
    provider: entry.provider.id,
    hosting: entry.provider.hosting,
    licence: entry.licence,
    languages: entry.languages,
    context_length: entry.contextLength ?? null,
    parameters_billions: entry.parametersBillions ?? null,
    source: entry.source ?? null,
    approved_for: entry.approvedFor,
    fallback: entry.fallback,
  },
});

export function modelsRoutes(app: FastifyInstance, platform: Platform): void {
  const allowedModels = async (request: FastifyRequest, reply: FastifyReply) => {
    const { ctx } = await runFlow(platform, request, reply, { kind: 'list-models' });
    return ctx.outcome?.kind === 'models' ? ctx.outcome.models : [];
  };

  app.get('/v1/models', async (request, reply) => {
    const models = await allowedModels(request, reply);
    return { object: 'list', data: models.map(modelObject) };
  });

  app.get<{ Params: { model: string } }>('/v1/models/:model', async (request, reply) => {
    const models = await allowedModels(request, reply);
    const name = request.params.model;
    const found = models.find((m) => m.id === name || m.aliases.includes(name));
    if (!found) throw errors.notFound('model_not_found', `the model "${name}" does not exist`, 'model');
    return modelObject(found);
  });
}
