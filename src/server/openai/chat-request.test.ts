import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../../errors.js';
import { parseChatRequest } from './chat-request.js';

const user = (content: unknown) => ({ role: 'user', content });
const base = { model: 'atlas', messages: [user('Salam, kifach njded la carte?')] };

/** Asserts a 400 in OpenAI's shape with this code and param. */
const rejects = (body: unknown, code: string, param: string | null) =>
  assert.throws(
    () => parseChatRequest(body),
    (error: unknown) => {
      assert.ok(error instanceof MizanError, String(error));
      assert.equal(error.status, 400);
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.code, code);
      assert.equal(error.param, param);
      return true;
    },
  );

describe('parseChatRequest with an OpenAI chat-completions body', () => {
  it('returns model, messages and defaults when the body is minimal', () => {
    assert.deepEqual(parseChatRequest(base), {
      kind: 'chat',
      model: 'atlas',
      messages: base.messages,
      params: {},
      stream: false,
      includeUsage: false,
    });
  });

  it('forwards generation parameters and consumes the gateway fields when both are given', () => {
    const operation = parseChatRequest({
      ...base,
      stream: true,
      stream_options: { include_usage: true },
      n: 1,
      store: false,
      metadata: { dossier: 'CIN-42' },
      user: 'citizen-7',
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 64,
      stop: ['\n\n'],
      seed: 7,
      response_format: { type: 'json_object' },
      tools: [{ type: 'function', function: { name: 'lookup' } }],
      tool_choice: 'auto',
    });
    assert.equal(operation.stream, true);
    assert.equal(operation.includeUsage, true);
    assert.deepEqual(operation.params, {
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 64,
      stop: ['\n\n'],
      seed: 7,
      response_format: { type: 'json_object' },
      tools: [{ type: 'function', function: { name: 'lookup' } }],
      tool_choice: 'auto',
    });
    for (const consumed of [
      'model',
      'messages',
      'stream',
      'stream_options',
      'n',
      'store',
      'metadata',
      'user',
    ]) {
      assert.ok(!(consumed in operation.params), `${consumed} is not forwarded`);
    }
  });

  it('drops parameters set to null when a client sends explicit nulls', () => {
    const operation = parseChatRequest({ ...base, temperature: null, stop: null, seed: null, stream: null });
    assert.deepEqual(operation.params, {});
    assert.equal(operation.stream, false);
  });

  it('keeps text parts and non-text parts when content is an array', () => {
    const content = [
      { type: 'text', text: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' },
      { type: 'image_url', image_url: { url: 'https://example.ma/cin.png' } },
    ];
    assert.deepEqual(parseChatRequest({ ...base, messages: [user(content)] }).messages, [user(content)]);
  });

  it('accepts an assistant message with null content when it carries tool calls', () => {
    const messages = [
      user('Quel temps à Rabat ?'),
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'meteo', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '22 °C' },
    ];
    assert.deepEqual(parseChatRequest({ ...base, messages }).messages, messages);
  });

  it('accepts an assistant message with empty content', () => {
    parseChatRequest({ ...base, messages: [user('x'), { role: 'assistant', content: '' }, user('y')] });
  });

  it('rejects a tool message when it has no tool_call_id', () => {
    rejects(
      { ...base, messages: [{ role: 'tool', content: '22 °C' }] },
      'missing_required_parameter',
      'messages[0].tool_call_id',
    );
  });

  it('rejects with empty_content naming the message when a user message is empty or blank', () => {
    rejects({ ...base, messages: [user('')] }, 'empty_content', 'messages[0].content');
    rejects(
      { ...base, messages: [{ role: 'system', content: 'x' }, user(' \n\t ')] },
      'empty_content',
      'messages[1].content',
    );
    rejects(
      { ...base, messages: [user([{ type: 'text', text: '  ' }])] },
      'empty_content',
      'messages[0].content',
    );
    rejects({ ...base, messages: [user([])] }, 'empty_content', 'messages[0].content');
  });

  it('rejects n other than 1 as unsupported_parameter when more answers are asked for', () => {
    rejects({ ...base, n: 2 }, 'unsupported_parameter', 'n');
    assert.equal(parseChatRequest({ ...base, n: 1 }).kind, 'chat');
  });

  it('rejects with unknown_parameter naming the field when a field is unknown at any depth', () => {
    rejects({ ...base, temprature: 0.2 }, 'unknown_parameter', 'temprature');
    rejects(
      { ...base, messages: [{ role: 'user', content: 'x', lang: 'ary' }] },
      'unknown_parameter',
      'messages[0].lang',
    );
    rejects(
      { ...base, stream_options: { include_usage: true, chunk: 1 } },
      'unknown_parameter',
      'stream_options.chunk',
    );
  });

  it('rejects with missing_required_parameter when model or messages is absent', () => {
    rejects({ messages: base.messages }, 'missing_required_parameter', 'model');
    rejects({ model: 'atlas' }, 'missing_required_parameter', 'messages');
  });

  it('rejects with invalid_value naming the field when a value is out of range', () => {
    rejects({ ...base, messages: [] }, 'invalid_value', 'messages');
    rejects({ ...base, temperature: 3 }, 'invalid_value', 'temperature');
    rejects({ ...base, max_tokens: 0 }, 'invalid_value', 'max_tokens');
    rejects({ ...base, model: '' }, 'invalid_value', 'model');
    rejects({ ...base, messages: [{ role: 'wizard', content: 'x' }] }, 'invalid_value', 'messages[0].role');
  });

  it('rejects with invalid_value, not missing_required_parameter, when a present field has the wrong type', () => {
    rejects({ ...base, messages: 'hi' }, 'invalid_value', 'messages');
    rejects({ ...base, temperature: 'hot' }, 'invalid_value', 'temperature');
    rejects({ ...base, stream: 'yes' }, 'invalid_value', 'stream');
    rejects({ ...base, model: 5 }, 'invalid_value', 'model');
  });

  it('rejects with invalid_request when the body is not a JSON object', () => {
    for (const body of [undefined, null, 'hi', 42, [base]]) rejects(body, 'invalid_request', null);
  });
});
