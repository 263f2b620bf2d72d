import type { Principal } from '../flow-context.js';
import type { Authenticator } from '../../tenancy/authenticator.js';
import type { Stage } from '../pipeline.js';

/** How the stage reads a sign-in session (src/identity); a session cookie arrives here as its token. */
export interface FlowSessions {
  isSession(token: string): boolean;
  /** The session's principal, and the pseudonym of the citizen it belongs to (undefined for staff). */
  principal(token: string): Promise<{ principal: Principal; subject: string | undefined }>;
}

/**
 * Resolves the caller: an application's API key, or a person's sign-in session acting for their tenant's
 * citizen-facing (or agents') application. A citizen's flows are always named by their own pseudonym, whatever
 * `user` the request sends, so that no one can file requests under another person.
 */
export const authenticate = (authenticator: Authenticator, sessions?: FlowSessions): Stage => ({
  name: 'authenticate',
  async run(ctx) {
    if (sessions && ctx.bearer !== undefined && sessions.isSession(ctx.bearer)) {
      const { principal, subject } = await sessions.principal(ctx.bearer);
      const operation = ctx.operation;
      if (subject === undefined || operation.kind === 'list-models') return { ...ctx, principal };
      return { ...ctx, principal, operation: { ...operation, user: subject } };
    }
    return { ...ctx, principal: await authenticator.authenticate(ctx.bearer) };
  },
});
