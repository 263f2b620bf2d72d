import { errors } from '../../errors.js';
import type { ModelEntry, ModelRegistry } from '../../providers/model-registry.js';
import type { Policy } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';

const isAllowed = (policy: Policy, entry: ModelEntry) =>
  policy.allowedModels === 'all' ||
  policy.allowedModels.has(entry.id) ||
  entry.aliases.some((alias) => (policy.allowedModels as ReadonlySet<string>).has(alias));

/**
 * Resolves the requested model (id or alias) to the chain that may serve it: the model, then its fallbacks,
 * keeping only those the application's policy allows.
 */
export const routeModel = (registry: ModelRegistry): Stage => ({
  name: 'route-model',
  run(ctx) {
    const policy = requirePolicy(ctx, 'route-model');
    const operation = ctx.operation;
    if (operation.kind === 'list-models') return ctx;
    const entry = registry.resolve(operation.model);
    const wantedKind = operation.kind === 'chat' ? 'chat' : 'embedding';
    if (!entry || entry.kind !== wantedKind) {
      throw errors.notFound(
        'model_not_found',
        `the model "${operation.model}" does not exist or is not a${wantedKind === 'chat' ? ' chat' : 'n embedding'} model; GET /v1/models lists those you can use`,
        'model',
      );
    }
    if (!isAllowed(policy, entry)) {
      throw errors.forbidden(
        'model_not_allowed',
        `this application is not allowed to use the model "${operation.model}"`,
        'model',
      );
    }
    return { ...ctx, chain: registry.chain(entry).filter((e) => isAllowed(policy, e)) };
  },
});

export const listAllowedModels = (registry: ModelRegistry): Stage => ({
  name: 'list-models',
  run(ctx) {
    const policy = requirePolicy(ctx, 'list-models');
    return {
      ...ctx,
      outcome: { kind: 'models', models: registry.list().filter((e) => isAllowed(policy, e)) },
    };
  },
});
