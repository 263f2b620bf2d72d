import type { StreamPart } from '../../providers/spec.js';

/**
 * Passes a stream on unchanged and, once it has ended, hands its whole text to `ended`: how the checks that read a
 * complete answer (grounding, stereotypes, sampling for review) follow a streamed one.
 */
export async function* whenStreamEnds(
  parts: AsyncIterable<StreamPart>,
  ended: (text: string) => unknown,
): AsyncGenerator<StreamPart> {
  let text = '';
  for await (const part of parts) {
    if (part.type === 'text-delta') text += part.delta;
    yield part;
  }
  await ended(text);
}
