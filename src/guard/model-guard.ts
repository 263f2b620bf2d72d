import { errors, MizanError } from '../errors.js';
import type { ModelEntry } from '../providers/model-registry.js';
import type { ChatMessage } from '../providers/spec.js';
import {
  GUARD_REASONS,
  HARM_CATEGORIES,
  type GuardFinding,
  type GuardReason,
  type HarmCategory,
} from './types.js';

/**
 * The optional guard model: a safety classifier served OpenAI-style (Llama Guard 3 behind vLLM, or any model that
 * answers `{"flagged": bool, "categories": [...]}`), called through the production provider client. It only reports
 * findings; when it fails or runs out of time it throws `guard_model_unavailable` and the engine decides whether to
 * let the request through on the in-process checks or refuse it.
 */

export const GUARD_MODEL_UNAVAILABLE = 'guard_model_unavailable';

export interface ModelGuard {
  /** The findings on a user's message or an assistant's answer; `signal` is the flow's own cancellation. */
  check(text: string, role: 'user' | 'assistant', signal?: AbortSignal): Promise<GuardFinding[]>;
}

/** A guard model's verdict is a classification, not a probability: a confident finding, above the block line. */
const MODEL_SCORE = 0.9;

/** Llama Guard's answer is "safe", or "unsafe" and a line of codes; a JSON verdict is a little longer. */
const GENERATION = { temperature: 0, max_tokens: 100 } as const;

/**
 * Llama Guard classifies the last turn of a conversation that starts with a user turn. An answer is checked on its
 * own (the question has been checked already), after a neutral user turn.
 */
const ANSWER_CONTEXT = 'The user asked a question to a public-service assistant.';

type Mapped = { reason: GuardReason; category?: HarmCategory } | undefined;

/**
 * Llama Guard 3's hazard categories (MLCommons taxonomy). S6 (specialized advice) and S7 (privacy) depend on who
 * speaks: a citizen may ask for advice, an assistant may not give what its sector forbids; asking for someone's
 * private data is harassment, an answer holding it is a leak.
 */
const LLAMA_GUARD: Readonly<Record<string, (role: 'user' | 'assistant') => Mapped>> = {
  S1: () => ({ reason: 'harmful_content', category: 'violence' }),
  S2: () => ({ reason: 'harmful_content', category: 'illegal_activity' }),
  S3: () => ({ reason: 'harmful_content', category: 'sexual' }),
  S4: () => ({ reason: 'harmful_content', category: 'sexual_minors' }),
  S5: () => ({ reason: 'harmful_content', category: 'harassment' }),
  S6: (role) => (role === 'assistant' ? { reason: 'forbidden_advice' } : undefined),
  S7: (role) =>
    role === 'assistant'
      ? { reason: 'personal_data_leak' }
      : { reason: 'harmful_content', category: 'harassment' },
  S8: () => ({ reason: 'harmful_content', category: 'illegal_activity' }),
  S9: () => ({ reason: 'harmful_content', category: 'weapons' }),
  S10: () => ({ reason: 'harmful_content', category: 'hate' }),
  S11: () => ({ reason: 'self_harm', category: 'self_harm' }),
  S12: () => ({ reason: 'harmful_content', category: 'sexual' }),
  S13: () => ({ reason: 'harmful_content' }),
  S14: () => ({ reason: 'prompt_injection' }),
};

/** Names other guard models use (OpenAI moderation's "self-harm", "sexual/minors", "illicit"…), to ours. */
const SYNONYMS: ReadonlyArray<readonly [part: string, mapped: NonNullable<Mapped>]> = [
  ['self_harm', { reason: 'self_harm', category: 'self_harm' }],
  ['suicide', { reason: 'self_harm', category: 'self_harm' }],
  ['illicit', { reason: 'harmful_content', category: 'illegal_activity' }],
  ['injection', { reason: 'prompt_injection' }],
  ['prompt_attack', { reason: 'prompt_injection' }],
];

const isReason = (name: string): name is GuardReason => (GUARD_REASONS as readonly string[]).includes(name);
/** "sexual_minors" is a category of its own; "violence_graphic" is violence. */
const harmCategoryOf = (name: string): HarmCategory | undefined =>
  HARM_CATEGORIES.find((category) => name === category) ??
  HARM_CATEGORIES.find((category) => name.startsWith(`${category}_`));

/** One category as a guard model names it: a Llama Guard code, one of our reasons or harm categories, a synonym. */
function mapCategory(raw: string, role: 'user' | 'assistant'): Mapped {
  const code = raw.trim().toUpperCase();
  const llamaGuard = LLAMA_GUARD[code];
  if (llamaGuard) return llamaGuard(role);
  if (/^S\d+$/.test(code)) return { reason: 'harmful_content' };
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (isReason(name))
    return name === 'self_harm' ? { reason: name, category: 'self_harm' } : { reason: name };
  const synonym = SYNONYMS.find(([part]) => name.includes(part));
  if (synonym) return synonym[1];
  const category = harmCategoryOf(name);
  return { reason: 'harmful_content', ...(category ? { category } : {}) };
}

interface Verdict {
  flagged: boolean;
  categories: string[];
}

/** "safe", "unsafe\nS1,S10", or a JSON object; undefined when the answer is none of them. */
function parseVerdict(answer: string): Verdict | undefined {
  const trimmed = answer.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as { flagged?: unknown; categories?: unknown };
      if (typeof json.flagged !== 'boolean') return undefined;
      const categories = Array.isArray(json.categories)
        ? json.categories.filter((c): c is string => typeof c === 'string')
        : [];
      return { flagged: json.flagged, categories };
    } catch {
      return undefined;
    }
  }
  const [first = '', ...rest] = trimmed.split('\n').map((line) => line.trim());
  const verdict = first.toLowerCase();
  if (verdict === 'safe') return { flagged: false, categories: [] };
  if (verdict !== 'unsafe') return undefined;
  const codes = rest
    .join(',')
    .split(/[\s,]+/)
    .filter((code) => code !== '');
  return { flagged: true, categories: codes };
}

function findingsOf(verdict: Verdict, role: 'user' | 'assistant', modelId: string): GuardFinding[] {
  if (!verdict.flagged) return [];
  const raw = verdict.categories.length > 0 ? verdict.categories : ['unsafe'];
  const findings = new Map<string, GuardFinding>();
  for (const name of raw) {
    const mapped = mapCategory(name, role);
    if (!mapped) continue;
    const key = `${mapped.reason}/${mapped.category ?? ''}`;
    if (findings.has(key)) continue;
    findings.set(key, {
      reason: mapped.reason,
      score: MODEL_SCORE,
      source: 'model',
      detail: `${modelId}:${name.trim()}`,
      ...(mapped.category ? { category: mapped.category } : {}),
    });
  }
  return [...findings.values()];
}

const unavailable = (entry: ModelEntry, why: string, cause?: unknown) =>
  new MizanError(GUARD_MODEL_UNAVAILABLE, `guard model "${entry.id}" ${why}`, {
    status: 503,
    type: 'upstream_error',
    cause,
  });

export function createModelGuard(entry: ModelEntry, options: { timeoutMs: number }): ModelGuard {
  if (entry.kind !== 'chat') {
    throw errors.internal('guard_model_not_chat', `guard model "${entry.id}" is an ${entry.kind} model`);
  }

  return {
    async check(text, role, signal) {
      const messages: ChatMessage[] =
        role === 'user'
          ? [{ role: 'user', content: text }]
          : [
              { role: 'user', content: ANSWER_CONTEXT },
              { role: 'assistant', content: text },
            ];
      const timeout = AbortSignal.timeout(options.timeoutMs);
      let answer: string;
      try {
        const result = await entry.provider.generate({
          model: entry.upstreamModel,
          messages,
          params: { ...GENERATION },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        answer = result.text;
      } catch (error) {
        // The flow was cancelled: that is no failure of the guard model.
        if (signal?.aborted) throw error;
        if (timeout.aborted) throw unavailable(entry, `did not answer within ${options.timeoutMs} ms`, error);
        throw unavailable(entry, 'failed', error);
      }
      const verdict = parseVerdict(answer);
      // The answer is not logged: it may quote the text it judged.
      if (!verdict) throw unavailable(entry, 'gave an answer that is not a verdict');
      return findingsOf(verdict, role, entry.id);
    },
  };
}
