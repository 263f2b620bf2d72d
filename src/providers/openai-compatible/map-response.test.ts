import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertUsage, mapChunk, mapCompletion, mapFinishReason } from './map-response.js';

describe('mapFinishReason with vendor finish reasons', () => {
  const known: Array<[raw: string, reason: string]> = [
    ['stop', 'stop'],
    ['eos', 'stop'],
    ['end_turn', 'stop'],
    ['length', 'length'],
    ['max_tokens', 'length'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    ['content_filter', 'content_filter'],
  ];
  for (const [raw, reason] of known) {
    it(`maps "${raw}" to ${reason} without a raw value when it is a known reason`, () => {
      assert.deepEqual(mapFinishReason(raw), { reason });
    });
  }

  it('maps to other and keeps the raw value when the reason is unknown', () => {
    assert.deepEqual(mapFinishReason('recitation'), { reason: 'other', raw: 'recitation' });
  });

  it('maps to other when the upstream sends no reason', () => {
    assert.equal(mapFinishReason(null).reason, 'other');
    assert.equal(mapFinishReason(undefined).reason, 'other');
  });
});

describe('convertUsage with OpenAI usage objects', () => {
  it('copies the three counts when the upstream sends them all', () => {
    assert.deepEqual(convertUsage({ prompt_tokens: 11, completion_tokens: 2, total_tokens: 13 }), {
      promptTokens: 11,
      completionTokens: 2,
      totalTokens: 13,
    });
  });

  it('computes the total when the upstream omits it', () => {
    assert.deepEqual(convertUsage({ prompt_tokens: 7, completion_tokens: 5 }), {
      promptTokens: 7,
      completionTokens: 5,
      totalTokens: 12,
    });
  });

  it('returns undefined when there is no usage', () => {
    assert.equal(convertUsage(null), undefined);
    assert.equal(convertUsage(undefined), undefined);
  });
});

describe('mapCompletion with a chat.completion body', () => {
  it('returns text, finish reason and usage when the upstream answers normally', () => {
    const result = mapCompletion({
      choices: [{ message: { content: 'مرحبا' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    });
    assert.deepEqual(result, {
      text: 'مرحبا',
      finishReason: 'stop',
      usage: { promptTokens: 3, completionTokens: 1, totalTokens: 4 },
    });
  });

  it('keeps the raw finish reason for audit when it maps to other', () => {
    const result = mapCompletion({ choices: [{ message: { content: 'x' }, finish_reason: 'recitation' }] });
    assert.equal(result.finishReason, 'other');
    assert.equal(result.rawFinishReason, 'recitation');
    assert.equal(result.usage, undefined);
  });

  it('returns tool calls and empty text when the message content is null', () => {
    const toolCalls = [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }];
    const result = mapCompletion({
      choices: [{ message: { content: null, tool_calls: toolCalls }, finish_reason: 'tool_calls' }],
    });
    assert.equal(result.text, '');
    assert.deepEqual(result.toolCalls, toolCalls);
    assert.equal(result.finishReason, 'tool_calls');
  });
});

describe('mapChunk with chat.completion.chunk events', () => {
  it('returns a text delta only when a chunk carries content', () => {
    assert.deepEqual(mapChunk({ choices: [{ delta: { content: 'ⵜⴰ' }, finish_reason: null }] }), [
      { type: 'text-delta', delta: 'ⵜⴰ' },
    ]);
  });

  it('returns nothing when a chunk carries only the role or an empty delta', () => {
    assert.deepEqual(mapChunk({ choices: [{ delta: { content: '' }, finish_reason: null }] }), []);
    assert.deepEqual(mapChunk({ choices: [] }), []);
  });

  it('returns delta, finish with its raw reason, then usage when one chunk carries all three', () => {
    assert.deepEqual(
      mapChunk({
        choices: [{ delta: { content: 'fin' }, finish_reason: 'recitation' }],
        usage: { prompt_tokens: 2, completion_tokens: 1 },
      }),
      [
        { type: 'text-delta', delta: 'fin' },
        { type: 'finish', reason: 'other', raw: 'recitation' },
        { type: 'usage', usage: { promptTokens: 2, completionTokens: 1, totalTokens: 3 } },
      ],
    );
  });

  it('returns a usage part when the usage chunk has no choices', () => {
    assert.deepEqual(
      mapChunk({ choices: [], usage: { prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 } }),
      [{ type: 'usage', usage: { promptTokens: 4, completionTokens: 6, totalTokens: 10 } }],
    );
  });
});
