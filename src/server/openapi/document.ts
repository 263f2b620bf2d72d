import { z } from 'zod';
import type { RouteEntry } from '../route-list.js';
import { COMPONENT_SCHEMAS } from './components.js';
import { OPERATIONS, type Auth, type Operation } from './operations.js';

type JsonSchema = Record<string, unknown>;

/** Fastify's `/x/:id/*` as OpenAPI writes it: `/x/{id}/{path}` (the wildcard is the rest of the path). */
export const openApiPath = (fastifyPath: string): string =>
  fastifyPath.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{path}');

const routeKey = (method: string, path: string) => `${method} ${path}`;

const SECURITY_SCHEMES = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'An application’s API key, `mz_…`; a sandbox’s key is one too, and its answers say so.',
  },
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A staff member’s token, `mzs_…` (`mizan staff create`), acting within their roles and tenant.',
  },
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The platform operator’s admin token (`security.admin_token`).',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-mizan_session',
    description:
      'A sign-in session (OpenID Connect, or a guest of the assistant); requests that change something send ' +
      'its `x-csrf-token`.',
  },
} as const;

const SCHEME_OF: Record<Exclude<Auth, 'public'>, keyof typeof SECURITY_SCHEMES> = {
  api_key: 'apiKey',
  staff_token: 'staffToken',
  admin_token: 'adminToken',
  session: 'session',
};

/**
 * A zod schema as JSON Schema, for the request side (defaults optional, coerced query numbers as numbers). Shared
 * definitions are lifted into the components under `prefix`, so that every `$ref` resolves from the document root.
 */
function jsonSchema(schema: z.ZodType, prefix: string, components: Record<string, object>): JsonSchema {
  const { $defs, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema & { $defs?: Record<string, object> };
  // The dialect is the document's own: OpenAPI 3.1 schemas are JSON Schema 2020-12.
  delete rest.$schema;
  const rename = (name: string) => `${prefix}_${name}`;
  const relink = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(relink);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        key === '$ref' && typeof inner === 'string' && inner.startsWith('#/$defs/')
          ? [key, `#/components/schemas/${rename(inner.slice('#/$defs/'.length))}`]
          : [key, relink(inner)],
      ),
    );
  };
  for (const [name, definition] of Object.entries($defs ?? {}))
    components[rename(name)] = relink(definition) as object;
  return relink(rest) as JsonSchema;
}

function parameters(operation: Operation, components: Record<string, object>) {
  const inPath = [...operation.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (operation.path.endsWith('*')) inPath.push('path');
  const path = inPath.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (!operation.query) return path;
  const query = jsonSchema(operation.query, `${operation.operationId}Query`, components) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return [
    ...path,
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: query.required?.includes(name) ?? false,
      ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
      schema,
    })),
  ];
}

function responses(operation: Operation) {
  const success = operation.success ?? { description: 'Done' };
  const json = {
    schema: success.schema ? { $ref: `#/components/schemas/${success.schema}` } : { type: 'object' },
  };
  const content =
    success.status && success.status >= 300 && success.status < 400
      ? undefined
      : success.html
        ? { 'application/json': { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } }
        : success.stream
          ? { 'application/json': json, 'text/event-stream': { schema: { type: 'string' } } }
          : { 'application/json': json };
  const error = { $ref: '#/components/responses/Error' };
  const needsCredentials = !operation.auth.includes('public');
  return {
    [String(success.status ?? 200)]: { description: success.description, ...(content ? { content } : {}) },
    ...(operation.body || operation.query || operation.path.includes(':') ? { '400': error } : {}),
    ...(needsCredentials ? { '401': error, '403': error } : {}),
    ...(operation.path.includes(':') || operation.path.endsWith('*') ? { '404': error } : {}),
    '429': error,
    default: error,
  };
}

/**
 * The OpenAPI 3.1 description of the operations `routes` serves (a deployment without the admin token or the web
 * interface has fewer), built from the catalogue and the zod schemas the routes validate with.
 */
export function apiDocument(routes: readonly RouteEntry[]): object {
  const served = new Set(routes.map((r) => routeKey(r.method, r.url)));
  const components: Record<string, object> = { ...COMPONENT_SCHEMAS };
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of OPERATIONS) {
    if (!served.has(routeKey(operation.method, operation.path))) continue;
    const security = operation.auth.map((auth) => (auth === 'public' ? {} : { [SCHEME_OF[auth]]: [] }));
    const params = parameters(operation, components);
    (paths[openApiPath(operation.path)] ??= {})[operation.method.toLowerCase()] = {
      operationId: operation.operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      security,
      'x-mizan-auth': operation.auth,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: jsonSchema(operation.body, `${operation.operationId}Body`, components),
                },
              },
            },
          }
        : {}),
      responses: responses(operation),
    };
  }
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mizan',
      version: '1',
      summary: 'A sovereign, responsible-AI gateway for Moroccan public services',
      description:
        'OpenAI-compatible chat completions with privacy, grounding, human oversight and a verifiable audit ' +
        'log; the governance, rights and transparency APIs around them. Errors answer ' +
        '`{"error": {"message", "type", "code", "param"}}`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: {
      schemas: components,
      responses: {
        Error: {
          description: 'An error, with its stable `code`',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
