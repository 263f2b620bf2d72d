import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import OpenAI from 'openai';
import { startTestUpstream } from './test-upstream.js';
import type { TestUpstream } from './test-upstream.js';

describe('test upstream', () => {
  let upstream: TestUpstream;
  let client: OpenAI;

  before(async () => {
    upstream = await startTestUpstream({ models: ['test-model', 'other-model'] });
    client = new OpenAI({ baseURL: upstream.url, apiKey: 'x', maxRetries: 0 });
  });
  beforeEach(() => upstream.reset());
  after(() => upstream.close());

  it('answers a non-streaming completion in OpenAI shape with usage', async () => {
    upstream.enqueue({
      content: 'Salam from the upstream',
      usage: { prompt_tokens: 7, completion_tokens: 3 },
    });
    const completion = await client.chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'hi' }],
    });
    assert.match(completion.id, /^chatcmpl-/);
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, 'gpt-test');
    assert.equal(typeof completion.created, 'number');
    assert.deepEqual(completion.choices[0]?.message.role, 'assistant');
    assert.equal(completion.choices[0]?.message.content, 'Salam from the upstream');
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(completion.usage, { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
  });

  it('estimates usage when none is scripted', async () => {
    upstream.enqueue({ chunks: ['a', 'b', 'c'], finishReason: 'length' });
    const completion = await client.chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: '12345678' }],
    });
    assert.equal(completion.choices[0]?.message.content, 'abc');
    assert.equal(completion.choices[0]?.finish_reason, 'length');
    assert.deepEqual(completion.usage, { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
  });

  it('streams the content in pieces and adds a usage chunk when asked', async () => {
    const content = 'one two three four five six seven eight';
    upstream.enqueue({ content });
    const stream = await client.chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    assert.ok(
      chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'gpt-test'),
    );
    assert.deepEqual(chunks[0]?.choices[0]?.delta, { role: 'assistant', content: '' });
    const pieces = chunks.slice(1, -2).map((chunk) => chunk.choices[0]?.delta.content);
    assert.equal(pieces.length, 4);
    assert.equal(pieces.join(''), content);
    const finish = chunks.at(-2);
    assert.deepEqual(finish?.choices[0]?.delta, {});
    assert.equal(finish?.choices[0]?.finish_reason, 'stop');
    const usage = chunks.at(-1);
    assert.deepEqual(usage?.choices, []);
    assert.deepEqual(usage?.usage, { prompt_tokens: 2, completion_tokens: 4, total_tokens: 6 });
  });

  it('sends no usage chunk unless include_usage is set', async () => {
    upstream.enqueue({ chunks: ['x', 'y'], chunkDelayMs: 5 });
    const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    assert.equal(chunks.length, 4);
    assert.ok(chunks.every((chunk) => chunk.usage === undefined && chunk.choices.length === 1));
  });

  it('replies a scripted 500 as an OpenAI error', async () => {
    upstream.enqueue({ status: 500 });
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    assert.ok(error instanceof OpenAI.APIError);
    assert.equal(error.status, 500);
    assert.equal(error.type, 'server_error');
  });

  it('replies 429 with Retry-After', async () => {
    upstream.enqueue({ status: 429, retryAfterSeconds: 7 });
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    assert.ok(error instanceof OpenAI.RateLimitError);
    assert.equal(error.headers?.get('retry-after'), '7');
    assert.equal(error.code, 'rate_limit_exceeded');
  });

  it('rejects invalid JSON with a 400 in OpenAI shape', async () => {
    const response = await fetch(`${upstream.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { type: string; code: string; message: string } };
    assert.equal(body.error.type, 'invalid_request_error');
    assert.equal(typeof body.error.message, 'string');
    assert.equal(upstream.requests[0]?.body, '{not json');
  });

  it('resets the connection', async () => {
    upstream.enqueue({ reset: true });
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    assert.ok(error instanceof OpenAI.APIConnectionError);
    assert.ok(!(error instanceof OpenAI.APIConnectionTimeoutError));
    assert.equal(upstream.requests[0]?.aborted, false);
  });

  it('hangs until the client times out, which counts as an abort', async () => {
    upstream.enqueue({ hang: true });
    const started = Date.now();
    const error = await client.chat.completions
      .create({ model: 'm', messages: [] }, { timeout: 150 })
      .catch((e: unknown) => e);
    assert.ok(error instanceof OpenAI.APIConnectionTimeoutError);
    assert.ok(Date.now() - started >= 140);
    await upstream.waitForAbort(1);
  });

  it('delays the response headers', async () => {
    upstream.enqueue({ delayMs: 100 });
    const started = Date.now();
    await client.chat.completions.create({ model: 'm', messages: [] });
    assert.ok(Date.now() - started >= 95);
  });

  it('stalls a stream after N chunks; aborting it is observed upstream', async () => {
    upstream.enqueue({ chunks: ['a', 'b', 'c', 'd'], stallAfterChunks: 2 });
    const stream = await client.chat.completions.create({ model: 'm', messages: [], stream: true });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    // The client ends iteration quietly once aborted; the 50ms grace shows nothing more was coming.
    for await (const chunk of stream) {
      chunks.push(chunk);
      if (chunks.length === 3) setTimeout(() => stream.controller.abort(), 50);
    }
    const pieces = chunks.slice(1).map((chunk) => chunk.choices[0]?.delta.content);
    assert.deepEqual(pieces, ['a', 'b']);
    await upstream.waitForAbort(1);
    assert.equal(upstream.requests[0]?.aborted, true);
  });

  it('rejects waitForAbort when the request is not aborted in time', async () => {
    await client.chat.completions.create({ model: 'm', messages: [] });
    await assert.rejects(upstream.waitForAbort(1, 50), /not aborted within 50ms/);
    assert.equal(upstream.requests[0]?.aborted, false);
  });

  it('records every request with method, path, headers and body, in order', async () => {
    upstream.enqueue({ content: 'first' }, { content: 'second' });
    const first = await client.chat.completions.create({
      model: 'a',
      messages: [{ role: 'user', content: '1' }],
    });
    const second = await client.chat.completions.create({
      model: 'b',
      messages: [{ role: 'user', content: '2' }],
    });
    const third = await client.chat.completions.create({ model: 'c', messages: [] });
    assert.deepEqual(
      [first, second, third].map((completion) => completion.choices[0]?.message.content),
      ['first', 'second', 'Hello from the Mizan test upstream.'],
    );
    assert.equal(upstream.requests.length, 3);
    const [request] = upstream.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/v1/chat/completions');
    assert.equal(request?.headers.authorization, 'Bearer x');
    assert.deepEqual(request?.body, { model: 'a', messages: [{ role: 'user', content: '1' }] });
    assert.equal(typeof request?.receivedAt, 'number');
    assert.deepEqual(
      upstream.requests.map((recorded) => (recorded.body as { model: string }).model),
      ['a', 'b', 'c'],
    );
  });

  it('applies setDefault once the queue is empty, until reset', async () => {
    upstream.setDefault({ content: 'default reply' });
    upstream.enqueue({ content: 'queued reply' });
    const replies: (string | null | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const completion = await client.chat.completions.create({ model: 'm', messages: [] });
      replies.push(completion.choices[0]?.message.content);
    }
    assert.deepEqual(replies, ['queued reply', 'default reply', 'default reply']);
    upstream.reset();
    assert.equal(upstream.requests.length, 0);
    const completion = await client.chat.completions.create({ model: 'm', messages: [] });
    assert.equal(completion.choices[0]?.message.content, 'Hello from the Mizan test upstream.');
  });

  it('lists the configured models', async () => {
    const models = await client.models.list();
    assert.deepEqual(
      models.data.map((model) => [model.id, model.object]),
      [
        ['test-model', 'model'],
        ['other-model', 'model'],
      ],
    );
  });

  it('returns embeddings in OpenAI shape, as floats or base64', async () => {
    const floats = await client.embeddings.create({
      model: 'embed',
      input: ['alpha', 'beta'],
      encoding_format: 'float',
    });
    assert.equal(floats.object, 'list');
    assert.equal(floats.model, 'embed');
    assert.deepEqual(
      floats.data.map((item) => [item.object, item.index, item.embedding.length]),
      [
        ['embedding', 0, 8],
        ['embedding', 1, 8],
      ],
    );
    assert.notDeepEqual(floats.data[0]?.embedding, floats.data[1]?.embedding);
    assert.deepEqual(floats.usage, { prompt_tokens: 3, total_tokens: 3 });

    // Without encoding_format the client asks for base64 and decodes it back to float32.
    const decoded = await client.embeddings.create({ model: 'embed', input: 'alpha' });
    const expected = Array.from(new Float32Array(floats.data[0]?.embedding ?? []));
    assert.deepEqual(decoded.data[0]?.embedding, expected);

    upstream.enqueue({ embedding: [1, 0, 0] });
    const scripted = await client.embeddings.create({ model: 'embed', input: 'x', encoding_format: 'float' });
    assert.deepEqual(scripted.data[0]?.embedding, [1, 0, 0]);
  });

  it('closes hung sockets on close', async () => {
    const own = await startTestUpstream();
    own.setDefault({ hang: true });
    const ownClient = new OpenAI({ baseURL: own.url, apiKey: 'x', maxRetries: 0 });
    const pending = ownClient.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    // Close only once the request is in, so it is still hanging when we do.
    while (own.requests[0]?.body === undefined) await new Promise((resolve) => setImmediate(resolve));
    await own.close();
    assert.ok((await pending) instanceof OpenAI.APIConnectionError);
    assert.equal(own.requests[0]?.aborted, false);
  });

  it('records nothing when recording is off', async () => {
    const own = await startTestUpstream({ record: false });
    try {
      const ownClient = new OpenAI({ baseURL: own.url, apiKey: 'x', maxRetries: 0 });
      await ownClient.chat.completions.create({ model: 'm', messages: [] });
      assert.equal(own.requests.length, 0);
      await assert.rejects(own.waitForAbort(1), /needs recording/);
    } finally {
      await own.close();
    }
  });
});
