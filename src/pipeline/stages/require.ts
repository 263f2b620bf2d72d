import { errors } from '../../errors.js';
import type { FlowContext, Policy, Principal } from '../flow-context.js';

/** A stage placed before the one it depends on is a wiring bug, reported as such rather than as a crash. */
const misordered = (stage: string, missing: string) =>
  errors.internal('pipeline_misordered', `stage "${stage}" ran before ${missing} was known`);

export function requirePrincipal(ctx: FlowContext, stage: string): Principal {
  if (!ctx.principal) throw misordered(stage, 'the principal');
  return ctx.principal;
}

export function requirePolicy(ctx: FlowContext, stage: string): Policy {
  if (!ctx.policy) throw misordered(stage, 'the policy');
  return ctx.policy;
}
