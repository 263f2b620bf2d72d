import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import OpenAI from 'openai';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';

const ask = (gateway: Gateway, model = 'primary', stream = false) =>
  fetch(`${gateway.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Bonjour' }] }),
  });

describe('Mizan with a primary upstream and a fallback upstream', () => {
  let primary: TestUpstream;
  let secondary: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    primary = await startTestUpstream();
    secondary = await startTestUpstream();
    gateway = await startGateway(
      {
        providers: [
          upstreamProvider('primary-dc', primary.url),
          upstreamProvider('secondary-dc', secondary.url, {
            hosting: { operator: 'backup', country: 'MA', sovereign: true },
          }),
        ],
        models: [
          { id: 'primary', provider: 'primary-dc', upstream_model: 'test-model', fallback: ['secondary'] },
          { id: 'secondary', provider: 'secondary-dc', upstream_model: 'test-model' },
          { id: 'alone', provider: 'primary-dc', upstream_model: 'test-model' },
        ],
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await primary.close();
    await secondary.close();
  });
  beforeEach(() => {
    primary.reset();
    secondary.reset();
  });

  it('retries a 500 and answers from the same upstream', async () => {
    primary.enqueue({ status: 500 }, { content: 'second try' });
    const completion = await gateway.client().chat.completions.create({
      model: 'alone',
      messages: [{ role: 'user', content: 'x' }],
    });
    assert.equal(completion.choices[0]?.message.content, 'second try');
    assert.equal(primary.requests.length, 2);
  });

  it('retries a 429 and a reset connection', async () => {
    primary.enqueue({ status: 429, retryAfterSeconds: 0 }, { reset: true }, { content: 'third try' });
    const completion = await gateway.client().chat.completions.create({
      model: 'alone',
      messages: [{ role: 'user', content: 'x' }],
    });
    assert.equal(completion.choices[0]?.message.content, 'third try');
    assert.equal(primary.requests.length, 3);
  });

  it('answers 502 upstream_error once retries are spent and there is no fallback', async () => {
    primary.setDefault({ status: 503 });
    const response = await ask(gateway, 'alone');
    assert.equal(response.status, 502);
    const body = (await response.json()) as { error: { code: string; type: string } };
    assert.equal(body.error.code, 'upstream_error');
    assert.equal(primary.requests.length, 3, 'one try and two retries');
  });

  it('answers 429 when the upstream keeps rate limiting', async () => {
    primary.setDefault({ status: 429, retryAfterSeconds: 0 });
    const response = await ask(gateway, 'alone');
    assert.equal(response.status, 429);
    assert.equal(
      ((await response.json()) as { error: { code: string } }).error.code,
      'upstream_rate_limited',
    );
  });

  it('falls back to the next model when the primary fails before the first byte', async () => {
    primary.setDefault({ status: 500 });
    secondary.enqueue({ content: 'from the fallback' });
    const completion = await gateway.client().chat.completions.create({
      model: 'primary',
      messages: [{ role: 'user', content: 'x' }],
    });
    assert.equal(completion.choices[0]?.message.content, 'from the fallback');
    assert.equal(completion.model, 'secondary');
    const mizan = (completion as unknown as { mizan: { model: { provider: string } } }).mizan;
    assert.equal(mizan.model.provider, 'secondary-dc');
  });

  it('falls back while streaming when the primary is unreachable', async () => {
    primary.setDefault({ reset: true });
    secondary.enqueue({ chunks: ['fall', 'back'] });
    const stream = await gateway.client().chat.completions.create({
      model: 'primary',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, 'fallback');
  });

  it('answers 504 upstream_timeout when the first byte does not come in time', async () => {
    primary.setDefault({ hang: true });
    const response = await ask(gateway, 'alone');
    assert.equal(response.status, 504);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'upstream_timeout');
    assert.equal(primary.requests.length, 1, 'a timeout is not retried on the same server');
  });

  it('never retries after the first streamed byte: a stall ends in an error event', async () => {
    primary.enqueue({ chunks: ['one ', 'two ', 'three'], stallAfterChunks: 1 });
    const response = await ask(gateway, 'primary', true);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /"content":"one "/);
    const events = text.split('\n\n').filter(Boolean);
    const last = JSON.parse(events.at(-1)!.slice('data: '.length)) as {
      error: { type: string; code: string };
    };
    assert.equal(last.error.type, 'upstream_error');
    assert.equal(last.error.code, 'upstream_timeout');
    assert.ok(!text.includes('[DONE]'));
    assert.equal(primary.requests.length, 1);
    assert.equal(secondary.requests.length, 0, 'no fallback after the first byte');
  });

  it('cancels the upstream request when the client disconnects mid-stream', async () => {
    primary.enqueue({ chunks: ['a ', 'b ', 'c ', 'd'], chunkDelayMs: 200 });
    const controller = new AbortController();
    const stream = await gateway
      .client()
      .chat.completions.create(
        { model: 'alone', messages: [{ role: 'user', content: 'x' }], stream: true },
        { signal: controller.signal },
      );
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break;
    }
    controller.abort();
    await primary.waitForAbort(1, 2_000);
  });

  it('cancels the upstream request when a non-streaming client disconnects', async () => {
    primary.enqueue({ delayMs: 500, content: 'late' });
    const controller = new AbortController();
    const pending = gateway
      .client()
      .chat.completions.create(
        { model: 'alone', messages: [{ role: 'user', content: 'x' }] },
        { signal: controller.signal },
      );
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(pending, OpenAI.APIUserAbortError);
    await primary.waitForAbort(1, 2_000);
  });
});
