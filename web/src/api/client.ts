/** An error answer of the Mizan API: its HTTP status and machine-readable code, and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: string = 'api_error',
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STAFF_TOKEN_KEY = 'mizan.staffToken';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * How the page proves who it is. A staff token pasted at sign-in is kept for the tab only (sessionStorage) and sent
 * as a Bearer token; a sign-in session lives in an HttpOnly cookie the page cannot read, so requests that change
 * something carry its CSRF token, which `GET /auth/session` gives.
 */
export const credentials = {
  csrfToken: undefined as string | undefined,
  staffToken(): string | undefined {
    try {
      return sessionStorage.getItem(STAFF_TOKEN_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  setStaffToken(token: string | undefined): void {
    if (token) sessionStorage.setItem(STAFF_TOKEN_KEY, token);
    else sessionStorage.removeItem(STAFF_TOKEN_KEY);
  },
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /**
   * The Bearer token to send: a key (the developer playground), `null` for the session cookie alone (the citizen
   * assistant), or by default the staff token of this tab, if any.
   */
  bearer?: string | null;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The fetch a call makes, with its credentials; answers are not read here (streams read them as they come). */
export function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const bearer = options.bearer === undefined ? credentials.staffToken() : options.bearer;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  else if (!SAFE_METHODS.has(method) && credentials.csrfToken)
    headers['x-csrf-token'] = credentials.csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Turns an error answer into an ApiError, with Mizan's structured body when there is one. */
export async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { message?: string; code?: string; type?: string; param?: string | null } } | undefined;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? response.statusText,
    error?.type,
    error?.param ?? null,
  );
}

/** Calls the API and reads its JSON answer (undefined for 204); an error answer throws an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (!response.ok) throw await failure(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}
