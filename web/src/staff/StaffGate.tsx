import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, credentials } from '../api/client.js';
import { currentSession, signInUrl, signOut, webSettings } from '../api/session.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useResource } from '../components/use-resource.js';
import { format, useMessages } from '../i18n/messages.js';
import { staffMessages } from './staff-messages.js';

/** Who is signed in to a console (`GET /v1/oversight/me`). */
export interface StaffActor {
  kind: 'staff' | 'platform_admin';
  id?: string;
  name?: string;
  tenant: { id: string; name: string } | null;
  roles: string[];
}

const StaffContext = createContext<StaffActor | undefined>(undefined);

/** The actor of the console this component is in. */
export function useStaff(): StaffActor {
  const actor = useContext(StaffContext);
  if (!actor) throw new Error('useStaff needs a StaffGate');
  return actor;
}

/** Whether the actor holds one of `roles` (the platform admin holds them all). */
export const hasRole = (actor: StaffActor, roles: readonly string[]) =>
  actor.kind === 'platform_admin' || actor.roles.some((role) => roles.includes(role));

async function whoAmI(): Promise<StaffActor | undefined> {
  // A sign-in session's CSRF token is needed before the console changes anything.
  if (!credentials.staffToken() && !(await currentSession())) return undefined;
  try {
    return await api<StaffActor>('/v1/oversight/me');
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
    // A token that was refused is forgotten, and the server's reason shown; a citizen's session just gets the form.
    if (!credentials.staffToken()) return undefined;
    credentials.setStaffToken(undefined);
    throw error;
  }
}

/**
 * Shows its children to staff holding one of `roles`, signed in either with a staff token (kept for the tab) or
 * with their administration's identity provider; otherwise the sign-in form.
 */
export function StaffGate({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const t = useMessages(staffMessages);
  const [attempt, setAttempt] = useState(0);
  const [token, setToken] = useState('');
  const actor = useResource(whoAmI, [attempt]);
  const settings = useResource(webSettings, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    credentials.setStaffToken(token.trim());
    setToken('');
    setAttempt((n) => n + 1);
  };
  const leave = async () => {
    await signOut();
    setAttempt((n) => n + 1);
  };

  if (actor.loading && !actor.data) return <p aria-live="polite">…</p>;
  const me = actor.data;
  if (me) {
    const roleNames = me.kind === 'platform_admin' ? t.platformAdmin : me.roles.join(', ');
    return (
      <StaffContext.Provider value={me}>
        <div className="row muted staff-bar">
          <span>{format(t.signedInAs, { name: me.name ?? t.platformAdmin, roles: roleNames })}</span>
          <button type="button" onClick={leave}>
            {t.signOut}
          </button>
        </div>
        {hasRole(me, roles) ? (
          children
        ) : (
          <p className="alert alert-warn" role="alert">
            {format(t.missingRole, { roles: roles.join(', ') })}
          </p>
        )}
      </StaffContext.Provider>
    );
  }
  return (
    <section className="card stack staff-sign-in" aria-labelledby="staff-sign-in-title">
      <h1 id="staff-sign-in-title">{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      <ErrorMessage error={actor.error} />
      <form className="stack" onSubmit={submit}>
        <label className="field">
          <span>{t.tokenLabel}</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            required
            aria-describedby="staff-token-help"
          />
        </label>
        <p id="staff-token-help" className="muted">
          {t.tokenHelp}
        </p>
        <button type="submit" className="primary">
          {t.signIn}
        </button>
      </form>
      {settings.data?.sign_in.map((entry) => (
        <a key={entry.tenant} className="button" href={signInUrl(entry.tenant)}>
          {format(t.signInWith, { tenant: entry.tenant })}
        </a>
      ))}
    </section>
  );
}
