import { errors } from '../../errors.js';
import { subjectObjectedMessage } from '../../oversight/messages.js';
import type { Stage } from '../pipeline.js';
import { requirePrincipal } from './require.js';

export interface IdentifySubjectDependencies {
  /** The storage name of the person whose login subject is `user`; 400 `invalid_user` if it is not one. */
  identify(tenantId: string, user: string): string;
  /** Whether the person objected to this application's processing (or to all of its tenant's); cached. */
  objected(tenantId: string, applicationId: string, dataSubject: string): Promise<boolean>;
}

/**
 * Names the person a request is for, from OpenAI's `user` (the application's signed-in user, as the pseudonymous
 * subject of their login), so their flows can be found when they exercise their rights.
 */
export const identifySubject = (deps: Pick<IdentifySubjectDependencies, 'identify'>): Stage => ({
  name: 'identify-subject',
  async run(ctx) {
    const { operation } = ctx;
    const user = operation.kind === 'list-models' ? undefined : operation.user;
    if (user === undefined) return ctx;
    const { tenant } = requirePrincipal(ctx, 'identify-subject');
    return { ...ctx, dataSubject: deps.identify(tenant.id, user) };
  },
});

/**
 * Refuses, in their language, the requests of someone who objected to the processing (Law 09-08 art. 9). A stage
 * of its own after `identify-subject`, so that the refusal's audit record names the person it concerns.
 */
export const respectObjection = (deps: Pick<IdentifySubjectDependencies, 'objected'>): Stage => ({
  name: 'respect-objection',
  async run(ctx) {
    if (ctx.dataSubject === undefined) return ctx;
    const { tenant, application } = requirePrincipal(ctx, 'respect-objection');
    if (await deps.objected(tenant.id, application.id, ctx.dataSubject)) {
      throw errors.forbidden('subject_objected', subjectObjectedMessage(ctx.language?.lang));
    }
    return ctx;
  },
});
