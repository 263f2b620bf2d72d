/**
 * The parts of the server's OpenAPI 3.1 description (`GET /openapi.json`) the portal reads, and the few rules that
 * turn its JSON Schemas into something a person can read: `$ref`s followed, "X or null" folded into X.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
};

export type Auth = 'api_key' | 'staff_token' | 'admin_token' | 'session' | 'public';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface ResponseObject {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  'x-mizan-auth': Auth[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, ResponseObject>;
}

export interface ApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags?: { name: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    securitySchemes?: Record<string, { description?: string }>;
  };
}

/** One operation with where it lives, as the reference lists it. */
export interface Endpoint {
  method: string;
  path: string;
  operation: OperationObject;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The document's operations by tag, in the document's tag order (untagged ones last, under "Other"). */
export function endpointsByTag(document: ApiDocument): [string, Endpoint[]][] {
  const groups = new Map<string, Endpoint[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags[0] ?? 'Other';
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method: method.toUpperCase(), path, operation });
    }
  }
  return [...groups].filter(([, endpoints]) => endpoints.length > 0);
}

/** Whether an endpoint matches what a developer typed: its path, method, summary, tag or id. */
export function matches(endpoint: Endpoint, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [
    endpoint.method,
    endpoint.path,
    endpoint.operation.summary,
    endpoint.operation.operationId,
    ...endpoint.operation.tags,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** What a local `$ref` (`#/components/schemas/X`) points at in the document. */
export function resolveRef<T>(document: ApiDocument, ref: string): T | undefined {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document) as
    T | undefined;
}

const isNull = (schema: JsonSchema) => schema.type === 'null';

/**
 * A schema as the tree shows it: `$ref` followed (its name kept), `anyOf: [X, null]` and `type: [X, "null"]`
 * folded into X marked nullable, and a single remaining variant unwrapped.
 */
export interface ReadableSchema {
  schema: JsonSchema;
  nullable: boolean;
  /** The component's name when the schema came from a `$ref`. */
  refName?: string;
  /** Two or more alternatives (`oneOf` / `anyOf`), null left out. */
  variants?: JsonSchema[];
}

export function readable(
  document: ApiDocument,
  schema: JsonSchema,
  seen: ReadonlySet<string> = new Set(),
): ReadableSchema {
  if (schema.$ref) {
    const target = seen.has(schema.$ref) ? undefined : resolveRef<JsonSchema>(document, schema.$ref);
    const refName = schema.$ref.split('/').pop();
    if (!target) return { schema: { description: schema.description }, nullable: false, refName };
    const inner = readable(document, target, new Set([...seen, schema.$ref]));
    return { ...inner, refName: inner.refName ?? refName };
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const present = alternatives.filter((variant) => !isNull(variant));
    const nullable = present.length < alternatives.length;
    const rest = { ...schema };
    delete rest.oneOf;
    delete rest.anyOf;
    if (present.length === 1) {
      // `description` and `default` written beside the anyOf belong to the whole.
      const inner = readable(document, { ...present[0], ...rest }, seen);
      return { ...inner, nullable: nullable || inner.nullable };
    }
    return { schema: rest, nullable, variants: present };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    const nullable = types.length < schema.type.length;
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable };
  }
  return { schema, nullable: false };
}

/** A short type for a schema: `string`, `integer`, `array of string`, `object`, or `"system"` for a constant. */
export function typeLabel(
  document: ApiDocument,
  raw: JsonSchema,
  seen: ReadonlySet<string> = new Set(),
): string {
  const { schema, variants, refName } = readable(document, raw, seen);
  if (variants) return variants.map((variant) => typeLabel(document, variant, seen)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') return `array of ${schema.items ? typeLabel(document, schema.items, seen) : 'any'}`;
  if (refName && (type === 'object' || schema.properties)) return refName;
  if (type) return schema.format ? `${type} (${schema.format})` : type;
  if (schema.properties) return 'object';
  return 'any';
}

/** The properties a schema (once readable) lists, for the tree to open; arrays show their items' ones. */
export function childrenOf(document: ApiDocument, raw: JsonSchema, seen: ReadonlySet<string> = new Set()) {
  const view = readable(document, raw, seen);
  const items = view.schema.type === 'array' && view.schema.items ? view.schema.items : undefined;
  if (items) return readable(document, items, seen);
  return view;
}

/** The constraints worth stating beside a type: bounds, lengths, counts. */
export function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const safe = (n: number | undefined) => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (safe(schema.minimum)) out.push(`≥ ${schema.minimum}`);
  if (safe(schema.exclusiveMinimum)) out.push(`> ${schema.exclusiveMinimum}`);
  if (safe(schema.maximum)) out.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) out.push(`length ≥ ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`length ≤ ${schema.maxLength}`);
  if (schema.minItems !== undefined && schema.minItems > 0) out.push(`items ≥ ${schema.minItems}`);
  if (schema.maxItems !== undefined) out.push(`items ≤ ${schema.maxItems}`);
  return out;
}
