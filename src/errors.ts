/**
 * The one error type that crosses module boundaries. Each carries a machine-readable code, the HTTP status a
 * client sees, and the OpenAI error `type`, so every failure can be rendered in OpenAI's shape without guessing.
 */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  /** The guard refused the request: `code` names the reason (prompt_injection, jailbreak, out_of_scope…). */
  | 'guard_blocked'
  | 'upstream_error'
  | 'server_error';

export interface MizanErrorOptions {
  status: number;
  type: ErrorType;
  param?: string | null;
  cause?: unknown;
  /** Seconds a client should wait before retrying (429, 503). */
  retryAfter?: number;
}

export class MizanError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: ErrorType;
  readonly param: string | null;
  readonly retryAfter: number | undefined;

  constructor(code: string, message: string, options: MizanErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MizanError';
    this.code = code;
    this.status = options.status;
    this.type = options.type;
    this.param = options.param ?? null;
    this.retryAfter = options.retryAfter;
  }

  toJSON(): { error: { message: string; type: ErrorType; code: string; param: string | null } } {
    return { error: { message: this.message, type: this.type, code: this.code, param: this.param } };
  }
}

export const isMizanError = (value: unknown): value is MizanError => value instanceof MizanError;

/** Constructors for the errors every module raises; module-specific codes live in the module's own errors.ts. */
export const errors = {
  invalidRequest: (code: string, message: string, param: string | null = null) =>
    new MizanError(code, message, { status: 400, type: 'invalid_request_error', param }),
  unauthenticated: (code: string, message: string) =>
    new MizanError(code, message, { status: 401, type: 'authentication_error' }),
  forbidden: (code: string, message: string, param: string | null = null) =>
    new MizanError(code, message, { status: 403, type: 'permission_error', param }),
  notFound: (code: string, message: string, param: string | null = null) =>
    new MizanError(code, message, { status: 404, type: 'not_found_error', param }),
  /** 400 from the guard: the message is the user's, in their language; nothing was sent to a model. */
  guardBlocked: (code: string, message: string) =>
    new MizanError(code, message, { status: 400, type: 'guard_blocked' }),
  tooLarge: (code: string, message: string) =>
    new MizanError(code, message, { status: 413, type: 'invalid_request_error' }),
  /** 422: the request is well formed but its content cannot be processed (an empty or encrypted document). */
  unprocessable: (code: string, message: string, param: string | null = null, cause?: unknown) =>
    new MizanError(code, message, { status: 422, type: 'invalid_request_error', param, cause }),
  conflict: (code: string, message: string, param: string | null = null) =>
    new MizanError(code, message, { status: 409, type: 'invalid_request_error', param }),
  rateLimited: (code: string, message: string, retryAfter?: number) =>
    new MizanError(code, message, { status: 429, type: 'rate_limit_error', retryAfter }),
  upstream: (code: string, message: string, cause?: unknown) =>
    new MizanError(code, message, { status: 502, type: 'upstream_error', cause }),
  noProvider: (code: string, message: string) =>
    new MizanError(code, message, { status: 503, type: 'server_error', retryAfter: 5 }),
  /** 503 for a service suspended on purpose (the kill switch), as opposed to one that failed. */
  unavailable: (code: string, message: string, retryAfter?: number) =>
    new MizanError(code, message, { status: 503, type: 'server_error', retryAfter }),
  upstreamTimeout: (code: string, message: string, cause?: unknown) =>
    new MizanError(code, message, { status: 504, type: 'upstream_error', cause }),
  internal: (code: string, message: string, cause?: unknown) =>
    new MizanError(code, message, { status: 500, type: 'server_error', cause }),
};
