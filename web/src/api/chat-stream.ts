import type { MizanExtension } from '../../../src/server/openai/mizan-extension.js';
import { failure, send } from './client.js';

export type { MizanExtension };
export type Citation = MizanExtension['citations'][number];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StreamedAnswer {
  content: string;
  finishReason: string | null;
  mizan: MizanExtension | undefined;
  model: string | undefined;
}

interface Chunk {
  model?: string;
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  mizan?: MizanExtension;
  error?: { message?: string; code?: string };
}

/**
 * Streams a chat completion (server-sent events, as OpenAI's API sends them): `onText` gets the answer as it
 * grows; the answer's `mizan` object comes in the chunk before `[DONE]`.
 */
export async function streamChat(
  body: { model: string; messages: ChatMessage[]; user?: string },
  options: {
    bearer?: string | null;
    signal?: AbortSignal;
    headers?: Record<string, string>;
    /** Each chunk as the server sent it (the developer playground shows the last one). */
    onChunk?: (chunk: unknown) => void;
  },
  onText: (content: string) => void,
): Promise<StreamedAnswer> {
  const { onChunk, ...request } = options;
  const response = await send('/v1/chat/completions', {
    method: 'POST',
    body: { ...body, stream: true },
    ...request,
  });
  if (!response.ok || !response.body) throw await failure(response);
  const answer: StreamedAnswer = { content: '', finishReason: null, mizan: undefined, model: undefined };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (!data || data === '[DONE]') continue;
      const chunk = JSON.parse(data) as Chunk;
      onChunk?.(chunk);
      if (chunk.error) throw new Error(chunk.error.message ?? 'the answer was interrupted');
      answer.model ??= chunk.model;
      if (chunk.mizan) answer.mizan = chunk.mizan;
      for (const choice of chunk.choices ?? []) {
        if (choice.delta?.content) {
          answer.content += choice.delta.content;
          onText(answer.content);
        }
        if (choice.finish_reason) answer.finishReason = choice.finish_reason;
      }
    }
  }
  return answer;
}
