import { z } from 'zod';
import { errors } from '../../errors.js';
import type { EmbeddingsOperation } from '../../pipeline/flow-context.js';
import { parseWith } from './parse-with.js';

const MAX_INPUTS = 2048;

const embeddingsRequest = z.strictObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.unknown()).min(1).max(MAX_INPUTS)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});

export interface EmbeddingsRequest {
  operation: EmbeddingsOperation;
  encoding: 'float' | 'base64';
}

export function parseEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  const request = parseWith(embeddingsRequest, body);
  if (request.dimensions !== undefined) {
    throw errors.invalidRequest(
      'unsupported_parameter',
      'dimensions is not supported by Mizan yet',
      'dimensions',
    );
  }
  const input = typeof request.input === 'string' ? [request.input] : request.input;
  input.forEach((item, i) => {
    if (typeof item !== 'string') {
      throw errors.invalidRequest(
        'unsupported_input',
        'input must be text: token arrays are not supported',
        `input[${i}]`,
      );
    }
    if (item.trim() === '')
      throw errors.invalidRequest('empty_content', `input[${i}] is empty`, `input[${i}]`);
  });
  return {
    operation: {
      kind: 'embeddings',
      model: request.model,
      input: input as string[],
      ...(request.user === undefined ? {} : { user: request.user }),
    },
    encoding: request.encoding_format ?? 'float',
  };
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const embeddingsRequestSchemas = { embeddingsRequest };
