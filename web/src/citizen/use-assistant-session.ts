import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import {
  currentSession,
  openGuestSession,
  webSettings,
  type SessionView,
  type WebSettings,
} from '../api/session.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; settings: WebSettings; session: SessionView | undefined };

/** Raised when the assistant takes no guests and nobody signed in: the page offers the sign-in link. */
export class SignInRequired extends Error {
  constructor() {
    super('sign in to use the assistant');
    this.name = 'SignInRequired';
  }
}

interface ModelList {
  data: { id: string; mizan?: { kind?: string; aliases?: string[] } }[];
}

/** The model the assistant asks for: the deployment's `default` alias when offered, else its first chat model. */
async function chooseModel(): Promise<string> {
  const { data } = await api<ModelList>('/v1/models', { bearer: null });
  const chat = data.filter((m) => (m.mizan?.kind ?? 'chat') === 'chat');
  if (chat.some((m) => m.id === 'default' || m.mizan?.aliases?.includes('default'))) return 'default';
  return chat[0]?.id ?? 'default';
}

/**
 * The assistant's session: `GET /web/settings` and `GET /auth/session` on load; a citizen session is used as it
 * is, else a guest session is opened before the first message where the assistant takes guests.
 */
export function useAssistantSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const model = useRef<string | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    Promise.all([webSettings(), currentSession()])
      .then(([settings, session]) => {
        if (!cancelled) setState({ status: 'ready', settings, session });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const ready = state.status === 'ready' ? state : undefined;
  const citizen = ready?.session?.kind === 'citizen' ? ready.session : undefined;
  const signInNeeded = ready !== undefined && !citizen && !ready.settings.assistant.guests;

  /** A citizen session to chat with (opened as a guest where allowed) and the model to ask. */
  const ensureSession = useCallback(async (): Promise<string> => {
    if (!ready) throw new Error('the assistant is not ready');
    if (!citizen) {
      if (!ready.settings.assistant.guests) throw new SignInRequired();
      const session = await openGuestSession(ready.settings.assistant.tenant);
      setState({ ...ready, session });
    }
    model.current ??= await chooseModel();
    return model.current;
  }, [ready, citizen]);

  return { state, signInNeeded, ensureSession };
}
