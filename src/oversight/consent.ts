import type { AuditLog } from '../audit/writer.js';
import { errors } from '../errors.js';
import type { ConsentScope, ConsentStore } from '../store/consent-store.js';
import type { AssistantTerms } from './assistant-terms.js';
import type { GovernanceSnapshot } from './governance.js';
import { transparencyFacts, transparencyNotice } from './messages.js';
import type { UseCaseEntry } from './register/use-case.js';

/** The person consenting, and who records it: `citizen` (their session) or `application:<id>` (its key). */
export interface ConsentCaller extends ConsentScope {
  actor: string;
}

/** Consent is asked only where the register names it as the legal basis: asked otherwise, it would mislead. */
export const consentRequired = (useCase: Pick<UseCaseEntry, 'legalBasis'> | undefined): boolean =>
  useCase?.legalBasis === 'consent';

/** The assistant's terms for a reader of `language`, with the person's consent given at `givenAt` (if any). */
export function assistantTerms(
  snapshot: GovernanceSnapshot,
  language: string,
  givenAt: Date | null,
): AssistantTerms {
  const { useCase, controls } = snapshot;
  return {
    object: 'mizan.assistant',
    application: snapshot.application.name,
    risk_tier: snapshot.tier ?? null,
    // Fails safe: an application not yet assessed is labelled, as every tier asks.
    ai_label: controls?.aiLabel ?? true,
    notice:
      useCase && controls?.transparencyNotice
        ? transparencyNotice(language, transparencyFacts(useCase))
        : null,
    consent: { required: consentRequired(useCase), given_at: givenAt?.toISOString() ?? null },
  };
}

/**
 * A person's consent to an application whose processing rests on it (Law 09-08 art. 4): given from the assistant
 * before the first message, withdrawn at any time, both recorded in the audit log. While none is in force, the
 * `require-consent` stage refuses the person's requests.
 */
export function createConsentService(deps: {
  store: ConsentStore;
  audit: AuditLog;
  useCaseOf(applicationId: string): Promise<UseCaseEntry | undefined>;
}) {
  const record = (caller: ConsentCaller, action: string, consentId: string) =>
    deps.audit.append({
      kind: 'oversight',
      tenantId: caller.tenantId,
      applicationId: caller.applicationId,
      action,
      actor: caller.actor,
      subject: consentId,
      dataSubject: caller.dataSubject,
      detail: {},
    });

  return {
    /** When the consent in force was given; null when none is. */
    async givenAt(scope: ConsentScope): Promise<Date | null> {
      return (await deps.store.standing(scope))?.givenAt ?? null;
    },

    /** Records the consent (once: giving it again keeps the first); 409 where the application asks for none. */
    async give(caller: ConsentCaller): Promise<Date> {
      if (!consentRequired(await deps.useCaseOf(caller.applicationId)))
        throw errors.conflict(
          'consent_not_required',
          'this application does not rest on consent: its register entry names another legal basis',
        );
      const { consent, created } = await deps.store.give(caller);
      if (created) await record(caller, 'consent.given', consent.id);
      return consent.givenAt;
    },

    /** Ends the consent in force, if any: withdrawing is always possible and never an error. */
    async withdraw(caller: ConsentCaller): Promise<void> {
      const withdrawn = await deps.store.withdraw(caller);
      if (withdrawn) await record(caller, 'consent.withdrawn', withdrawn.id);
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
