/**
 * A scriptable OpenAI-compatible upstream for the gateway's tests and the benchmark. It is a real HTTP server
 * (not a mock of fetch) so that the gateway's sockets, keep-alive, timeouts and cancellation are exercised for
 * real. Behaviours are queued per request; the request path is kept lean because the benchmark measures through it.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface UpstreamBehaviour {
  /** Reply text; streamed in `chunks` pieces (default: split into ~4 pieces by words) */
  content?: string;
  /** Explicit stream pieces (overrides content splitting); their concatenation is the non-streamed content. */
  chunks?: string[];
  /** Reply this HTTP status with an OpenAI error body {error:{message,type,code}} (e.g. 500, 429, 400). */
  status?: number;
  /** Retry-After header, sent alongside `status` (429/503). */
  retryAfterSeconds?: number;
  /** Wait before sending response headers. */
  delayMs?: number;
  /** Wait before each streamed content piece. */
  chunkDelayMs?: number;
  /** Destroy the socket without replying (connection reset). */
  reset?: boolean;
  /** Accept and never reply (until the server closes). */
  hang?: boolean;
  /** Streaming: send the role chunk and N content pieces, then stall forever without ending. */
  stallAfterChunks?: number;
  /**
   * Streaming: send the role chunk and N content pieces, then reset the connection (a server that died mid-answer);
   * with `chunkDelayMs`, the reset comes that long after the last piece.
   */
  disconnectAfterChunks?: number;
  /** Streaming: send the role chunk and N content pieces, then end the response cleanly, without finish or [DONE]. */
  endAfterChunks?: number;
  /** Non-streaming: send the headers and half the JSON body, then reset the connection. */
  cutBody?: boolean;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Default 'stop'. */
  finishReason?: string;
  /** For /v1/embeddings (default a fixed 8-dim vector derived from the input). */
  embedding?: number[];
  /**
   * Decides the reply from the request's last user message, e.g. an upstream biased on purpose against one group;
   * its result replaces this behaviour.
   */
  decide?: (lastUserMessage: string) => UpstreamBehaviour;
}

export interface RecordedRequest {
  method: string;
  /** The request target as received, query string included. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  receivedAt: number;
  /** The client closed the connection before we finished the response. */
  aborted: boolean;
}

export interface TestUpstream {
  /** e.g. http://127.0.0.1:PORT/v1 (the base URL a client appends /chat/completions to) */
  url: string;
  port: number;
  /** Every request received, in order (empty when recording is off). */
  requests: RecordedRequest[];
  /** Queue behaviours consumed one per request, any endpoint (FIFO); when empty, `setDefault`'s behaviour applies. */
  enqueue(...behaviours: UpstreamBehaviour[]): void;
  setDefault(behaviour: UpstreamBehaviour): void;
  /** Resolves when the N-th request (1-based) has been aborted by the client, or rejects after timeoutMs. */
  waitForAbort(index: number, timeoutMs?: number): Promise<void>;
  /** Clear queue, records and default. */
  reset(): void;
  /** Closes every socket, including hung ones. */
  close(): Promise<void>;
}

export interface TestUpstreamOptions {
  models?: string[];
  /** Default true; the benchmark turns it off. */
  record?: boolean;
}

const DEFAULT_CONTENT = 'Hello from the Mizan test upstream.';
const EMBEDDING_DIMENSIONS = 8;

interface AbortWaiter {
  index: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export async function startTestUpstream(options: TestUpstreamOptions = {}): Promise<TestUpstream> {
  const models = options.models ?? ['test-model'];
  const record = options.record ?? true;
  const requests: RecordedRequest[] = [];
  const queue: UpstreamBehaviour[] = [];
  let fallback: UpstreamBehaviour = {};
  let waiters: AbortWaiter[] = [];
  let closing = false;
  let sequence = 0;

  const settleWaiters = (): void => {
    waiters = waiters.filter((waiter) => {
      if (!requests[waiter.index - 1]?.aborted) return true;
      clearTimeout(waiter.timer);
      waiter.resolve();
      return false;
    });
  };

  const server = createServer((req, res) => {
    // Taken on arrival so the N-th request always gets the N-th queued behaviour, whatever its body size.
    const behaviour = queue.shift() ?? fallback;
    const entry: RecordedRequest | undefined = record
      ? {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: { ...req.headers },
          body: undefined,
          receivedAt: Date.now(),
          aborted: false,
        }
      : undefined;
    if (entry) requests.push(entry);

    const controller = new AbortController();
    let resetByUs = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      controller.abort();
      // Resets we scripted and our own shutdown are not client aborts.
      if (entry && !resetByUs && !closing) {
        entry.aborted = true;
        settleWaiters();
      }
    });

    const context: ReplyContext = {
      req,
      res,
      behaviour,
      signal: controller.signal,
      models,
      id: `${(++sequence).toString(36)}${Date.now().toString(36)}`,
      entry,
      resetSocket: () => {
        resetByUs = true;
        req.socket.resetAndDestroy();
      },
    };
    handle(context).catch((error: unknown) => {
      if (controller.signal.aborted) return;
      if (res.headersSent) res.destroy();
      else sendError(res, 500, `Test upstream failed: ${String(error)}`);
    });
  });
  // Keep-alive is on by default; outliving clients' idle timeouts (undici: 4s) means we never close a socket
  // a pooled client is about to reuse.
  server.keepAliveTimeout = 65_000;

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    waitForAbort: (index, timeoutMs = 2000) => {
      if (!record) return Promise.reject(new Error('waitForAbort needs recording; start with record: true'));
      if (requests[index - 1]?.aborted) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter.timer !== timer);
          reject(new Error(`Request #${index} was not aborted within ${timeoutMs}ms`));
        }, timeoutMs);
        waiters.push({ index, resolve, reject, timer });
      });
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      fallback = {};
    },
    close: async () => {
      closing = true;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`Test upstream closed before request #${waiter.index} was aborted`));
      }
      waiters = [];
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

interface ReplyContext {
  req: IncomingMessage;
  res: ServerResponse;
  behaviour: UpstreamBehaviour;
  signal: AbortSignal;
  models: string[];
  id: string;
  entry: RecordedRequest | undefined;
  resetSocket: () => void;
}

function lastUserMessage(body: unknown): string {
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
  const last = messages.filter((m) => isRecord(m) && m.role === 'user').at(-1) as
    { content?: unknown } | undefined;
  return typeof last?.content === 'string' ? last.content : '';
}

async function handle(context: ReplyContext): Promise<void> {
  const { req, res, signal, entry } = context;
  const raw = await readBody(req);
  let body: unknown;
  let invalidJson = false;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
      invalidJson = true;
    }
  }
  if (entry) entry.body = body;
  const behaviour = context.behaviour.decide?.(lastUserMessage(body)) ?? context.behaviour;
  context.behaviour = behaviour;

  if (behaviour.reset) return context.resetSocket();
  // The response is left open; close() or the client ends it.
  if (behaviour.hang) return;
  if (behaviour.delayMs) await sleep(behaviour.delayMs, undefined, { signal });

  if (behaviour.status !== undefined) {
    return sendError(
      res,
      behaviour.status,
      `Scripted upstream error ${behaviour.status}`,
      behaviour.retryAfterSeconds,
    );
  }
  if (invalidJson) return sendError(res, 400, 'We could not parse the JSON body of your request.');

  const route = `${req.method} ${(req.url ?? '').split('?', 1)[0]}`;
  const request = isRecord(body) ? body : {};
  switch (route) {
    case 'POST /v1/chat/completions':
      return request.stream === true ? streamChat(context, request) : sendChat(context, request);
    case 'POST /v1/embeddings':
      return sendEmbeddings(context, request);
    case 'GET /v1/models':
      return sendJson(res, 200, {
        object: 'list',
        data: context.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'mizan-test' })),
      });
    default:
      return sendError(res, 404, `Unknown route ${route}`);
  }
}

function sendChat(context: ReplyContext, request: Record<string, unknown>): void {
  const { behaviour } = context;
  const pieces = piecesOf(behaviour);
  const completion = {
    id: `chatcmpl-${context.id}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model: modelOf(request, context.models),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: pieces.join(''), refusal: null },
        logprobs: null,
        finish_reason: behaviour.finishReason ?? 'stop',
      },
    ],
    usage: usageOf(behaviour, request, pieces),
  };
  if (!behaviour.cutBody) return sendJson(context.res, 200, completion);
  const text = JSON.stringify(completion);
  context.res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  context.res.write(text.slice(0, text.length >> 1), () => context.resetSocket());
}

async function streamChat(context: ReplyContext, request: Record<string, unknown>): Promise<void> {
  const { res, behaviour, signal } = context;
  const pieces = piecesOf(behaviour);
  const base = {
    id: `chatcmpl-${context.id}`,
    object: 'chat.completion.chunk',
    created: nowSeconds(),
    model: modelOf(request, context.models),
  };
  const event = (choices: unknown[], extra?: Record<string, unknown>): string =>
    `data: ${JSON.stringify({ ...base, choices, ...extra })}\n\n`;
  const choice = (delta: Record<string, string>, finishReason: string | null): unknown => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });

  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  // Writes stay synchronous unless backpressure or a scripted delay intervenes, so Node coalesces them.
  if (!res.write(event([choice({ role: 'assistant', content: '' }, null)]))) await drained(res, signal);
  for (const [index, piece] of pieces.entries()) {
    // Headers and N pieces are out; returning leaves the response open until close() or the client ends it.
    if (index === behaviour.stallAfterChunks) return;
    if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs, undefined, { signal });
    // After the delay, so that the client has read the pieces sent before (a reset discards unread bytes).
    if (index === behaviour.disconnectAfterChunks) return context.resetSocket();
    if (index === behaviour.endAfterChunks) return void res.end();
    if (!res.write(event([choice({ content: piece }, null)]))) await drained(res, signal);
  }
  if (behaviour.stallAfterChunks !== undefined) return;
  let tail = event([choice({}, behaviour.finishReason ?? 'stop')]);
  if (isRecord(request.stream_options) && request.stream_options.include_usage === true) {
    tail += event([], { usage: usageOf(behaviour, request, pieces) });
  }
  res.end(`${tail}data: [DONE]\n\n`);
}

function sendEmbeddings(context: ReplyContext, request: Record<string, unknown>): void {
  const { res, behaviour } = context;
  const input = request.input;
  const inputs = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(inputs) || !inputs.every((item): item is string => typeof item === 'string')) {
    return sendError(res, 400, "'input' must be a string or an array of strings.");
  }
  // The official client asks for base64 (little-endian float32) unless the caller picks a format.
  const base64 = request.encoding_format === 'base64';
  sendJson(res, 200, {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = behaviour.embedding ?? embeddingOf(text);
      return {
        object: 'embedding',
        index,
        embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
      };
    }),
    model: modelOf(request, context.models),
    usage: {
      prompt_tokens: roughTokens(inputs.join('').length),
      total_tokens: roughTokens(inputs.join('').length),
    },
  });
}

/** A deterministic unit vector so tests can tell inputs apart and compare similarities. */
function embeddingOf(text: string): number[] {
  const vector: number[] = [];
  for (let dimension = 0; dimension < EMBEDDING_DIMENSIONS; dimension++) {
    // FNV-1a, seeded per dimension.
    let hash = (2166136261 ^ dimension) >>> 0;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    vector.push(hash / 0xffffffff - 0.5);
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function piecesOf(behaviour: UpstreamBehaviour): string[] {
  if (behaviour.chunks) return behaviour.chunks;
  const content = behaviour.content ?? DEFAULT_CONTENT;
  if (content === '') return [];
  // Words keep their trailing whitespace so the pieces concatenate back to the exact content.
  const words = content.split(/(?<=\s)(?=\S)/);
  const perPiece = Math.ceil(words.length / 4);
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += perPiece) pieces.push(words.slice(i, i + perPiece).join(''));
  return pieces;
}

function usageOf(
  behaviour: UpstreamBehaviour,
  request: Record<string, unknown>,
  pieces: string[],
): { prompt_tokens: number; completion_tokens: number; total_tokens: number } {
  const { prompt_tokens, completion_tokens } = behaviour.usage ?? {
    prompt_tokens: roughTokens(promptCharacters(request.messages)),
    completion_tokens: pieces.length,
  };
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

function promptCharacters(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  let characters = 0;
  for (const message of messages) {
    if (!isRecord(message)) continue;
    const { content } = message;
    if (typeof content === 'string') characters += content.length;
    else if (Array.isArray(content)) {
      for (const part of content)
        if (isRecord(part) && typeof part.text === 'string') characters += part.text.length;
    }
  }
  return characters;
}

const roughTokens = (characters: number): number => Math.ceil(characters / 4);

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function modelOf(request: Record<string, unknown>, models: string[]): string {
  return typeof request.model === 'string' ? request.model : (models[0] ?? 'test-model');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function drained(res: ServerResponse, signal: AbortSignal): Promise<void> {
  await once(res, 'drain', { signal });
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers?: Record<string, string>,
): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const ERROR_TYPES: Record<number, [type: string, code: string]> = {
  400: ['invalid_request_error', 'invalid_request'],
  401: ['authentication_error', 'invalid_api_key'],
  403: ['permission_error', 'permission_denied'],
  404: ['not_found_error', 'not_found'],
  429: ['rate_limit_error', 'rate_limit_exceeded'],
  503: ['server_error', 'service_unavailable'],
};

function sendError(res: ServerResponse, status: number, message: string, retryAfterSeconds?: number): void {
  const [type, code] =
    ERROR_TYPES[status] ??
    (status >= 500 ? ['server_error', 'server_error'] : ['invalid_request_error', 'invalid_request']);
  sendJson(
    res,
    status,
    { error: { message, type, code, param: null } },
    retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) },
  );
}
