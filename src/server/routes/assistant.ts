import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../../errors.js';
import { assistantTerms, type ConsentCaller } from '../../oversight/consent.js';
import type { Platform } from '../../platform.js';
import { citizenFacingCaller, type CitizenFacingCaller } from '../citizen-caller.js';
import { parseWith } from '../openai/parse-with.js';

/** The web interface's locales, and the language each one reads the notice in. */
const NOTICE_LANGUAGES = { ar: 'arb_Arab', fr: 'fra_Latn', zgh: 'zgh_Tfng', en: 'eng_Latn' } as const;
const lang = z.enum(['ar', 'fr', 'zgh', 'en']).default('fr');
// Its own checks (length, no personal data) answer `invalid_user`; this only bounds what is read.
const user = z.string().max(10_000);
// A citizen speaks for themselves: there is no one to name. An application names its signed-in user.
const termsFromCitizen = z.strictObject({ lang });
const termsFromApplication = z.strictObject({ lang, user: user.optional() });
const consentFromCitizen = z.strictObject({});
const consentFromApplication = z.strictObject({ user });

const REFUSAL = 'consent and the assistant’s notice are a citizen’s; a staff session has none';

/**
 * The citizen assistant's terms, for the caller's application:
 * - `GET /v1/assistant`: its risk tier, whether answers are labelled as an AI's, the transparency notice in the
 *   reader's language (before the first message, where the tier requires one), and whether consent is required
 *   and when it was given;
 * - `POST /v1/assistant/consent` and `DELETE /v1/assistant/consent`: give and withdraw consent, where the register
 *   names consent as the legal basis (Law 09-08 art. 4).
 * Citizens come with their session (cookie or Bearer), applications with their key and the `user` they act for.
 */
export function assistantRoutes(app: FastifyInstance, platform: Platform): void {
  const snapshotOf = async (applicationId: string) => {
    const snapshot = await platform.oversight.governance.snapshot(applicationId);
    if (!snapshot) throw errors.notFound('application_not_found', 'this application no longer exists');
    return snapshot;
  };

  /** The person a caller speaks for: the citizen themselves, or the user an application names. */
  const personOf = (caller: CitizenFacingCaller, subject: string): ConsentCaller => {
    const tenantId = caller.tenant.id;
    const applicationId = caller.application.id;
    return {
      tenantId,
      applicationId,
      actor: caller.kind === 'citizen' ? 'citizen' : `application:${applicationId}`,
      dataSubject: platform.rights.subjects.identify(tenantId, subject),
    };
  };

  app.get<{ Querystring: Record<string, string> }>('/v1/assistant', async (request) => {
    const caller = await citizenFacingCaller(platform, request, REFUSAL);
    const query: { lang: keyof typeof NOTICE_LANGUAGES; user?: string } =
      caller.kind === 'citizen'
        ? parseWith(termsFromCitizen, request.query)
        : parseWith(termsFromApplication, request.query);
    const subject = caller.kind === 'citizen' ? caller.subject : query.user;
    const snapshot = await snapshotOf(caller.application.id);
    // An application that names no user learns the terms, and no one's consent.
    const givenAt = subject === undefined ? null : await platform.consents.givenAt(personOf(caller, subject));
    return assistantTerms(snapshot, NOTICE_LANGUAGES[query.lang], givenAt);
  });

  /** The person whose consent a `POST` or `DELETE` of `/v1/assistant/consent` is about. */
  async function consentingPerson(request: FastifyRequest): Promise<ConsentCaller> {
    const caller = await citizenFacingCaller(platform, request, REFUSAL);
    const body = request.body ?? {};
    if (caller.kind === 'citizen') {
      parseWith(consentFromCitizen, body);
      return personOf(caller, caller.subject);
    }
    return personOf(caller, parseWith(consentFromApplication, body).user);
  }

  const consentView = (givenAt: Date | null) => ({
    object: 'mizan.consent' as const,
    given_at: givenAt?.toISOString() ?? null,
  });

  app.post('/v1/assistant/consent', async (request) =>
    consentView(await platform.consents.give(await consentingPerson(request))),
  );

  app.delete('/v1/assistant/consent', async (request) => {
    await platform.consents.withdraw(await consentingPerson(request));
    return consentView(null);
  });
}

/** The request schemas, for the OpenAPI description (src/server/openapi). */
export const assistantSchemas = { termsFromApplication, consentFromApplication };
