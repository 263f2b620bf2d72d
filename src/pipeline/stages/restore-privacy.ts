import {
  createStreamRestorer,
  restoreJson,
  restoreText,
  type StreamRestorer,
} from '../../privacy/restore.js';
import type { ConversationVault } from '../../privacy/vault.js';
import type { StreamPart } from '../../providers/spec.js';
import type { Stage } from '../pipeline.js';

/**
 * Puts the user's own values back in place of their pseudonyms in the answer, text and tool calls alike. Only
 * this conversation's pseudonyms are restored: a token the model invents stays a token.
 */
export const restorePrivacy = (): Stage => ({
  name: 'restore-privacy',
  run(ctx) {
    const outcome = ctx.outcome;
    const vault = ctx.privacy?.vault;
    if (!vault || vault.size === 0 || !outcome) return ctx;
    if (outcome.kind === 'completion') {
      const { text, toolCalls } = outcome.result;
      const result = {
        ...outcome.result,
        text: restoreText(text, vault),
        ...(toolCalls ? { toolCalls: restoreJson(toolCalls, vault) } : {}),
      };
      return { ...ctx, outcome: { ...outcome, result } };
    }
    if (outcome.kind === 'stream')
      return { ...ctx, outcome: { ...outcome, parts: restoring(outcome.parts, vault) } };
    return ctx;
  },
});

interface StreamedToolCall {
  index?: number;
  function?: { arguments?: string };
}

/**
 * Restores a stream piece by piece. A pseudonym split across chunks is held back only until it is complete;
 * the held text is released before the finish part, so nothing is lost or reordered.
 */
async function* restoring(
  parts: AsyncIterable<StreamPart>,
  vault: ConversationVault,
): AsyncGenerator<StreamPart> {
  const text = createStreamRestorer(vault);
  const argumentsByCall = new Map<number, StreamRestorer>();
  const releaseText = function* (): Generator<StreamPart> {
    const held = text.flush();
    if (held) yield { type: 'text-delta', delta: held };
  };
  const releaseAll = function* (): Generator<StreamPart> {
    yield* releaseText();
    for (const [index, restorer] of argumentsByCall) {
      const held = restorer.flush();
      if (held) yield { type: 'tool-call-delta', toolCalls: [{ index, function: { arguments: held } }] };
    }
    argumentsByCall.clear();
  };
  for await (const part of parts) {
    switch (part.type) {
      case 'text-delta': {
        const delta = text.push(part.delta);
        if (delta) yield { type: 'text-delta', delta };
        break;
      }
      case 'tool-call-delta':
        yield* releaseText();
        yield {
          type: 'tool-call-delta',
          toolCalls: part.toolCalls.map((call) => restoreCall(call, argumentsByCall, vault)),
        };
        break;
      case 'finish':
        yield* releaseAll();
        yield part;
        break;
      default:
        yield part;
    }
  }
  yield* releaseAll();
}

function restoreCall(
  call: unknown,
  restorers: Map<number, StreamRestorer>,
  vault: ConversationVault,
): unknown {
  const { index = 0, function: fn } = call as StreamedToolCall;
  if (typeof fn?.arguments !== 'string') return call;
  let restorer = restorers.get(index);
  if (!restorer) restorers.set(index, (restorer = createStreamRestorer(vault, { json: true })));
  return { ...(call as object), function: { ...fn, arguments: restorer.push(fn.arguments) } };
}
