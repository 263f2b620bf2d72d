import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { loadConfig } from '../config/load.js';
import type { MizanConfig } from '../config/schema.js';
import { errors, isMizanError, MizanError, type ErrorType } from '../errors.js';
import { createPlatform, type Platform } from '../platform.js';
import { buildApp } from '../server/app.js';
import type { CliOptions } from './context.js';
import { findLocalServer } from './local-server.js';

/** Where the oversight API lives: paths are relative to it unless they name another governance API (`/v1/…`). */
const OVERSIGHT_PATH = '/v1/oversight';
/** The variable a script sets instead of passing `--token` on every command (and in the process list). */
export const STAFF_TOKEN_ENV = 'MIZAN_STAFF_TOKEN';

export interface OversightOptions extends CliOptions {
  /** A staff token (`mzs_…`); without it, $MIZAN_STAFF_TOKEN, else the admin token (the platform operator). */
  token?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OversightClient {
  /**
   * Calls `/v1/oversight{path}`, or `path` itself when it starts with `/v1/` (the audit log): a JSON answer is
   * parsed, another (the HTML record) is returned as text.
   */
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}
type Transport = (
  method: HttpMethod,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
) => Promise<Answer>;

/** One client over either transport: the same headers, and the same errors as the API answered them. */
function clientOver(transport: Transport, token: string): OversightClient {
  return {
    async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
      const answer = await transport(
        method,
        path.startsWith('/v1/') ? path : `${OVERSIGHT_PATH}${path}`,
        {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body === undefined ? undefined : JSON.stringify(body),
      );
      if (answer.contentType.startsWith('application/json')) {
        const payload = JSON.parse(answer.text) as T & {
          error?: { code: string; message: string; type: ErrorType; param?: string | null };
        };
        const { error } = payload;
        if (error) {
          throw new MizanError(error.code, error.message, {
            status: answer.status,
            type: error.type,
            param: error.param ?? null,
          });
        }
        return payload;
      }
      if (answer.status >= 400) {
        throw errors.internal(
          'unexpected_answer',
          `${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`,
        );
      }
      return answer.text as T;
    },
  };
}

const fetchFrom =
  (origin: string): Transport =>
  async (method, url, headers, body) => {
    const response = await fetch(`${origin}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  };

const injectInto =
  (app: FastifyInstance): Transport =>
  async (method, url, headers, body) => {
    const response = await app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body }),
    });
    return {
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      text: response.body,
    };
  };

/**
 * The platform built for one command: no demo corpus to load, and an admin token that lives as long as the
 * command, so that the operator at the terminal acts as the platform admin and nobody else can.
 */
function commandPlatform(config: MizanConfig, operatorToken: string): Promise<Platform> {
  return createPlatform(
    {
      ...config,
      corpus: { ...config.corpus, demo: false },
      security: { ...config.security, admin_token: operatorToken },
    },
    // Standard output is the command's answer: the platform's warnings and errors go to standard error.
    { logger: pino({ level: 'warn', base: { service: 'mizan' } }, pino.destination({ fd: 2, sync: true })) },
  );
}

/**
 * Runs `action` with a client of the oversight API: the same routes, checks and audit entries whether the CLI
 * builds the platform over the database it can open, or goes through the running `mizan serve` that holds the
 * embedded database open.
 */
export async function withOversightClient<T>(
  options: OversightOptions,
  action: (client: OversightClient) => Promise<T>,
): Promise<T> {
  const { config } = loadConfig({ file: options.config });
  const staffToken = options.token || process.env[STAFF_TOKEN_ENV] || undefined;
  const operatorToken = randomBytes(32).toString('base64url');
  let platform: Platform;
  try {
    platform = await commandPlatform(config, operatorToken);
  } catch (error) {
    const server = isMizanError(error) && error.code === 'store_locked' ? findLocalServer(config) : undefined;
    if (!server) throw error;
    return action(clientOver(fetchFrom(server.url), staffToken ?? server.token));
  }
  try {
    const app = await buildApp(platform);
    try {
      return await action(clientOver(injectInto(app), staffToken ?? operatorToken));
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
}
