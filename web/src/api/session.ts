import { api, ApiError, credentials } from './client.js';

/** Who a sign-in session is (`GET /auth/session`). */
export interface SessionView {
  object: 'mizan.session';
  tenant: string;
  kind: 'citizen' | 'staff';
  subject: string;
  roles: string[];
  expires_at: string;
  csrf_token: string;
}

/** What the pages need before anyone signs in (`GET /web/settings`). */
export interface WebSettings {
  assistant: { tenant: string; guests: boolean };
  sign_in: { tenant: string; citizens: boolean }[];
}

export const webSettings = () => api<WebSettings>('/web/settings', { bearer: null });

/** The browser's sign-in session, if it has one; remembers its CSRF token for the calls that follow. */
export async function currentSession(): Promise<SessionView | undefined> {
  try {
    const session = await api<SessionView>('/auth/session', { bearer: null });
    credentials.csrfToken = session.csrf_token;
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}

/** Opens an anonymous citizen session on a tenant that takes guests. */
export async function openGuestSession(tenant: string): Promise<SessionView> {
  const session = await api<SessionView>(`/auth/${encodeURIComponent(tenant)}/guest`, {
    method: 'POST',
    body: {},
    bearer: null,
  });
  credentials.csrfToken = session.csrf_token;
  return session;
}

export async function signOut(): Promise<void> {
  credentials.setStaffToken(undefined);
  await api('/auth/logout', { method: 'POST', bearer: null }).catch(() => undefined);
  credentials.csrfToken = undefined;
}

/** Where the browser goes to sign in with a tenant's identity provider. */
export const signInUrl = (tenant: string) => `/auth/${encodeURIComponent(tenant)}/login`;
