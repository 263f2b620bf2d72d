import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configSchema, type LlamaCppProviderConfig } from '../../src/config/schema.js';
import { isMizanError } from '../../src/errors.js';
import { createLlamaCppProvider } from '../../src/providers/llama-cpp/provider.js';
import type { CallOptions, ModelProvider, StreamPart } from '../../src/providers/spec.js';
import { encodeTinyChatModel } from '../../scripts/models/tiny-chat-model.js';
import { startGateway } from '../support/gateway-harness.js';

const HOSTING = { operator: 'commune-test', country: 'MA', sovereign: true };

/** The reason to skip the engine's tests, or undefined where node-llama-cpp's prebuilt engine loads. */
async function engineUnavailable(): Promise<string | undefined> {
  try {
    const { getLlama } = await import('node-llama-cpp');
    await getLlama({ gpu: false, build: 'never', progressLogs: false });
    return undefined;
  } catch (error) {
    return `node-llama-cpp cannot run on this platform: ${(error as Error).message}`;
  }
}
const skip = await engineUnavailable();

/** A provider configuration as the loader would give it, defaults filled in. */
function providerConfig(fields: Record<string, unknown>): LlamaCppProviderConfig {
  const config = configSchema.parse({
    providers: [
      { id: 'edge', type: 'llama-cpp', hosting: HOSTING, threads: 1, context_size: 512, ...fields },
    ],
  }).providers[0];
  assert.equal(config?.type, 'llama-cpp');
  return config;
}

const ask = (params: CallOptions['params'], signal = new AbortController().signal): CallOptions => ({
  model: 'tiny',
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'Salam, fin kayn lbureau dyal lhala lmadaniya?' },
  ],
  params: { temperature: 0, ...params },
  signal,
});

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const textOf = (parts: StreamPart[]) => parts.map((p) => (p.type === 'text-delta' ? p.delta : '')).join('');

async function rejectsWithCode(promise: Promise<unknown>, code: string, status: number) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isMizanError(error), String(error));
    assert.equal(error.code, code);
    assert.equal(error.status, status);
    return true;
  });
}

describe('llama-cpp provider on a generated tiny GGUF model', { skip }, () => {
  let folder: string;
  let modelPath: string;
  /** One slot and one place in the queue. */
  let provider: ModelProvider;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'mizan-llama-cpp-'));
    modelPath = join(folder, 'tiny-chat.gguf');
    const model = encodeTinyChatModel();
    writeFileSync(modelPath, model);
    provider = createLlamaCppProvider(
      providerConfig({
        model_path: modelPath,
        model_sha256: createHash('sha256').update(model).digest('hex'),
        max_concurrency: 1,
        max_queue: 1,
      }),
    );
  });
  after(async () => {
    await provider?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('loads the model, its checksum verified, when pinged', async () => {
    await provider.ping(AbortSignal.timeout(30_000));
  });

  it('streams the answer in pieces, then its finish reason and token usage', async () => {
    const parts = await collect(await provider.stream(ask({ max_tokens: 12 })));
    const deltas = parts.filter((p) => p.type === 'text-delta');
    assert.ok(deltas.length > 1, 'the answer arrives in several pieces');
    assert.deepEqual(parts.at(-2), { type: 'finish', reason: 'length' });
    const usage = parts.at(-1);
    assert.equal(usage?.type, 'usage');
    assert.ok(usage.usage.promptTokens > 0);
    assert.equal(usage.usage.completionTokens, 12);
    assert.equal(usage.usage.totalTokens, usage.usage.promptTokens + 12);
    // Greedy decoding: the streamed answer is the one generate() gives.
    const whole = await provider.generate(ask({ max_tokens: 12 }));
    assert.equal(textOf(parts), whole.text);
    assert.ok(whole.text.trim().length > 0);
  });

  it('stops at max_tokens with finish reason length', async () => {
    const result = await provider.generate(ask({ max_tokens: 5 }));
    assert.equal(result.finishReason, 'length');
    assert.ok(result.usage && result.usage.completionTokens <= 5);
  });

  it('ends the answer before a stop sequence, with finish reason stop', async () => {
    const free = await provider.generate(ask({ max_tokens: 24 }));
    const words = free.text.trim().split(/\s+/u);
    assert.ok(words.length >= 4, free.text);
    const stop = ` ${words[3]}`;
    const expected = free.text.slice(0, free.text.indexOf(stop));
    const stopped = await provider.generate(ask({ max_tokens: 24, stop: ['@@never@@', stop] }));
    assert.equal(stopped.text, expected);
    assert.equal(stopped.finishReason, 'stop');
  });

  it('refuses a conversation longer than the context instead of dropping its start', async () => {
    const long = { ...ask({}), messages: [{ role: 'user' as const, content: 'salam '.repeat(400) }] };
    await rejectsWithCode(provider.generate(long), 'context_length_exceeded', 400);
  });

  it('stops generating when the client disconnects, and frees the slot for the next request', async () => {
    const client = new AbortController();
    const stream = await provider.stream(ask({}, client.signal));
    const iterator = stream[Symbol.asyncIterator]();
    assert.equal((await iterator.next()).value?.type, 'text-delta');
    client.abort();
    await rejectsWithCode(
      (async () => {
        for (let r = await iterator.next(); !r.done; r = await iterator.next());
      })(),
      'request_cancelled',
      499,
    );
    // With one slot, this answer comes only if the cancelled generation gave its slot back.
    const next = await provider.generate(ask({ max_tokens: 3 }));
    assert.equal(next.finishReason, 'length');
  });

  it('frees the slot when the reader stops reading a stream', async () => {
    for await (const part of await provider.stream(ask({}))) {
      assert.equal(part.type, 'text-delta');
      break;
    }
    assert.equal((await provider.generate(ask({ max_tokens: 2 }))).finishReason, 'length');
  });

  it('queues a second concurrent request behind the first, and answers both', async () => {
    const [first, second] = await Promise.all([
      provider.generate(ask({ max_tokens: 8 })),
      provider.generate(ask({ max_tokens: 8 })),
    ]);
    assert.equal(first.finishReason, 'length');
    assert.equal(second.finishReason, 'length');
    // Each request has a fresh sequence: the second does not continue the first's state.
    assert.equal(second.text, first.text);
  });

  it('refuses a request when the slot is busy and the queue is full', async () => {
    const busy = new AbortController();
    const running = await provider.stream(ask({}, busy.signal));
    const waiting = provider.generate(ask({ max_tokens: 2 }));
    try {
      await rejectsWithCode(provider.generate(ask({ max_tokens: 2 })), 'llama_cpp_busy', 503);
    } finally {
      busy.abort();
    }
    await assert.rejects(collect(running));
    assert.equal((await waiting).finishReason, 'length');
  });

  it('refuses a model file whose checksum differs from model_sha256', async () => {
    const altered = createLlamaCppProvider(
      providerConfig({ model_path: modelPath, model_sha256: '0'.repeat(64) }),
    );
    await rejectsWithCode(altered.generate(ask({})), 'llama_cpp_model_checksum_mismatch', 503);
  });

  it('answers a chat request through the gateway with a model served by llama-cpp', async () => {
    const gateway = await startGateway({
      providers: [
        {
          id: 'edge',
          type: 'llama-cpp',
          model_path: modelPath,
          context_size: 512,
          threads: 1,
          hosting: HOSTING,
        },
      ],
      models: [{ id: 'tiny', provider: 'edge', licence: 'Apache-2.0' }],
    });
    try {
      const completion = await gateway.client({ timeoutMs: 30_000 }).chat.completions.create({
        model: 'tiny',
        messages: [{ role: 'user', content: 'Salam, wach lbureau mhloul lyoum?' }],
        max_tokens: 8,
        temperature: 0,
      });
      const choice = completion.choices[0];
      assert.ok(choice?.message.content && choice.message.content.trim().length > 0);
      assert.equal(choice.finish_reason, 'length');
      assert.ok(completion.usage && completion.usage.completion_tokens <= 8);
      assert.ok(completion.usage.prompt_tokens > 0);
      const mizan = (completion as unknown as { mizan: { model: { provider: string } } }).mizan;
      assert.equal(mizan.model.provider, 'edge');
    } finally {
      await gateway.close();
    }
  });
});

describe('llama-cpp provider without its engine or its model', () => {
  it('answers a structured error naming the optional package when node-llama-cpp is not installed', async () => {
    const missing = Object.assign(
      new Error("Cannot find package 'node-llama-cpp' imported from provider.js"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    );
    const provider = createLlamaCppProvider(providerConfig({ model_path: '/nowhere/model.gguf' }), {
      importModule: () => Promise.reject(missing),
    });
    await rejectsWithCode(provider.generate(ask({})), 'llama_cpp_not_installed', 503);
    await assert.rejects(provider.ping(AbortSignal.timeout(1_000)), /npm install node-llama-cpp/);
  });

  it(
    'answers a structured error without revealing the path when the model file is missing',
    { skip },
    async () => {
      const provider = createLlamaCppProvider(providerConfig({ model_path: '/nowhere/secret-name.gguf' }));
      await assert.rejects(provider.generate(ask({})), (error: unknown) => {
        assert.ok(isMizanError(error));
        assert.equal(error.code, 'llama_cpp_model_not_found');
        assert.doesNotMatch(error.message, /secret-name/);
        return true;
      });
    },
  );
});
