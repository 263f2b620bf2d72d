import { isMizanError, errors, type MizanError } from '../errors.js';
import type { FlowContext } from './flow-context.js';
import { SpanStatusCode, type Attributes, type Tracing } from '../observability/tracing.js';

/** A stage ends the flow by returning a halt: a value, so the decision can be audited like any other. */
export interface Halt {
  readonly halt: true;
  readonly stage: string;
  readonly error: MizanError;
}

/** A stage ends the flow with an answer of its own (the guard's reply to a person in distress): no later stage runs. */
export interface Answered {
  readonly answered: true;
  readonly ctx: FlowContext;
}

type StageResult = FlowContext | Halt | Answered;

export interface Stage {
  readonly name: string;
  run(ctx: FlowContext): Promise<StageResult> | StageResult;
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface PipelineResult {
  ctx: FlowContext;
  timings: StageTiming[];
  halt?: Halt;
}

export const halt = (stage: string, error: MizanError): Halt => ({ halt: true, stage, error });

export const answered = (ctx: FlowContext): Answered => ({ answered: true, ctx });

const isHalt = (value: StageResult): value is Halt => (value as Halt).halt === true;
const isAnswered = (value: StageResult): value is Answered => (value as Answered).answered === true;

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(ctx: FlowContext): Promise<PipelineResult>;
}

/**
 * Runs stages in order, timing each, each in a span of its own (named after the stage) when tracing is on. A
 * thrown error is turned into a halt of the stage that threw, so there is one way a flow ends early; errors that
 * are not Mizan's become a 500 without leaking their message.
 */
export function createPipeline(
  stages: Stage[],
  observe?: (stage: string, seconds: number) => void,
  tracing?: Tracing,
): Pipeline {
  const runStage = async (stage: Stage, ctx: FlowContext): Promise<StageResult> => {
    try {
      return await stage.run(ctx);
    } catch (error) {
      return halt(
        stage.name,
        isMizanError(error) ? error : errors.internal('internal_error', 'internal error', error),
      );
    }
  };
  const traced =
    (spans: Tracing) =>
    (stage: Stage, ctx: FlowContext): Promise<StageResult> =>
      spans.inSpan(stage.name, {}, async (span) => {
        const result = await runStage(stage, ctx);
        span.setAttributes(stageOutcome(ctx, result));
        if (isHalt(result) && result.error.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return result;
      });
  const run = tracing?.enabled ? traced(tracing) : runStage;
  return {
    stages,
    async run(initial) {
      let ctx = initial;
      const timings: StageTiming[] = [];
      for (const stage of stages) {
        const started = performance.now();
        const next = await run(stage, ctx);
        const ms = performance.now() - started;
        timings.push({ stage: stage.name, ms });
        observe?.(stage.name, ms / 1000);
        if (isHalt(next)) return { ctx, timings, halt: next };
        if (isAnswered(next)) return { ctx: next.ctx, timings };
        ctx = next;
      }
      return { ctx, timings };
    },
  };
}

/** How a stage ended, for its span: codes and decisions only, nothing of the request's content. */
function stageOutcome(before: FlowContext, result: StageResult): Attributes {
  if (isHalt(result)) return { 'mizan.stage.outcome': 'halt', 'error.type': result.error.code };
  if (isAnswered(result)) return { 'mizan.stage.outcome': 'answer' };
  const guard = result.guard !== before.guard ? result.guard : undefined;
  return {
    'mizan.stage.outcome': 'next',
    ...(guard ? { 'mizan.guard.decision': guard.decision, 'mizan.guard.reasons': [...guard.reasons] } : {}),
  };
}
