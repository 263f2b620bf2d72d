import type { FastifyInstance, FastifyReply } from 'fastify';
import { isMizanError, errors } from '../../errors.js';
import type { FlowContext } from '../../pipeline/flow-context.js';
import type { ModelEntry } from '../../providers/model-registry.js';
import type { FinishReason, GenerateResult, StreamPart, Usage } from '../../providers/spec.js';
import type { Platform } from '../../platform.js';
import { toMizanError } from '../errors.js';
import { runFlow } from '../flow.js';
import { completionBody, createChunkSerializer } from '../openai/chat-response.js';
import { parseChatRequest } from '../openai/chat-request.js';
import { mizanExtension } from '../openai/mizan-extension.js';
import { createSseWriter } from '../sse-writer.js';

const ROUTE = '/v1/chat/completions';

export function chatCompletionsRoute(app: FastifyInstance, platform: Platform): void {
  app.post(ROUTE, async (request, reply) => {
    const operation = parseChatRequest(request.body);
    const { ctx } = await runFlow(platform, request, reply, operation);
    const outcome = ctx.outcome;
    if (outcome?.kind === 'stream') return streamAnswer(platform, reply, ctx, outcome.entry, outcome.parts);
    const whole =
      outcome?.kind === 'completion'
        ? outcome.result
        : outcome?.kind === 'held' || outcome?.kind === 'guarded'
          ? ({ text: outcome.message, finishReason: 'stop' } satisfies GenerateResult)
          : undefined;
    if (!outcome || !whole) throw errors.internal('no_outcome', 'the pipeline produced no answer');
    const entry = 'entry' in outcome ? outcome.entry : undefined;
    if (operation.stream) return streamAnswer(platform, reply, ctx, entry, asStream(whole));
    return completionBody(ctx, entry, whole);
  });
}

/**
 * A whole answer sent to a client that asked for a stream — one generated whole so it could be checked or held
 * before release, or the message that it is held — as one content chunk.
 */
async function* asStream(result: GenerateResult): AsyncGenerator<StreamPart> {
  if (result.text) yield { type: 'text-delta', delta: result.text };
  if (result.toolCalls) {
    yield {
      type: 'tool-call-delta',
      toolCalls: result.toolCalls.map((call, index) => ({ index, ...(call as object) })),
    };
  }
  yield { type: 'finish', reason: result.finishReason };
  if (result.usage) yield { type: 'usage', usage: result.usage };
}

/**
 * Relays a stream in OpenAI's SSE format: a role chunk, content chunks, a finish chunk, the usage chunk when
 * asked for, then Mizan's extension chunk and `[DONE]`. A failure after the first byte cannot change the
 * status any more, so it is sent as an `error` event, as OpenAI does.
 */
async function streamAnswer(
  platform: Platform,
  reply: FastifyReply,
  ctx: FlowContext,
  entry: ModelEntry | undefined,
  parts: AsyncIterable<StreamPart>,
): Promise<void> {
  const operation = ctx.operation;
  const includeUsage = operation.kind === 'chat' && operation.includeUsage;
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  const sse = createSseWriter(response, ctx.signal);
  const chunk = createChunkSerializer(ctx, entry);
  const started = performance.now();
  let status = 200;
  let finish: FinishReason | undefined;
  let usage: Usage | undefined;
  try {
    if (!(await sse.event(chunk.delta({ role: 'assistant', content: '' })))) return;
    for await (const part of parts) {
      let written = true;
      switch (part.type) {
        case 'text-delta':
          written = await sse.event(chunk.delta({ content: part.delta }));
          break;
        case 'tool-call-delta':
          written = await sse.event(chunk.delta({ tool_calls: part.toolCalls }));
          break;
        case 'finish':
          finish = part.reason;
          written = await sse.event(chunk.finish(part.reason));
          break;
        case 'usage':
          usage = part.usage;
          break;
      }
      if (!written) return;
    }
    if (finish === undefined) await sse.event(chunk.finish('stop'));
    if (includeUsage && usage) await sse.event(chunk.usage(usage));
    await sse.event(chunk.extension(mizanExtension(ctx, entry)));
    await sse.event('[DONE]');
  } catch (error) {
    if (ctx.signal.aborted) return;
    const mizanError = isMizanError(error) ? error : toMizanError(error);
    status = mizanError.status;
    platform.metrics.countError(mizanError.code);
    reply.log.warn({ code: mizanError.code }, 'stream failed after the first byte');
    await sse.event(JSON.stringify(mizanError.toJSON()));
  } finally {
    sse.end();
    // A streamed answer's tokens are known only now; a sandbox counts them against its quota.
    const sandboxId = ctx.principal?.sandboxId;
    if (sandboxId && usage && ctx.outcome?.kind === 'stream') {
      await platform.oversight.sandboxes
        .addTokens(sandboxId, usage.totalTokens)
        .catch((error: unknown) => reply.log.error({ err: error }, 'sandbox token count failed'));
    }
    platform.metrics.observeRequest(
      ROUTE,
      'POST',
      ctx.signal.aborted ? 499 : status,
      (performance.now() - started) / 1000,
    );
  }
}
