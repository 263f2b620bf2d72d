import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiPath } from '../../src/server/openapi/document.js';
import { startGateway, type Gateway } from '../support/gateway-harness.js';
import { listRoutes } from '../support/route-table.js';

type Json = Record<string, unknown>;
interface OperationObject {
  operationId: string;
  tags: string[];
  parameters?: { name: string; in: string; required?: boolean; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
  security: Json[];
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OperationObject>>;
  components: Json;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every `$ref` in the document, with where it is. */
function refs(node: unknown, at = '#'): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refs(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ ref: value, at }] : refs(value, `${at}/${key}`),
  );
}

function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document);
}

describe('the OpenAPI description', () => {
  let gateway: Gateway;
  let document: Document;
  before(async () => {
    // With the admin token, so that the operator's routes are served and must be described too.
    gateway = await startGateway({ security: { admin_token: 'openapi-admin-token-0123456789abcdef' } });
    const response = await fetch(`${gateway.origin}/openapi.json`);
    assert.equal(response.status, 200);
    document = (await response.json()) as Document;
  });
  after(() => gateway.close());

  it('describes every route the app serves, and no operation it does not serve', () => {
    const served = listRoutes(gateway.app).map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`);
    const described = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method} ${path}`),
    );
    assert.deepEqual(
      served.filter((route) => !described.includes(route)),
      [],
      'routes without an operation: add them to src/server/openapi/operations.ts',
    );
    assert.deepEqual(
      described.filter((route) => !served.includes(route)),
      [],
    );
  });

  it('is structurally valid OpenAPI 3.1: unique operation ids, declared path parameters, resolving $refs', () => {
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.info.title && document.info.version);
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      assert.match(path, /^\//);
      for (const [method, operation] of Object.entries(item)) {
        assert.ok(METHODS.includes(method), `${path}: ${method} is not an HTTP method`);
        assert.ok(!ids.has(operation.operationId), `operationId ${operation.operationId} is used twice`);
        ids.add(operation.operationId);
        assert.ok(Object.keys(operation.responses).length > 0, `${method} ${path} has no response`);
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
        assert.deepEqual(
          declared.map((p) => p.name),
          templated,
          `${method} ${path}: path parameters`,
        );
        assert.ok(declared.every((p) => p.required === true));
        for (const p of operation.parameters ?? [])
          assert.ok(['path', 'query', 'header', 'cookie'].includes(p.in));
      }
    }
    const schemes = Object.keys((document.components.securitySchemes as Json | undefined) ?? {});
    for (const item of Object.values(document.paths))
      for (const operation of Object.values(item))
        for (const requirement of operation.security)
          for (const scheme of Object.keys(requirement)) assert.ok(schemes.includes(scheme), scheme);
    const broken = refs(document).filter(({ ref }) => resolve(document, ref) === undefined);
    assert.deepEqual(broken, []);
  });

  it('gives chat completions its request schema from the validator, its auth, the mizan object and the error shape', () => {
    const chat = document.paths['/v1/chat/completions']?.post;
    assert.ok(chat);
    assert.deepEqual(chat.tags, ['Chat']);
    assert.deepEqual(chat.security, [{ apiKey: [] }, { session: [] }]);
    const body = chat.requestBody?.content['application/json']?.schema as {
      properties: Record<string, Json>;
      required: string[];
      additionalProperties: boolean;
    };
    assert.deepEqual(body.required.sort(), ['messages', 'model']);
    assert.equal(body.additionalProperties, false);
    assert.deepEqual(body.properties.temperature, {
      anyOf: [{ type: 'number', minimum: 0, maximum: 2 }, { type: 'null' }],
    });
    const answer = resolve(document, '#/components/schemas/ChatCompletion') as { properties: Json };
    assert.deepEqual(answer.properties.mizan, { $ref: '#/components/schemas/MizanExtension' });
    const error = resolve(document, '#/components/schemas/Error') as {
      properties: { error: { required: string[] } };
    };
    assert.deepEqual(error.properties.error.required, ['message', 'type', 'code', 'param']);
    assert.deepEqual(chat.responses['401'], { $ref: '#/components/responses/Error' });
  });

  it('marks public routes as needing no credentials, and describes query parameters from their schemas', () => {
    const register = document.paths['/v1/transparency/register']?.get;
    assert.deepEqual(register?.security, [{}]);
    assert.deepEqual(
      register?.parameters?.map((p) => [p.name, p.in, p.required]),
      [['tenant', 'query', false]],
    );
    const stats = document.paths['/v1/audit/stats']?.get;
    const by = stats?.parameters?.find((p) => p.name === 'by');
    assert.equal(by?.required, true);
    assert.ok(Array.isArray(by?.schema.enum));
  });
});
