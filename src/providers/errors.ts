import { MizanError, type ErrorType } from '../errors.js';

/**
 * A failure talking to a model server. `retryable` says the same server may succeed if asked again (429, 5xx,
 * reset connections); `fallback` says another model may serve instead (anything but a request the upstream
 * judged invalid). Neither applies once the first byte of an answer has reached the client.
 */
export class UpstreamError extends MizanError {
  readonly retryable: boolean;
  readonly fallback: boolean;
  /** The Retry-After the upstream asked for, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      status: number;
      type?: ErrorType;
      retryable: boolean;
      fallback: boolean;
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super(code, message, {
      status: options.status,
      type: options.type ?? 'upstream_error',
      cause: options.cause,
      retryAfter: options.retryAfterMs === undefined ? undefined : Math.ceil(options.retryAfterMs / 1000),
    });
    this.retryable = options.retryable;
    this.fallback = options.fallback;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Raised when the client went away: nothing is retried and nothing is answered. */
export const cancelledError = () =>
  new UpstreamError('request_cancelled', 'the client closed the request', {
    status: 499,
    type: 'invalid_request_error',
    retryable: false,
    fallback: false,
  });

export const upstreamTimeout = (providerId: string, phase: string, cause?: unknown) =>
  new UpstreamError('upstream_timeout', `model server "${providerId}" did not answer in time (${phase})`, {
    status: 504,
    retryable: false,
    fallback: true,
    cause,
  });

export const isUpstreamError = (value: unknown): value is UpstreamError => value instanceof UpstreamError;
