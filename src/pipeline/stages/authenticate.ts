import type { Authenticator } from '../../tenancy/authenticator.js';
import type { Stage } from '../pipeline.js';

export const authenticate = (authenticator: Authenticator): Stage => ({
  name: 'authenticate',
  async run(ctx) {
    return { ...ctx, principal: await authenticator.authenticate(ctx.bearer) };
  },
});
