import { isMizanError, errors, type MizanError } from '../errors.js';
import type { FlowContext } from './flow-context.js';

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
 * Runs stages in order, timing each. A thrown error is turned into a halt of the stage that threw, so there
 * is one way a flow ends early; errors that are not Mizan's become a 500 without leaking their message.
 */
export function createPipeline(
  stages: Stage[],
  observe?: (stage: string, seconds: number) => void,
): Pipeline {
  return {
    stages,
    async run(initial) {
      let ctx = initial;
      const timings: StageTiming[] = [];
      for (const stage of stages) {
        const started = performance.now();
        let next: StageResult;
        try {
          next = await stage.run(ctx);
        } catch (error) {
          next = halt(
            stage.name,
            isMizanError(error) ? error : errors.internal('internal_error', 'internal error', error),
          );
        }
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
