/**
 * The provider specification: types only, no HTTP. Every model server (an OpenAI-compatible upstream, the
 * built-in answerer, later an in-process engine) implements `ModelProvider`; everything above this line
 * speaks only these types, never a vendor's wire format.
 */

import type { Passage } from '../corpus/types.js';

export const PROVIDER_SPEC = 'mizan.v1' as const;

/** Where a provider runs: the transfer rules of Law 09-08 are decided on this. */
export interface Hosting {
  operator: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  sovereign: boolean;
}

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export type ContentPart = { type: 'text'; text: string } | { type: string; [field: string]: unknown };

/** The message format of the gateway's API, which is OpenAI's; providers convert it at their edge if needed. */
export interface ChatMessage {
  role: ChatRole;
  content: string | ContentPart[] | null;
  name?: string;
  tool_calls?: unknown[];
  tool_call_id?: string;
}

/** Generation parameters the gateway validated; providers forward those they support. */
export interface GenerationParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string | string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  response_format?: unknown;
  tools?: unknown[];
  tool_choice?: unknown;
  [other: string]: unknown;
}

export interface CallOptions {
  /** The model's name at the provider (after Mizan's id → upstream name mapping). */
  model: string;
  messages: ChatMessage[];
  params: GenerationParams;
  /** The user's language label when known, e.g. `ary_Latn`; the built-in answerer replies in it. */
  language?: string | null;
  /** Aborted when the client disconnects or the flow is cancelled: the provider must stop its work. */
  signal: AbortSignal;
  /**
   * Passages retrieved from the governed corpus, best first, numbered from 1 in this order in the answer's
   * citations. Undefined when there is no corpus to search; empty when nothing matched. Model servers receive
   * them as a system message; the built-in answerer quotes them.
   */
  passages?: readonly Passage[] | undefined;
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'error' | 'other';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface GenerateResult {
  text: string;
  toolCalls?: unknown[];
  finishReason: FinishReason;
  /** The provider's own finish reason, kept for audit when it was mapped to `other`. */
  rawFinishReason?: string;
  usage?: Usage;
}

/** A stream is a sequence of these parts; providers raise a `MizanError` to end it in failure. */
export type StreamPart =
  | { type: 'text-delta'; delta: string }
  | { type: 'tool-call-delta'; toolCalls: unknown[] }
  | { type: 'finish'; reason: FinishReason; raw?: string }
  | { type: 'usage'; usage: Usage };

export interface EmbedResult {
  embeddings: number[][];
  usage?: Usage;
}

export interface ModelProvider {
  readonly spec: typeof PROVIDER_SPEC;
  readonly id: string;
  readonly type: string;
  readonly hosting: Hosting;
  generate(options: CallOptions): Promise<GenerateResult>;
  /**
   * Resolves once the first part has arrived, so that a failure before the first byte can still be retried
   * or handed to a fallback model; after that, failures surface from the iterator.
   */
  stream(options: CallOptions): Promise<AsyncIterable<StreamPart>>;
  /** Absent when the provider serves no embedding model. */
  embed?(options: { model: string; input: string[]; signal: AbortSignal }): Promise<EmbedResult>;
  /** Rejects when the provider cannot serve now (readiness). */
  ping(signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
