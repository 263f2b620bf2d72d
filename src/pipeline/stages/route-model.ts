import { errors } from '../../errors.js';
import type { ModelEntry, ModelRegistry } from '../../providers/model-registry.js';
import { decideTransfer } from '../../privacy/transfer.js';
import type { Policy } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';

const isAllowed = (policy: Policy, entry: ModelEntry) =>
  policy.allowedModels === 'all' ||
  policy.allowedModels.has(entry.id) ||
  entry.aliases.some((alias) => (policy.allowedModels as ReadonlySet<string>).has(alias));

/**
 * Resolves the requested model (id or alias) to the chain that may serve it: the model, then its fallbacks,
 * keeping only those the application's policy allows and those personal data may legally reach.
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
    const allowed = registry.chain(entry).filter((e) => isAllowed(policy, e));
    const remains = ctx.privacy?.personalDataRemains ?? false;
    const transfers = new Map(
      allowed.map(
        (e) => [e.id, decideTransfer(e.provider.hosting, remains, policy.authorisedTransfers)] as const,
      ),
    );
    const chain = allowed.filter((e) => transfers.get(e.id) !== 'refused');
    if (chain.length === 0) {
      throw errors.forbidden(
        'transfer_not_authorised',
        `personal data left in clear by this application's privacy policy would go to "${entry.id}", hosted in ` +
          `${entry.provider.hosting.country}, and no transfer to that country is authorised (Law 09-08 art. 43-44)`,
        'model',
      );
    }
    return { ...ctx, chain, transfers };
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
