/**
 * The systems compared: Mizan's input guard (rule packs alone, and rule packs with the compact classifier) and the
 * offline npm peers `llm-guard` and `@presidio-dev/hai-guardrails`, each run from node_modules with nothing from the
 * network. A system answers one text at a time: detected or not, and for Mizan its decision and reasons.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../environment.js';

/** `input`: a user's message; `content`: a passage a model will read (retrieved text, an e-mail…). */
export type CheckMode = 'input' | 'content';

export interface Answer {
  detected: boolean;
  /** Mizan: `decision reason,reason` (for the report's examples and breakdowns). */
  label?: string;
}

export interface System {
  name: string;
  version: string;
  settings: string;
  check(text: string, mode: CheckMode): Answer | Promise<Answer>;
}

export const MIZAN_RULES = 'mizan-rules';
export const MIZAN = 'mizan';
export const SYSTEM_NAMES = [MIZAN_RULES, MIZAN, 'llm-guard', 'hai-pattern', 'hai-heuristic'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];
export const isMizan = (name: string): boolean => name === MIZAN || name === MIZAN_RULES;

const packageVersion = (name: string): string => {
  const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
};

async function mizan(classifier: boolean): Promise<System> {
  // Imported here, so that the load time includes it (through tsx, which compiles the TypeScript on the way).
  const { createInputGuard } = await import('../../src/guard/guard.js');
  const guard = createInputGuard({ classifier });
  return {
    name: classifier ? 'Mizan (rules + classifier)' : 'Mizan (rules only)',
    version: '',
    settings: `createInputGuard({ classifier: ${classifier} }); checkInput for messages, checkContent for passages; detected = review or block`,
    check(text, mode) {
      const v = mode === 'content' ? guard.checkContent(text) : guard.checkInput(text);
      return {
        detected: v.decision === 'review' || v.decision === 'block',
        label: `${v.decision} ${v.reasons.join(',')}`,
      };
    },
  };
}

interface LlmGuardModule {
  LLMGuard: new (config: Record<string, boolean>) => {
    validate(prompt: string): Promise<{ isValid: boolean }>;
  };
}

async function llmGuard(): Promise<System> {
  const { LLMGuard } = (await import('llm-guard')) as LlmGuardModule;
  const guard = new LLMGuard({ pii: false, profanity: false, relevance: false });
  return {
    name: 'llm-guard',
    version: packageVersion('llm-guard'),
    settings:
      '`new LLMGuard({ pii: false, profanity: false, relevance: false })`: its prompt-injection, jailbreak and toxicity guards (English regular expressions and word lists); detected = `isValid` false',
    check: async (text) => ({ detected: !(await guard.validate(text)).isValid }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// @presidio-dev/hai-guardrails

type HaiGuard = (messages: { role: string; content: string }[]) => Promise<{ passed: boolean }[]>;
interface HaiTactic {
  keywords: string[];
  defaultThreshold: number;
  piscina: { destroy(): Promise<void> };
}
interface HaiModule {
  injectionGuard(opts: { roles: string[] }, extra: { mode: string; threshold: number }): HaiGuard;
  leakageGuard(opts: { roles: string[] }, extra: { mode: string; threshold: number }): HaiGuard;
  Heuristic: { prototype: { execute(this: HaiTactic, input: string, threshold?: number): Promise<unknown> } };
}
type KeywordMatch = (task: { input: string; keyword: string; threshold: number }) => Promise<{
  score: number;
  additionalFields: Record<string, unknown>;
}>;

/** The threshold of the package's README examples for its injection guard. */
const HAI_THRESHOLD = 0.7;

/**
 * hai-guardrails 1.12 as published cannot run its heuristic tactic: it hands each keyword to a piscina worker pool
 * whose worker script points at the path of the machine that built the package, and the pool's threads fail to
 * start as soon as the module is imported. The tactic is kept, only its dispatch changes: its own worker function
 * (dist/workers/heuristic.worker.js) runs in-process over its own keywords, best score kept, as the pool would; the
 * pools are shut down at the first call, and their start-up errors are swallowed until then.
 */
async function loadHai(): Promise<HaiModule> {
  process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('piscina')) throw error;
  });
  const dist = path.join(REPO_ROOT, 'node_modules', '@presidio-dev', 'hai-guardrails', 'dist');
  const hai = (await import(pathToFileURL(path.join(dist, 'index.js')).href)) as HaiModule;
  const worker = (await import(pathToFileURL(path.join(dist, 'workers', 'heuristic.worker.js')).href)) as {
    default: KeywordMatch;
  };
  const stopped = new WeakSet<HaiTactic>();
  hai.Heuristic.prototype.execute = async function (input, thresholdOverride) {
    if (!stopped.has(this)) {
      stopped.add(this);
      await this.piscina.destroy();
    }
    const threshold = thresholdOverride ?? this.defaultThreshold;
    let best = { score: 0, additionalFields: {} };
    for (const keyword of this.keywords) {
      const result = await worker.default({ input, keyword, threshold });
      if (result.score > best.score) best = result;
    }
    return best;
  };
  return hai;
}

async function hai(mode: 'pattern' | 'heuristic'): Promise<System> {
  const lib = await loadHai();
  const guards = [
    lib.injectionGuard({ roles: ['user'] }, { mode, threshold: HAI_THRESHOLD }),
    lib.leakageGuard({ roles: ['user'] }, { mode, threshold: HAI_THRESHOLD }),
  ];
  // The first call of each heuristic guard shuts its broken pool down (see loadHai); pattern mode leaves the
  // pools alone, so stop them through the heuristic guards all the same.
  for (const make of [lib.injectionGuard, lib.leakageGuard])
    await make(
      { roles: ['user'] },
      { mode: 'heuristic', threshold: HAI_THRESHOLD },
    )([{ role: 'user', content: '.' }]);
  return {
    name: `hai-guardrails (${mode})`,
    version: packageVersion('@presidio-dev/hai-guardrails'),
    settings: `injectionGuard and leakageGuard, \`{ roles: ['user'] }, { mode: '${mode}', threshold: ${HAI_THRESHOLD} }\`; detected = either guard's \`passed\` false${mode === 'heuristic' ? '; the keyword matching runs in-process (the published worker pool cannot start, see the notes)' : ''}`,
    async check(text) {
      const message = [{ role: 'user', content: text }];
      // Both guards run, as in the package's GuardrailsEngine.
      const results = await Promise.all(guards.map((guard) => guard(message)));
      return { detected: results.flat().some((r) => !r.passed) };
    },
  };
}

export async function loadSystem(name: SystemName): Promise<System> {
  switch (name) {
    case MIZAN_RULES:
      return mizan(false);
    case MIZAN:
      return mizan(true);
    case 'llm-guard':
      return llmGuard();
    case 'hai-pattern':
      return hai('pattern');
    case 'hai-heuristic':
      return hai('heuristic');
  }
}
