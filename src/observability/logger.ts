import { pino, type Logger } from 'pino';

/**
 * JSON logs for operators. Never message contents, keys or secrets: request bodies are not logged at all, and
 * these paths are redacted in case an error object carries them.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'apiKey',
  'key',
  'secret',
  'body',
  'messages',
  'content',
  'input',
];

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'mizan' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type { Logger };
