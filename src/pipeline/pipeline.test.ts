import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors } from '../errors.js';
import type { FlowContext } from './flow-context.js';
import { createPipeline, halt, type Stage } from './pipeline.js';

const initialContext = (): FlowContext => ({
  requestId: 'req-1',
  auditId: 'audit-1',
  receivedAt: 0,
  signal: new AbortController().signal,
  bearer: undefined,
  conversationId: undefined,
  operation: { kind: 'list-models' },
});

/** A stage that records that it ran and stamps the context with its name, the way stages enrich it. */
const recording = (name: string, ran: string[]): Stage => ({
  name,
  run(ctx) {
    ran.push(name);
    return { ...ctx, requestId: `${ctx.requestId}>${name}` };
  },
});

describe('createPipeline with three stages', () => {
  it('runs the stages in order, each seeing the context the previous returned', async () => {
    const ran: string[] = [];
    const pipeline = createPipeline([recording('a', ran), recording('b', ran), recording('c', ran)]);
    const result = await pipeline.run(initialContext());
    assert.deepEqual(ran, ['a', 'b', 'c']);
    assert.equal(result.ctx.requestId, 'req-1>a>b>c');
    assert.equal(result.halt, undefined);
  });

  it('awaits an asynchronous stage before the next when a stage returns a promise', async () => {
    const ran: string[] = [];
    const slow: Stage = {
      name: 'slow',
      async run(ctx) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        ran.push('slow');
        return ctx;
      },
    };
    await createPipeline([slow, recording('after', ran)]).run(initialContext());
    assert.deepEqual(ran, ['slow', 'after']);
  });

  it('stops before later stages and names the halting stage when a stage returns a halt', async () => {
    const ran: string[] = [];
    const refusal = errors.forbidden('model_not_allowed', 'not allowed', 'model');
    const blocking: Stage = { name: 'route-model', run: () => halt('route-model', refusal) };
    const result = await createPipeline([recording('a', ran), blocking, recording('never', ran)]).run(
      initialContext(),
    );
    assert.deepEqual(ran, ['a']);
    assert.equal(result.halt?.stage, 'route-model');
    assert.equal(result.halt?.error, refusal);
    assert.equal(result.ctx.requestId, 'req-1>a', 'the context is the last one a stage completed');
  });

  it('turns a thrown MizanError into a halt of the throwing stage with that error', async () => {
    const ran: string[] = [];
    const unauthenticated = errors.unauthenticated('invalid_api_key', 'the API key is invalid');
    const throwing: Stage = {
      name: 'authenticate',
      async run() {
        throw unauthenticated;
      },
    };
    const result = await createPipeline([throwing, recording('never', ran)]).run(initialContext());
    assert.deepEqual(ran, []);
    assert.equal(result.halt?.stage, 'authenticate');
    assert.equal(result.halt?.error, unauthenticated);
    assert.equal(result.halt?.error.status, 401);
  });

  it('turns a thrown plain Error into a 500 internal_error that does not leak its message', async () => {
    const bug = new Error('connection string postgres://admin:hunter2@db leaked');
    const throwing: Stage = {
      name: 'generate',
      run() {
        throw bug;
      },
    };
    const result = await createPipeline([throwing]).run(initialContext());
    const error = result.halt?.error;
    assert.ok(error);
    assert.equal(result.halt?.stage, 'generate');
    assert.equal(error.status, 500);
    assert.equal(error.code, 'internal_error');
    assert.equal(error.type, 'server_error');
    assert.ok(!error.message.includes('hunter2'));
    assert.ok(!JSON.stringify(error.toJSON()).includes('hunter2'));
    assert.equal(error.cause, bug, 'the original stays available to the logs');
  });

  it('records one timing per stage run, halting stage included, and reports each to the observer', async () => {
    const observed: Array<[string, number]> = [];
    const slow: Stage = {
      name: 'slow',
      async run(ctx) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return ctx;
      },
    };
    const stop: Stage = { name: 'stop', run: () => halt('stop', errors.notFound('x', 'x')) };
    const result = await createPipeline(
      [recording('fast', []), slow, stop, recording('never', [])],
      (stage, seconds) => observed.push([stage, seconds]),
    ).run(initialContext());
    assert.deepEqual(
      result.timings.map((t) => t.stage),
      ['fast', 'slow', 'stop'],
    );
    const slowMs = result.timings[1]!.ms;
    assert.ok(slowMs >= 15 && slowMs < 2_000, `slow stage took ${slowMs} ms`);
    assert.ok(result.timings.every((t) => t.ms >= 0));
    assert.deepEqual(
      observed.map(([stage]) => stage),
      ['fast', 'slow', 'stop'],
    );
    assert.ok(Math.abs(observed[1]![1] - slowMs / 1000) < 1e-9, 'the observer gets seconds');
  });
});
