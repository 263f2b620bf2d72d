import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { Principal } from '../pipeline/flow-context.js';
import type { Platform } from '../platform.js';
import { bearerToken } from './bearer.js';

/**
 * Who calls a citizen-facing route: a citizen (signed in or a guest) with their session, named by the pseudonym of
 * their login, or an application with its key, which names no one. A staff session is refused with `refusal`.
 */
export type CitizenFacingCaller = Principal &
  ({ kind: 'citizen'; subject: string } | { kind: 'application' });

export async function citizenFacingCaller(
  platform: Platform,
  request: FastifyRequest,
  refusal: string,
): Promise<CitizenFacingCaller> {
  const bearer = bearerToken(request.headers.authorization);
  if (bearer !== undefined && platform.identity.isSession(bearer)) {
    const { principal, subject } = await platform.identity.principal(bearer);
    if (subject === undefined) throw errors.forbidden('citizen_only', refusal);
    return { ...principal, kind: 'citizen', subject };
  }
  return { ...(await platform.authenticator.authenticate(bearer)), kind: 'application' };
}
