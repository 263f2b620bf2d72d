import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { freePort } from '../../bench/processes.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';

/**
 * Failing model servers, the cases test/gateway/resilience.test.ts leaves out: Retry-After, a server that is down,
 * a hang with a fallback, slow streams within and past their timeouts, and answers broken off halfway.
 */
describe('Mizan when its model servers fail', () => {
  let primary: TestUpstream;
  let secondary: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    primary = await startTestUpstream();
    secondary = await startTestUpstream();
    // A port nothing listens on: connections are refused.
    const down = `http://127.0.0.1:${await freePort()}/v1`;
    gateway = await startGateway(
      {
        providers: [
          // Retry-After up to 2 s is honoured.
          upstreamProvider('primary-dc', primary.url, {
            retries: { max: 2, base_delay_ms: 5, max_delay_ms: 2_000 },
          }),
          upstreamProvider('secondary-dc', secondary.url),
          upstreamProvider('down-dc', down),
          upstreamProvider('short-dc', primary.url, {
            timeouts: { connect_ms: 1_000, first_byte_ms: 1_000, idle_ms: 1_000, total_ms: 1_500 },
          }),
        ],
        models: [
          { id: 'alone', provider: 'primary-dc', upstream_model: 'test-model' },
          { id: 'primary', provider: 'primary-dc', upstream_model: 'test-model', fallback: ['secondary'] },
          { id: 'secondary', provider: 'secondary-dc', upstream_model: 'test-model' },
          { id: 'down', provider: 'down-dc', upstream_model: 'test-model' },
          {
            id: 'down-with-fallback',
            provider: 'down-dc',
            upstream_model: 'test-model',
            fallback: ['secondary'],
          },
          { id: 'short', provider: 'short-dc', upstream_model: 'test-model' },
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

  const ask = (model: string, stream = false) =>
    fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Bonjour' }] }),
    });

  interface ErrorBody {
    error: { type: string; code: string; message: string };
  }

  /** The SSE events of a streamed answer, `[DONE]` aside, and whether it came. */
  const events = async (response: Response) => {
    const text = await response.text();
    const data = text
      .split('\n\n')
      .filter((event) => event.startsWith('data: '))
      .map((event) => event.slice('data: '.length));
    const parsed = data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as Record<string, unknown>);
    const content = parsed
      .map(
        (e) => (e.choices as Array<{ delta?: { content?: string } }> | undefined)?.[0]?.delta?.content ?? '',
      )
      .join('');
    return {
      done: data.includes('[DONE]'),
      events: parsed,
      content,
      last: parsed.at(-1) as Partial<ErrorBody>,
    };
  };

  it('waits for the Retry-After of a 429 before asking again', async () => {
    primary.enqueue({ status: 429, retryAfterSeconds: 1 }, { content: 'after the wait' });
    const response = await ask('alone');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    assert.equal(body.choices[0]!.message.content, 'after the wait');
    const [first, second] = primary.requests;
    assert.ok(second!.receivedAt - first!.receivedAt >= 950, 'the second try came after the Retry-After');
  });

  it('passes the Retry-After of a model server that keeps rate limiting on to the client', async () => {
    primary.setDefault({ status: 429, retryAfterSeconds: 30 });
    const response = await ask('alone');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '30');
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, 'upstream_rate_limited');
    assert.equal(primary.requests.length, 3, 'one try and two retries');
  });

  it('answers 502 upstream_unreachable, naming the model server, when it is down', async () => {
    const response = await ask('down');
    assert.equal(response.status, 502);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.type, 'upstream_error');
    assert.equal(body.error.code, 'upstream_unreachable');
    assert.match(body.error.message, /down-dc/);
  });

  it('falls back to the next model when the first model server is down', async () => {
    secondary.enqueue({ content: 'from the fallback' });
    for (const stream of [false, true]) {
      if (stream) secondary.enqueue({ chunks: ['from the ', 'fallback'] });
      const response = await ask('down-with-fallback', stream);
      assert.equal(response.status, 200);
      const content = stream
        ? (await events(response)).content
        : ((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!
            .message.content;
      assert.equal(content, 'from the fallback');
    }
  });

  it('falls back to the next model when the first hangs without sending a byte', async () => {
    primary.setDefault({ hang: true });
    secondary.enqueue({ content: 'from the fallback' });
    const response = await ask('primary');
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      model: string;
      choices: Array<{ message: { content: string } }>;
    };
    assert.equal(body.model, 'secondary');
    assert.equal(body.choices[0]!.message.content, 'from the fallback');
    assert.equal(primary.requests.length, 1, 'a timeout is not retried on the same server');
  });

  it('streaming: answers 504 upstream_timeout when the model server hangs before its first byte', async () => {
    primary.setDefault({ hang: true });
    const response = await ask('alone', true);
    assert.equal(response.status, 504);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, 'upstream_timeout');
    assert.match(body.error.message, /primary-dc.*did not answer in time/);
  });

  it('streaming: a slow stream whose pieces each come within the idle timeout is answered in full', async () => {
    // Each piece 600 ms after the last: the whole answer takes longer than the first-byte and idle timeouts (1 s).
    primary.enqueue({ chunks: ['un ', 'deux ', 'trois ', 'quatre'], chunkDelayMs: 600 });
    const response = await ask('alone', true);
    assert.equal(response.status, 200);
    const stream = await events(response);
    assert.equal(stream.content, 'un deux trois quatre');
    assert.ok(stream.done, 'the stream ends with [DONE]');
  });

  it('streaming: a stream that outlasts the total timeout ends with an upstream_timeout error event', async () => {
    primary.enqueue({ chunks: ['a ', 'b ', 'c ', 'd ', 'e'], chunkDelayMs: 600 });
    const response = await ask('short', true);
    assert.equal(response.status, 200);
    const stream = await events(response);
    assert.ok(!stream.done, 'no [DONE] after an error');
    assert.equal(stream.last.error?.code, 'upstream_timeout');
    assert.match(stream.last.error!.message, /short-dc.*total/);
    assert.equal(primary.requests.length, 1, 'nothing is retried once the answer has begun');
  });

  it('streaming: a model server that dies mid-answer ends the stream with an error, without retry or fallback', async () => {
    primary.enqueue({ chunks: ['one ', 'two ', 'three'], disconnectAfterChunks: 1, chunkDelayMs: 100 });
    const response = await ask('primary', true);
    assert.equal(response.status, 200);
    const stream = await events(response);
    assert.equal(stream.content, 'one ');
    assert.ok(!stream.done, 'no [DONE] after an error');
    assert.equal(stream.last.error?.code, 'upstream_error');
    assert.match(stream.last.error!.message, /primary-dc.*broke off the answer/);
    assert.equal(primary.requests.length, 1);
    assert.equal(secondary.requests.length, 0, 'no fallback after the first byte');
  });

  it('streaming: a stream cut short without its end is not passed off as a complete answer', async () => {
    primary.enqueue({ chunks: ['one ', 'two ', 'three'], endAfterChunks: 1 });
    const response = await ask('alone', true);
    assert.equal(response.status, 200);
    const stream = await events(response);
    assert.equal(stream.content, 'one ');
    assert.ok(!stream.done, 'no [DONE] for an answer that was cut short');
    assert.equal(stream.last.error?.type, 'upstream_error');
  });

  it('retries a non-streamed answer broken off halfway through its body', async () => {
    primary.enqueue({ cutBody: true }, { content: 'whole answer' });
    const response = await ask('alone');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    assert.equal(body.choices[0]!.message.content, 'whole answer');
    assert.equal(primary.requests.length, 2);
  });
});
