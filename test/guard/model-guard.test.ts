import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { isMizanError } from '../../src/errors.js';
import type { ModelEntry } from '../../src/providers/model-registry.js';
import { createOpenAICompatibleProvider } from '../../src/providers/openai-compatible/provider.js';
import type { ModelProvider } from '../../src/providers/spec.js';
import { createModelGuard, GUARD_MODEL_UNAVAILABLE, type ModelGuard } from '../../src/guard/model-guard.js';

const TIMEOUT_MS = 300;

function guardEntry(provider: ModelProvider): ModelEntry {
  return {
    id: 'llama-guard',
    aliases: [],
    kind: 'chat',
    provider,
    upstreamModel: 'meta-llama/Llama-Guard-3-8B',
    licence: 'llama3.1',
    languages: ['fra_Latn', 'eng_Latn', 'arb_Arab'],
    contextLength: 8192,
    energyWhPer1kTokens: undefined,
    approvedFor: ['minimal', 'limited', 'high'],
    fallback: [],
  };
}

const isUnavailable = (error: unknown) => isMizanError(error) && error.code === GUARD_MODEL_UNAVAILABLE;

describe('the guard model, against an OpenAI-compatible server', () => {
  let upstream: TestUpstream;
  let provider: ModelProvider;
  let guard: ModelGuard;

  before(async () => {
    upstream = await startTestUpstream();
    provider = createOpenAICompatibleProvider({
      id: 'guard-server',
      type: 'openai-compatible',
      base_url: upstream.url,
      hosting: { operator: 'test', country: 'MA', sovereign: true },
      timeouts: { connect_ms: 1_000, first_byte_ms: 5_000, idle_ms: 5_000, total_ms: 5_000 },
      retries: { max: 0, base_delay_ms: 0, max_delay_ms: 0 },
      max_connections: 4,
    });
    guard = createModelGuard(guardEntry(provider), { timeoutMs: TIMEOUT_MS });
  });
  beforeEach(() => upstream.reset());
  after(async () => {
    await provider.close();
    await upstream.close();
  });

  it('sends a user message as Llama Guard expects it and reads "safe" as no finding', async () => {
    upstream.enqueue({ content: 'safe' });
    assert.deepEqual(await guard.check('Comment renouveler ma CIN ?', 'user'), []);
    const body = upstream.requests[0]?.body as Record<string, unknown>;
    assert.equal(upstream.requests[0]?.path, '/v1/chat/completions');
    assert.equal(body.model, 'meta-llama/Llama-Guard-3-8B');
    assert.deepEqual(body.messages, [{ role: 'user', content: 'Comment renouveler ma CIN ?' }]);
    assert.equal(body.temperature, 0);
  });

  it('maps Llama Guard hazard codes to reasons and harm categories', async () => {
    upstream.enqueue({ content: 'unsafe\nS1,S10' });
    assert.deepEqual(await guard.check('…', 'user'), [
      {
        reason: 'harmful_content',
        score: 0.9,
        source: 'model',
        detail: 'llama-guard:S1',
        category: 'violence',
      },
      { reason: 'harmful_content', score: 0.9, source: 'model', detail: 'llama-guard:S10', category: 'hate' },
    ]);
    const cases: Array<[answer: string, reason: string, category: string | undefined]> = [
      ['unsafe\nS11', 'self_harm', 'self_harm'],
      ['unsafe\nS4', 'harmful_content', 'sexual_minors'],
      ['unsafe\nS14', 'prompt_injection', undefined],
      ['unsafe\nS9', 'harmful_content', 'weapons'],
      ['unsafe', 'harmful_content', undefined],
      ['unsafe\nS99', 'harmful_content', undefined],
    ];
    for (const [content, reason, category] of cases) {
      upstream.enqueue({ content });
      const [finding, ...rest] = await guard.check('…', 'user');
      assert.deepEqual([finding?.reason, finding?.category, rest.length], [reason, category, 0], content);
    }
  });

  it('checks an answer as the assistant’s turn, where advice and private data mean other things', async () => {
    upstream.enqueue({ content: 'unsafe\nS6' }, { content: 'unsafe\nS7' });
    assert.deepEqual(
      (await guard.check('Vous avez un diabète.', 'assistant')).map((f) => f.reason),
      ['forbidden_advice'],
    );
    assert.deepEqual(
      (await guard.check('Son numéro est le 0612345678.', 'assistant')).map((f) => f.reason),
      ['personal_data_leak'],
    );
    const messages = (upstream.requests[0]?.body as { messages: Array<{ role: string; content: string }> })
      .messages;
    assert.deepEqual(
      messages.map((m) => m.role),
      ['user', 'assistant'],
    );
    assert.equal(messages[1]?.content, 'Vous avez un diabète.');

    // A citizen may ask for advice; asking for someone's private data is harassment.
    upstream.enqueue({ content: 'unsafe\nS6' }, { content: 'unsafe\nS7' });
    assert.deepEqual(await guard.check('Quel traitement pour le diabète ?', 'user'), []);
    assert.deepEqual(
      (await guard.check('Donne-moi l’adresse de mon voisin.', 'user')).map((f) => [f.reason, f.category]),
      [['harmful_content', 'harassment']],
    );
  });

  it('accepts a JSON verdict from other guard models', async () => {
    upstream.enqueue(
      { content: '{"flagged": true, "categories": ["self-harm", "violence/graphic", "jailbreak"]}' },
      { content: '{"flagged": false, "categories": ["violence"]}' },
      { content: '{"flagged": true}' },
    );
    assert.deepEqual(
      (await guard.check('…', 'user')).map((f) => [f.reason, f.category]),
      [
        ['self_harm', 'self_harm'],
        ['harmful_content', 'violence'],
        ['jailbreak', undefined],
      ],
    );
    assert.deepEqual(await guard.check('…', 'user'), []);
    assert.deepEqual(
      (await guard.check('…', 'user')).map((f) => f.reason),
      ['harmful_content'],
    );
  });

  it('fails as guard_model_unavailable on an answer that is no verdict', async () => {
    upstream.enqueue({ content: 'I would say this looks fine to me.' }, { content: '{"categories": []}' });
    await assert.rejects(guard.check('…', 'user'), isUnavailable);
    await assert.rejects(guard.check('…', 'user'), isUnavailable);
  });

  it('fails as guard_model_unavailable when the server errs', async () => {
    upstream.enqueue({ status: 500 });
    await assert.rejects(guard.check('…', 'user'), (error: unknown) => {
      assert.ok(isUnavailable(error));
      assert.equal((error as { status: number }).status, 503);
      return true;
    });
  });

  it('fails as guard_model_unavailable when the server does not answer in time', async () => {
    upstream.enqueue({ hang: true });
    const started = performance.now();
    await assert.rejects(guard.check('…', 'user'), (error: unknown) => {
      assert.ok(isUnavailable(error));
      assert.match((error as Error).message, /300 ms/);
      return true;
    });
    assert.ok(performance.now() - started < TIMEOUT_MS + 1_000);
    await upstream.waitForAbort(1);
  });

  it('lets the flow’s own cancellation through as it is', async () => {
    upstream.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = guard.check('…', 'user', controller.signal);
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(
      pending,
      (error: unknown) => isMizanError(error) && error.code === 'request_cancelled',
    );
  });

  it('refuses a model that is not a chat model', () => {
    assert.throws(() => createModelGuard({ ...guardEntry(provider), kind: 'embedding' }, { timeoutMs: 100 }));
  });
});
