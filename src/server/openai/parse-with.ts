import type { z } from 'zod';
import { errors } from '../../errors.js';

/**
 * Validates a request body and reports the first problem the way OpenAI does: a message, and `param` naming
 * the faulty field (`messages[0].content`).
 */
export function parseWith<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.invalidRequest('invalid_request', 'the request body must be a JSON object');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const field = path ? `${path}.${issue.keys[0]}` : issue.keys[0]!;
    throw errors.invalidRequest(
      'unknown_parameter',
      `Unrecognized request argument supplied: ${field}`,
      field,
    );
  }
  if (issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined) {
    throw errors.invalidRequest('missing_required_parameter', `Missing required parameter: '${path}'`, path);
  }
  throw errors.invalidRequest('invalid_value', `Invalid value for '${path}': ${issue.message}`, path || null);
}

/** Zod 4 issues do not carry the input, so whether a field is missing is read from the body itself. */
function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let node = body;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
