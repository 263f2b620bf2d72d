import { answerInstruction } from '../../src/language/answer-instruction.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { startTestUpstream, type TestUpstream } from '../support/test-upstream.js';
import { startGateway, upstreamProvider, UPSTREAM_ENV, type Gateway } from '../support/gateway-harness.js';

const BODY_LIMIT_BYTES = 2048;

interface ErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}

const valid = {
  model: 'atlas',
  messages: [{ role: 'user', content: 'Comment obtenir un extrait d’acte de naissance ?' }],
};
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Asserts OpenAI's error shape, exactly its four fields, with this status, code and param. */
async function expectError(
  response: Response,
  status: number,
  code: string,
  param: string | null = null,
): Promise<ErrorBody['error']> {
  const text = await response.text();
  assert.equal(response.status, status, `expected ${status} ${code}, got ${response.status}: ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = JSON.parse(text) as ErrorBody;
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message', 'param', 'type']);
  assert.equal(body.error.code, code);
  assert.equal(body.error.param, param);
  assert.ok(body.error.message.length > 0, 'a message a developer can read');
  return body.error;
}

/** Asserts the official client surfaces the error with its status, code and param. */
const rejectsWithApiError = (promise: Promise<unknown>, status: number, code: string, param: string | null) =>
  assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof OpenAI.APIError, `expected an APIError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.equal(error.code, code);
    assert.equal(error.param, param);
    return true;
  });

describe('Mizan request errors with a 2 KiB body limit and one upstream', () => {
  let upstream: TestUpstream;
  let gateway: Gateway;

  before(async () => {
    upstream = await startTestUpstream({ models: ['atlas-upstream'] });
    gateway = await startGateway(
      {
        server: { body_limit_bytes: BODY_LIMIT_BYTES },
        providers: [upstreamProvider('sovereign-dc', upstream.url)],
        models: [{ id: 'atlas', provider: 'sovereign-dc', upstream_model: 'atlas-upstream' }],
      },
      UPSTREAM_ENV,
    );
  });
  after(async () => {
    await gateway.close();
    await upstream.close();
  });

  /** A raw POST to chat completions with the gateway's key, unless other headers are given. */
  const post = (body: string | Uint8Array | undefined, headers: Record<string, string> = {}) =>
    fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body }),
    });
  const postJson = (body: unknown) => post(JSON.stringify(body));

  it('answers 400 invalid_json when the body is not valid JSON', async () => {
    await expectError(await post('{"model": "atlas", "messages": ['), 400, 'invalid_json');
    await expectError(await post("{model: 'atlas'}"), 400, 'invalid_json');
  });

  it('answers 400 invalid_request when the body is JSON but not an object', async () => {
    await expectError(await postJson([valid]), 400, 'invalid_request');
    await expectError(await postJson('hi'), 400, 'invalid_request');
    await expectError(await post('null'), 400, 'invalid_request');
  });

  it('answers 400 when the body is empty', async () => {
    const error = await expectError(await post(''), 400, 'invalid_request');
    assert.match(error.message, /JSON object/);
  });

  it('answers 400 invalid_value naming the field when a field has the wrong type', async () => {
    await expectError(await postJson({ ...valid, messages: 'hi' }), 400, 'invalid_value', 'messages');
    await expectError(await postJson({ ...valid, temperature: 'hot' }), 400, 'invalid_value', 'temperature');
  });

  it('answers 400 naming the field when a field has the wrong type', async () => {
    const messages = await postJson({ ...valid, messages: 'hi' });
    assert.equal(messages.status, 400);
    assert.equal(((await messages.json()) as ErrorBody).error.param, 'messages');
    const temperature = await postJson({ ...valid, temperature: 'hot' });
    assert.equal(temperature.status, 400);
    assert.equal(((await temperature.json()) as ErrorBody).error.param, 'temperature');
  });

  it('answers 400 invalid_value naming the field when a value is out of range', async () => {
    await expectError(await postJson({ ...valid, temperature: 5 }), 400, 'invalid_value', 'temperature');
    await expectError(await postJson({ ...valid, messages: [] }), 400, 'invalid_value', 'messages');
  });

  it('answers 400 unknown_parameter naming the field when a top-level field is unknown', async () => {
    const error = await expectError(
      await postJson({ ...valid, temprature: 0.2 }),
      400,
      'unknown_parameter',
      'temprature',
    );
    assert.match(error.message, /temprature/);
    assert.equal(error.type, 'invalid_request_error');
  });

  it('answers 400 unknown_parameter with its path when a field inside a message is unknown', async () => {
    await expectError(
      await postJson({ ...valid, messages: [{ role: 'user', content: 'x', language: 'ary' }] }),
      400,
      'unknown_parameter',
      'messages[0].language',
    );
  });

  it('answers 400 missing_required_parameter when messages or model is absent', async () => {
    await expectError(await postJson({ model: 'atlas' }), 400, 'missing_required_parameter', 'messages');
    await expectError(
      await postJson({ messages: valid.messages }),
      400,
      'missing_required_parameter',
      'model',
    );
  });

  it('answers 400 empty_content naming the content when a message is empty or blank', async () => {
    await expectError(
      await postJson({ model: 'atlas', messages: [{ role: 'user', content: '' }] }),
      400,
      'empty_content',
      'messages[0].content',
    );
    await rejectsWithApiError(
      gateway
        .client()
        .chat.completions.create({ model: 'atlas', messages: [{ role: 'user', content: ' \n ' }] }),
      400,
      'empty_content',
      'messages[0].content',
    );
  });

  it('answers 400 unsupported_parameter when n asks for more than one answer', async () => {
    await rejectsWithApiError(
      gateway
        .client()
        .chat.completions.create({ ...valid, messages: [{ role: 'user', content: 'x' }], n: 2 }),
      400,
      'unsupported_parameter',
      'n',
    );
  });

  it('answers 413 body_too_large when the body exceeds the configured limit', async () => {
    const big = { model: 'atlas', messages: [{ role: 'user', content: 'س'.repeat(BODY_LIMIT_BYTES) }] };
    await expectError(await postJson(big), 413, 'body_too_large');
  });

  it('answers 400 invalid_utf8 when the body holds bytes that are not UTF-8', async () => {
    const body = new Uint8Array([
      ...utf8('{"model":"atlas","messages":[{"role":"user","content":"caf'),
      0xe9, // é in Latin-1, invalid alone in UTF-8
      ...utf8('"}]}'),
    ]);
    await expectError(await post(body), 400, 'invalid_utf8');
  });

  it('answers 404 model_not_found naming model when the model does not exist', async () => {
    await rejectsWithApiError(
      gateway
        .client()
        .chat.completions.create({ ...valid, messages: [{ role: 'user', content: 'x' }], model: 'gpt-4o' }),
      404,
      'model_not_found',
      'model',
    );
  });

  it('answers 404 unknown_route when the URL or method is not served', async () => {
    const get = await fetch(`${gateway.origin}/v1/nothing-here`, {
      headers: { authorization: `Bearer ${gateway.key}` },
    });
    await expectError(get, 404, 'unknown_route');
    const legacy = await fetch(`${gateway.origin}/v1/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'atlas', prompt: 'x' }),
    });
    await expectError(legacy, 404, 'unknown_route');
  });

  it('answers 404 unknown_route for the admin API when no admin token is configured', async () => {
    for (const token of [gateway.key, '']) {
      const response = await fetch(`${gateway.origin}/v1/admin/tenants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'intrus' }),
      });
      await expectError(response, 404, 'unknown_route');
    }
    assert.equal(await gateway.platform.tenancy.findTenant('intrus'), undefined);
  });

  it('answers 401 missing_api_key when no key is sent', async () => {
    await expectError(await post(JSON.stringify(valid), { authorization: '' }), 401, 'missing_api_key');
    await expectError(
      await post(JSON.stringify(valid), { authorization: `Basic ${gateway.key}` }),
      401,
      'missing_api_key',
    );
  });

  it('answers 401 invalid_api_key when the key is wrong', async () => {
    const wrong = `mz_${'A'.repeat(40)}`;
    await rejectsWithApiError(
      gateway
        .client({ apiKey: wrong })
        .chat.completions.create(valid as OpenAI.ChatCompletionCreateParamsNonStreaming),
      401,
      'invalid_api_key',
      null,
    );
    const error = await expectError(
      await post(JSON.stringify(valid), { authorization: 'Bearer sk-not-mizan' }),
      401,
      'invalid_api_key',
    );
    assert.equal(error.type, 'authentication_error');
  });

  it('answers 200 when the key is sent with the scheme in lower case', async () => {
    const response = await post(JSON.stringify(valid), { authorization: `bearer ${gateway.key}` });
    assert.equal(response.status, 200, await response.clone().text());
  });

  it('answers 200 when a JSON body is declared as a form, as curl -d sends it', async () => {
    const response = await post(JSON.stringify(valid), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(response.status, 200);
  });

  it('still answers a valid request and never forwarded a bad one when all the errors above happened', async () => {
    upstream.enqueue({ content: 'Adressez-vous au bureau d’état civil.' });
    const completion = await gateway
      .client()
      .chat.completions.create(valid as OpenAI.ChatCompletionCreateParamsNonStreaming);
    assert.equal(completion.choices[0]?.message.content, 'Adressez-vous au bureau d’état civil.');
    assert.ok(upstream.requests.length >= 1);
    for (const request of upstream.requests) {
      assert.deepEqual(
        (request.body as { messages: unknown }).messages,
        [{ role: 'system', content: answerInstruction('fra_Latn') }, ...valid.messages],
        'only valid requests',
      );
    }
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    assert.match(metrics, /mizan_http_requests_total\{[^}]*status="400"\}/);
    assert.doesNotMatch(
      metrics,
      /mizan_http_requests_total\{[^}]*status="5\d\d"/,
      'no bad input caused a 5xx',
    );
  });
});
