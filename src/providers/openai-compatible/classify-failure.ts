import { UpstreamError, upstreamTimeout } from '../errors.js';

const MAX_MESSAGE_CHARS = 300;

/** Turns an upstream's HTTP error status and body into an error saying whether to retry or fall back. */
export function classifyStatus(
  providerId: string,
  status: number,
  bodyText: string,
  retryAfterHeader: string | undefined,
): UpstreamError {
  const detail = upstreamMessage(bodyText);
  const suffix = detail ? `: ${detail}` : '';
  if (status === 429) {
    return new UpstreamError(
      'upstream_rate_limited',
      `model server "${providerId}" is rate limiting${suffix}`,
      {
        status: 429,
        type: 'rate_limit_error',
        retryable: true,
        fallback: true,
        retryAfterMs: parseRetryAfter(retryAfterHeader),
      },
    );
  }
  if (status >= 500) {
    return new UpstreamError(
      'upstream_error',
      `model server "${providerId}" failed with ${status}${suffix}`,
      {
        status: 502,
        retryable: true,
        fallback: true,
        retryAfterMs: parseRetryAfter(retryAfterHeader),
      },
    );
  }
  if (status === 401 || status === 403 || status === 404) {
    // Not the client's fault: Mizan's credentials or model mapping for this upstream are wrong.
    return new UpstreamError(
      'upstream_misconfigured',
      `model server "${providerId}" refused Mizan's request with ${status}${suffix}`,
      { status: 502, retryable: false, fallback: true },
    );
  }
  return new UpstreamError('upstream_rejected_request', `the model server rejected the request${suffix}`, {
    status: 400,
    type: 'invalid_request_error',
    retryable: false,
    fallback: false,
  });
}

const connectionCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Network-level failures (undici error codes) onto retry and fallback decisions. */
export function classifyNetworkError(
  providerId: string,
  error: unknown,
  phase: 'headers' | 'body',
): UpstreamError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return upstreamTimeout(providerId, 'first byte', error);
  if (code === 'UND_ERR_BODY_TIMEOUT') return upstreamTimeout(providerId, 'stream stalled', error);
  const why = code || (error as Error).message;
  if (phase === 'headers') {
    return new UpstreamError(
      'upstream_unreachable',
      `could not reach model server "${providerId}" (${why})`,
      { status: 502, retryable: true, fallback: true, cause: error },
    );
  }
  // The server was reached and began its answer: the connection broke during the body.
  if (connectionCodes.has(code)) {
    return new UpstreamError('upstream_error', `model server "${providerId}" broke off the answer (${why})`, {
      status: 502,
      retryable: true,
      fallback: true,
      cause: error,
    });
  }
  return new UpstreamError('upstream_error', `model server "${providerId}" broke off the answer`, {
    status: 502,
    retryable: false,
    fallback: false,
    cause: error,
  });
}

/**
 * A stream that ended with neither a finish reason nor `[DONE]`: the answer was cut short (a proxy or the server
 * closed it cleanly halfway). Before the first byte reaches the client, it is tried again or handed over.
 */
export const endedEarly = (providerId: string) =>
  new UpstreamError(
    'upstream_error',
    `model server "${providerId}" ended the answer before it was complete`,
    { status: 502, retryable: true, fallback: true },
  );

/** The upstream answered, but not with the JSON its protocol promises. */
export const badResponse = (providerId: string, cause: unknown) =>
  new UpstreamError('upstream_bad_response', `model server "${providerId}" sent invalid JSON`, {
    status: 502,
    retryable: false,
    fallback: true,
    cause,
  });

function upstreamMessage(bodyText: string): string {
  try {
    const parsed = JSON.parse(bodyText) as { error?: { message?: unknown } | string; message?: unknown };
    const message =
      typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message ?? '');
    return String(message).slice(0, MAX_MESSAGE_CHARS);
  } catch {
    return bodyText.slice(0, MAX_MESSAGE_CHARS).trim();
  }
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
