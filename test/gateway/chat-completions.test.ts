import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { answerInstruction } from '../../src/language/answer-instruction.js';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';

interface MizanChunk {
  choices: Array<{ delta: { content?: string; role?: string }; finish_reason: string | null }>;
  usage?: { total_tokens: number } | null;
  mizan?: { audit_id: string; model: { id: string; provider: string; hosting: { country: string } } };
}

describe('chat completions through Mizan with one OpenAI-compatible upstream', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    upstream = await startTestUpstream({ models: ['atlas-upstream-name'] });
    gateway = await startGateway(
      {
        providers: [upstreamProvider('sovereign-dc', upstream.url)],
        models: [
          {
            id: 'atlas',
            provider: 'sovereign-dc',
            upstream_model: 'atlas-upstream-name',
            aliases: ['default'],
          },
        ],
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });
  beforeEach(() => upstream.reset());

  it('returns the upstream answer in OpenAI shape with the mizan extension', async () => {
    upstream.enqueue({ content: 'Pour renouveler la CIN, présentez-vous au commissariat.' });
    const completion = await gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: 'Comment renouveler ma carte nationale ?' }],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(
      completion.choices[0]?.message.content,
      'Pour renouveler la CIN, présentez-vous au commissariat.',
    );
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
    assert.ok(completion.usage && completion.usage.total_tokens > 0);
    const mizan = (completion as unknown as { mizan: Record<string, unknown> }).mizan;
    assert.deepEqual(Object.keys(mizan).sort(), [
      'audit_id',
      'citations',
      'grounding',
      'guard',
      'language',
      'model',
      'oversight',
      'privacy',
      'review',
    ]);
    assert.deepEqual(mizan.oversight, {
      risk_tier: 'minimal',
      sandbox: false,
      ai_label: true,
      notice: null,
      flags: [],
    });
    assert.deepEqual(mizan.model, {
      id: 'atlas',
      provider: 'sovereign-dc',
      hosting: { operator: 'test', country: 'MA', sovereign: true },
    });
    assert.equal(mizan.language, 'fra_Latn');
    assert.deepEqual(mizan.citations, []);
    assert.equal(mizan.review, null);
  });

  it('sends the upstream its own model name and key, never the client key, and forwards parameters', async () => {
    await gateway.client().chat.completions.create({
      model: 'default',
      messages: [{ role: 'user', content: 'salam' }],
      temperature: 0.2,
      max_tokens: 64,
      stop: ['\n\n'],
    });
    const received = upstream.requests[0]!;
    const body = received.body as Record<string, unknown>;
    assert.equal(body.model, 'atlas-upstream-name');
    assert.equal(body.temperature, 0.2);
    assert.equal(body.max_tokens, 64);
    assert.deepEqual(body.stop, ['\n\n']);
    assert.deepEqual(body.messages, [
      { role: 'system', content: answerInstruction('ary_Latn') },
      { role: 'user', content: 'salam' },
    ]);
    assert.equal(received.headers.authorization, 'Bearer upstream-secret');
    assert.ok(!JSON.stringify(received.headers).includes(gateway.key));
  });

  it('streams content identical to the upstream pieces, multi-byte text included', async () => {
    const pieces = ['باش تجدد ', 'البطاقة الوطنية', ' خاصك تمشي ', 'ⵜⴰⵎⴰⵣⵉⵖⵜ ✓', ' — fin.'];
    upstream.enqueue({ chunks: pieces });
    const stream = await gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: 'كيفاش نجدد البطاقة الوطنية ديالي؟' }],
      stream: true,
    });
    const chunks: MizanChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as MizanChunk);
    const deltas = chunks.flatMap((c) => c.choices.map((choice) => choice.delta.content ?? ''));
    assert.equal(deltas.join(''), pieces.join(''));
    assert.deepEqual(deltas.filter(Boolean), pieces);
    assert.equal(chunks[0]?.choices[0]?.delta.role, 'assistant');
    assert.equal(chunks.filter((c) => c.choices[0]?.finish_reason === 'stop').length, 1);
    assert.ok(
      chunks.every((c) => !c.usage),
      'no usage chunk unless asked for',
    );
    const last = chunks.at(-1)!;
    assert.equal(last.mizan?.model.id, 'atlas');
    assert.deepEqual(last.choices, []);
  });

  it('adds a usage chunk before the mizan chunk when stream_options.include_usage is set', async () => {
    upstream.enqueue({ content: 'Merci.', usage: { prompt_tokens: 11, completion_tokens: 2 } });
    const stream = await gateway.client().chat.completions.create({
      model: 'atlas',
      messages: [{ role: 'user', content: 'Merci' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: MizanChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as MizanChunk);
    const usageAt = chunks.findIndex((c) => c.usage);
    assert.ok(usageAt > 0);
    assert.equal(chunks[usageAt]!.usage!.total_tokens, 13);
    assert.ok(chunks[usageAt + 1]?.mizan, 'the mizan chunk follows the usage chunk');
  });

  it('ends the SSE stream with data: [DONE] exactly as OpenAI does', async () => {
    upstream.enqueue({ chunks: ['a', 'b'] });
    const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'atlas', stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.match(response.headers.get('server-timing') ?? '', /authenticate;dur=[\d.]+, .*generate;dur=/);
    const text = await response.text();
    const events = text.split('\n\n').filter(Boolean);
    assert.ok(events.every((e) => e.startsWith('data: ')));
    assert.equal(events.at(-1), 'data: [DONE]');
  });

  it('lists the models the application may use, with their hosting', async () => {
    const models = await gateway.client().models.list();
    assert.deepEqual(
      models.data.map((m) => m.id),
      ['atlas'],
    );
    const atlas = await gateway.client().models.retrieve('default');
    assert.equal(atlas.id, 'atlas');
  });

  it('computes embeddings through the upstream in float and base64', async () => {
    const gatewayWithEmbeddings = await startGateway(
      {
        providers: [upstreamProvider('dc', upstream.url)],
        models: [
          { id: 'chat', provider: 'dc' },
          { id: 'e5', provider: 'dc', kind: 'embedding' },
        ],
      },
      UPSTREAM_ENV,
    );
    try {
      upstream.setDefault({ embedding: [0.5, -0.25, 1] });
      const client = gatewayWithEmbeddings.client();
      const base64 = await client.embeddings.create({ model: 'e5', input: ['السلام', 'bonjour'] });
      assert.deepEqual(base64.data[1]?.embedding, [0.5, -0.25, 1]);
      const float = await client.embeddings.create({
        model: 'e5',
        input: 'bonjour',
        encoding_format: 'float',
      });
      assert.deepEqual(float.data[0]?.embedding, [0.5, -0.25, 1]);
      await assert.rejects(client.embeddings.create({ model: 'chat', input: 'x' }), { status: 404 });
    } finally {
      await gatewayWithEmbeddings.close();
    }
  });
});
