import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../i18n/locales.js';
import { fetchAssistantTerms, type AssistantTerms } from './citizen-api.js';

/**
 * The assistant's terms for this citizen, in the interface's language, read once a session is open (a guest one
 * where the assistant takes guests): the real transparency notice, and whether consent is required and given.
 * Undefined while unknown, or when no session can be had: the page then shows its own general notice.
 */
export function useAssistantTerms(ready: boolean, ensureSession: () => Promise<unknown>, locale: Locale) {
  const [terms, setTerms] = useState<AssistantTerms>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    ensureSession()
      .then(() => fetchAssistantTerms(locale))
      .then((read) => {
        if (!cancelled) setTerms(read);
      })
      // Signing in is needed, or the service is unreachable: the general notice stays, and the chat says why.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [ready, ensureSession, locale, version]);

  /** Where the citizen's consent stands now, as the server answered a consent or a withdrawal. */
  const consented = useCallback((givenAt: string | null) => {
    setTerms((current) => current && { ...current, consent: { ...current.consent, given_at: givenAt } });
  }, []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return { terms, consented, reload };
}
