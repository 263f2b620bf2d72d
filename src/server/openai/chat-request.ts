import { z } from 'zod';
import { errors } from '../../errors.js';
import type { ChatOperation } from '../../pipeline/flow-context.js';
import type { ChatMessage, GenerationParams } from '../../providers/spec.js';
import { parseWith } from './parse-with.js';

const contentPart = z.looseObject({ type: z.string() });
const content = z.union([z.string(), z.array(contentPart)]);
const name = z.string().optional();

const message = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content, name }),
  z.strictObject({ role: z.literal('developer'), content, name }),
  z.strictObject({ role: z.literal('user'), content, name }),
  z.strictObject({
    role: z.literal('assistant'),
    content: content.nullable().optional(),
    name,
    refusal: z.string().nullable().optional(),
    tool_calls: z.array(z.looseObject({})).optional(),
    function_call: z.looseObject({}).nullable().optional(),
    audio: z.looseObject({}).nullable().optional(),
  }),
  z.strictObject({ role: z.literal('tool'), content, tool_call_id: z.string() }),
]);

const stop = z.union([z.string(), z.array(z.string()).max(4)]).nullable();

/** OpenAI's chat-completions request; unknown top-level fields are rejected, as OpenAI does. */
const chatRequest = z.strictObject({
  model: z.string().min(1),
  messages: z.array(message).min(1, 'at least one message is required'),
  stream: z.boolean().nullable().optional(),
  stream_options: z.strictObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  n: z.number().int().min(1).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  stop: stop.optional(),
  seed: z.number().int().nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  logit_bias: z.record(z.string(), z.number()).nullable().optional(),
  logprobs: z.boolean().nullable().optional(),
  top_logprobs: z.number().int().min(0).max(20).nullable().optional(),
  response_format: z.looseObject({ type: z.string() }).nullable().optional(),
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
  tool_choice: z.union([z.string(), z.looseObject({})]).optional(),
  parallel_tool_calls: z.boolean().optional(),
  user: z.string().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  store: z.boolean().nullable().optional(),
  service_tier: z.string().nullable().optional(),
  reasoning_effort: z.string().nullable().optional(),
  functions: z.array(z.looseObject({})).optional(),
  function_call: z.union([z.string(), z.looseObject({})]).optional(),
});

/** Fields the gateway consumes itself rather than forwarding to the model server. */
const GATEWAY_FIELDS = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'n',
  'store',
  'metadata',
  'user',
]);

export function parseChatRequest(body: unknown): ChatOperation {
  const request = parseWith(chatRequest, body);
  if (request.n !== undefined && request.n !== null && request.n !== 1) {
    throw errors.invalidRequest(
      'unsupported_parameter',
      'only n = 1 is supported: ask again for more answers',
      'n',
    );
  }
  request.messages.forEach((m, i) => {
    if (m.role !== 'assistant' && isEmpty(m.content)) {
      throw errors.invalidRequest(
        'empty_content',
        `messages[${i}].content is empty: a ${m.role} message needs text`,
        `messages[${i}].content`,
      );
    }
  });
  const params: GenerationParams = {};
  for (const [key, value] of Object.entries(request)) {
    if (!GATEWAY_FIELDS.has(key) && value !== undefined && value !== null) params[key] = value;
  }
  return {
    kind: 'chat',
    model: request.model,
    messages: request.messages as ChatMessage[],
    params,
    stream: request.stream === true,
    includeUsage: request.stream_options?.include_usage === true,
    ...(request.user === undefined ? {} : { user: request.user }),
  };
}

function isEmpty(value: z.infer<typeof content> | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0 || value.every((p) => p.type === 'text' && String(p.text ?? '').trim() === '');
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const chatRequestSchemas = { chatRequest };
