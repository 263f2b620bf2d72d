import { errors } from '../../errors.js';
import type { ModelEntry, ModelRegistry } from '../../providers/model-registry.js';
import { decideTransfer } from '../../privacy/transfer.js';
import type { RiskTier } from '../../config/schema.js';
import { modelSuspendedMessage } from '../../oversight/messages.js';
import type { Policy } from '../flow-context.js';
import type { Stage } from '../pipeline.js';
import { requirePolicy, requirePrincipal } from './require.js';

/** What governance says about one model for one request: approved for its tier, and not suspended. */
export interface ModelGate {
  approvedFor(entry: ModelEntry, tier: RiskTier): Promise<boolean>;
  suspended(entry: ModelEntry, tenantId: string): Promise<boolean>;
}

const isAllowed = (policy: Policy, entry: ModelEntry) =>
  policy.allowedModels === 'all' ||
  policy.allowedModels.has(entry.id) ||
  entry.aliases.some((alias) => (policy.allowedModels as ReadonlySet<string>).has(alias));

/**
 * Each model of the chain with whether it is approved for the application's tier (when the tier asks for approval)
 * and suspended. A sandbox, on synthetic data, may try models not yet approved: that is how they earn approval.
 */
async function governed(chain: ModelEntry[], policy: Policy, tenantId: string, gate: ModelGate) {
  const { tier, controls, sandboxId } = policy.oversight;
  const approvalNeeded = controls.approvedModelsOnly && sandboxId === null;
  const verdicts = await Promise.all(
    chain.map(async (e) => ({
      entry: e,
      approved: !approvalNeeded || (await gate.approvedFor(e, tier)),
      suspended: await gate.suspended(e, tenantId),
    })),
  );
  return verdicts;
}

/**
 * Resolves the requested model (id or alias) to the chain that may serve it: the model, then its fallbacks,
 * keeping only those the application's policy allows, those approved for its risk tier and not suspended, and
 * those personal data may legally reach.
 */
export const routeModel = (registry: ModelRegistry, gate: ModelGate): Stage => ({
  name: 'route-model',
  async run(ctx) {
    const policy = requirePolicy(ctx, 'route-model');
    const { tenant } = requirePrincipal(ctx, 'route-model');
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
    const verdicts = await governed(
      registry.chain(entry).filter((e) => isAllowed(policy, e)),
      policy,
      tenant.id,
      gate,
    );
    const allowed = verdicts.filter((v) => v.approved && !v.suspended).map((v) => v.entry);
    if (allowed.length === 0) {
      if (verdicts.some((v) => v.approved)) {
        throw errors.unavailable('model_suspended', modelSuspendedMessage(ctx.language?.lang), 30);
      }
      throw errors.forbidden(
        'model_not_approved_for_tier',
        `the model "${operation.model}" is not approved for ${policy.oversight.tier}-risk uses, nor is any of its fallbacks; GET /v1/models lists those this application can use`,
        'model',
      );
    }
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

export const listAllowedModels = (registry: ModelRegistry, gate: ModelGate): Stage => ({
  name: 'list-models',
  async run(ctx) {
    const policy = requirePolicy(ctx, 'list-models');
    const { tenant } = requirePrincipal(ctx, 'list-models');
    const verdicts = await governed(
      registry.list().filter((e) => isAllowed(policy, e)),
      policy,
      tenant.id,
      gate,
    );
    return {
      ...ctx,
      outcome: {
        kind: 'models',
        models: verdicts.filter((v) => v.approved && !v.suspended).map((v) => v.entry),
      },
    };
  },
});
