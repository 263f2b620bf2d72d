import { errors, isMizanError } from '../../errors.js';
import type { InputGuard } from '../../guard/guard.js';
import { guardMessage, type HelpResource } from '../../guard/messages.js';
import type { ModelGuard } from '../../guard/model-guard.js';
import { decide, type GuardPolicy, type GuardVerdict } from '../../guard/policy.js';
import { checkScope } from '../../guard/scope/index.js';
import type { GuardFinding } from '../../guard/types.js';
import { messageText } from '../../providers/chat-messages.js';
import type { ChatMessage } from '../../providers/spec.js';
import type { ChatOperation, FlowContext } from '../flow-context.js';
import { answered, type Stage } from '../pipeline.js';
import { requirePolicy } from './require.js';

export interface GuardInputDependencies {
  guard: InputGuard;
  policy: GuardPolicy;
  /** The optional guard model, asked only about what the in-process checks let through. */
  model?: { guard: ModelGuard; onError: 'allow' | 'block' };
  helpResources?: readonly HelpResource[];
  /** Counts by decision and reason: all that is kept of a blocked request. */
  count: (verdict: GuardVerdict) => void;
}

/** What a tool returned (a web page, a file) is not the user's: instructions in it are withheld from the model. */
const QUARANTINED = '[content withheld by Mizan: it contained instructions addressed to the model]';

function quarantineToolResults(guard: InputGuard, messages: ChatMessage[]) {
  let quarantined = 0;
  const checked = messages.map((message) => {
    if (message.role !== 'tool' || guard.checkContent(messageText(message)).decision === 'allow')
      return message;
    quarantined += 1;
    return { ...message, content: QUARANTINED };
  });
  return { messages: quarantined > 0 ? checked : messages, quarantined };
}

const TOOL_RESULT_INJECTION: GuardFinding = {
  reason: 'indirect_injection',
  score: 1,
  source: 'rules',
  detail: 'tool_result',
};

async function askModel(
  deps: GuardInputDependencies,
  text: string,
  signal: AbortSignal,
): Promise<GuardFinding[]> {
  if (!deps.model) return [];
  try {
    return await deps.model.guard.check(text, 'user', signal);
  } catch (error) {
    if (deps.model.onError === 'allow' || signal.aborted) return [];
    throw isMizanError(error)
      ? error
      : errors.unavailable('guard_model_unavailable', 'the guard model could not be reached', 5);
  }
}

/**
 * Before anything reads the request (the corpus search, a model): the user's latest message through the rule
 * packs, the compact classifier and the scope of the application, then, if it passes, the guard model. A blocked
 * request is refused in the user's language and goes no further — its content is neither sent nor kept; a person
 * in distress is answered with help resources instead. A request to review goes to a reviewer where the tier has
 * them, and is served with a warning where it has none.
 */
export const guardInput = (deps: GuardInputDependencies): Stage => ({
  name: 'guard-input',
  async run(ctx) {
    if (ctx.operation.kind !== 'chat') return ctx;
    const { oversight } = requirePolicy(ctx, 'guard-input');
    const operation = ctx.operation as ChatOperation;
    const lastUser = operation.messages.findLast((m) => m.role === 'user');
    const text = lastUser ? messageText(lastUser) : '';
    const tools = quarantineToolResults(deps.guard, operation.messages);
    const scope = checkScope(text, { topics: oversight.guard.scopeTopics ?? undefined });
    let findings = [
      ...deps.guard.checkInput(text).findings,
      ...(scope ? [scope] : []),
      ...(tools.quarantined > 0 ? [TOOL_RESULT_INJECTION] : []),
    ];
    let verdict = decide(findings, deps.policy);
    if (verdict.decision !== 'block' && text.trim() !== '') {
      const fromModel = await askModel(deps, text, ctx.signal);
      if (fromModel.length > 0) verdict = decide((findings = [...findings, ...fromModel]), deps.policy);
    }
    if (verdict.decision === 'review' && oversight.controls.humanReview === 'none')
      verdict = { ...verdict, decision: 'warn' };
    deps.count(verdict);
    const language = ctx.language?.lang;
    if (verdict.decision === 'block') {
      if (verdict.reasons.includes('self_harm')) {
        const message = guardMessage('self_harm', language, helpContext(deps));
        return answered({ ...ctx, guard: verdict, outcome: { kind: 'guarded', message } });
      }
      const reason = verdict.reasons[0]!;
      throw errors.guardBlocked(
        reason,
        guardMessage(reason, language, { purpose: oversight.processing.purpose }),
      );
    }
    const guarded: FlowContext = { ...ctx, guard: verdict };
    return tools.quarantined === 0
      ? guarded
      : { ...guarded, operation: { ...operation, messages: tools.messages } };
  },
});

const helpContext = (deps: GuardInputDependencies) =>
  deps.helpResources ? { helpResources: deps.helpResources } : {};
