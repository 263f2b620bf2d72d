import { UpstreamError } from '../errors.js';

/**
 * Failures of the in-process engine. Each lets another model of the chain serve instead (`fallback`), because
 * they say nothing about the request that another model could not answer; none is retried on this engine.
 */

const unavailable = (code: string, message: string, cause?: unknown) =>
  new UpstreamError(code, message, {
    status: 503,
    type: 'server_error',
    retryable: false,
    fallback: true,
    cause,
  });

export const engineNotInstalled = (providerId: string, cause: unknown) =>
  unavailable(
    'llama_cpp_not_installed',
    `the provider "${providerId}" runs models in-process with the optional package node-llama-cpp, which is not ` +
      'installed: run `npm install node-llama-cpp` (its prebuilt engine comes from the npm registry)',
    cause,
  );

/** The path is kept in the cause, for the operator's logs, and out of the message a client may see. */
export const modelFileNotFound = (providerId: string, path: string) =>
  unavailable(
    'llama_cpp_model_not_found',
    `the model file of the provider "${providerId}" was not found (see model_path)`,
    new Error(`no GGUF file at ${path}`),
  );

/** A copy brought by hand onto an offline machine may be truncated or altered: it is refused, not run. */
export const modelChecksumMismatch = (providerId: string) =>
  unavailable(
    'llama_cpp_model_checksum_mismatch',
    `the model file of the provider "${providerId}" does not match its model_sha256`,
  );

export const engineLoadFailed = (providerId: string, cause: unknown) =>
  unavailable('llama_cpp_load_failed', `the provider "${providerId}" could not load its model`, cause);

export const generationFailed = (providerId: string, cause: unknown) =>
  new UpstreamError('llama_cpp_generation_failed', `the model of the provider "${providerId}" failed`, {
    status: 502,
    retryable: false,
    fallback: true,
    cause,
  });

/** Every slot busy and the queue full: the site is overloaded, so the client is told when to come back. */
export const queueFull = (providerId: string) =>
  new UpstreamError('llama_cpp_busy', `the provider "${providerId}" has too many requests waiting`, {
    status: 503,
    type: 'server_error',
    retryable: false,
    fallback: true,
    retryAfterMs: 1_000,
  });

/** A model with a longer context may still serve it, so the chain goes on. */
export const contextExceeded = (providerId: string, promptTokens: number, contextSize: number) =>
  new UpstreamError(
    'context_length_exceeded',
    `the conversation holds ${promptTokens} tokens, more than the ${contextSize} that the provider ` +
      `"${providerId}" serves per request`,
    { status: 400, type: 'invalid_request_error', retryable: false, fallback: true },
  );

export const unsupportedParameter = (providerId: string, param: string) =>
  new UpstreamError('unsupported_parameter', `the provider "${providerId}" does not support "${param}"`, {
    status: 400,
    type: 'invalid_request_error',
    retryable: false,
    fallback: true,
  });
