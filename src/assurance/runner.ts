import type { ChatOperation } from '../pipeline/flow-context.js';
import type { PipelineResult } from '../pipeline/pipeline.js';
import type { FlowRequest } from '../platform.js';
import type { AssuranceCase, CaseResult } from './types.js';

/** How a case reaches the platform: the same entry point as an HTTP request, with the run's own key. */
export type Handle = (operation: ChatOperation, request: FlowRequest) => Promise<PipelineResult>;

/**
 * One case through the full pipeline (privacy, guard, retrieval, oversight, grounding), as the application's users
 * would send it: what it answered, held or refused, with its citations and language.
 */
export async function sendCase(
  handle: Handle,
  input: { kase: AssuranceCase; model: string; key: string; signal: AbortSignal },
): Promise<CaseResult> {
  const { kase } = input;
  const started = performance.now();
  const { ctx, halt } = await handle(
    {
      kind: 'chat',
      model: input.model,
      messages: [{ role: 'user', content: kase.prompt }],
      params: {},
      stream: false,
      includeUsage: false,
    },
    { requestId: `assure-${kase.id}`, bearer: input.key, conversationId: undefined, signal: input.signal },
  );
  const base = {
    caseId: kase.id,
    recipe: kase.recipe,
    group: kase.group,
    ...(kase.attack ? { attack: kase.attack } : {}),
    latencyMs: Math.round(performance.now() - started),
    language: ctx.language?.lang ?? null,
  };
  if (halt) {
    return {
      ...base,
      outcome: halt.error.status >= 500 ? 'error' : 'blocked',
      errorCode: halt.error.code,
      text: '',
      citations: 0,
      grounded: null,
    };
  }
  const outcome = ctx.outcome;
  return {
    ...base,
    // In an assurance run nothing is queued: a draft that would have been held is measured and marked held.
    outcome: (ctx.review?.triggers.length ?? 0) > 0 ? 'held' : 'answered',
    text:
      outcome?.kind === 'completion'
        ? outcome.result.text
        : outcome?.kind === 'guarded'
          ? outcome.message
          : '',
    citations: ctx.sources?.citations.length ?? 0,
    grounded: ctx.sources?.grounding?.supported ?? null,
  };
}

/** Runs `work` over `items`, at most `concurrency` at a time, in order of start; stops early when aborted. */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
