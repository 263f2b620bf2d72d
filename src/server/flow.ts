import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { FlowContext, Operation } from '../pipeline/flow-context.js';
import type { StageTiming } from '../pipeline/pipeline.js';
import type { Platform } from '../platform.js';
import { bearerToken } from './bearer.js';

export interface FlowRun {
  ctx: FlowContext;
  timings: StageTiming[];
}

/** Names the conversation a request belongs to, so that its pseudonyms stay stable across requests. */
export const CONVERSATION_HEADER = 'x-mizan-conversation-id';
const SAFE_CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function conversationId(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && SAFE_CONVERSATION_ID.test(header)) return header;
  throw errors.invalidRequest(
    'invalid_conversation_id',
    `${CONVERSATION_HEADER} must be 1 to 128 letters, digits or . _ : -`,
    CONVERSATION_HEADER,
  );
}

/** `server-timing` lets a client (and the benchmark) see Mizan's own time per stage. */
export const serverTiming = (timings: StageTiming[]) =>
  timings.map((t) => `${t.stage};dur=${t.ms.toFixed(3)}`).join(', ');

/**
 * Runs one request's pipeline. The flow's signal is aborted when the client goes away before the answer is
 * complete, which cancels the model server's work; a halt is raised as its error.
 */
export async function runFlow(
  platform: Platform,
  request: FastifyRequest,
  reply: FastifyReply,
  operation: Operation,
): Promise<FlowRun> {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  const { ctx, timings, halt } = await platform.handle(operation, {
    requestId: request.id,
    signal: controller.signal,
    bearer: bearerToken(request.headers.authorization),
    conversationId: conversationId(request.headers[CONVERSATION_HEADER]),
  });
  if (platform.config.server.server_timing) void reply.header('server-timing', serverTiming(timings));
  if (halt) throw halt.error;
  return { ctx, timings };
}
