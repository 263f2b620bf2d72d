import { isMizanError } from '../errors.js';
import type { ChatMessage, ContentPart } from '../providers/spec.js';
import { privacyErrors } from './errors.js';
import { applyOperators, type OperatorCounts } from './operators.js';
import type { PrivacyPolicy } from './policy.js';
import type { Entity, EntityType } from './types.js';
import type { ConversationVault } from './vault.js';

export interface Protection {
  /** Per type and operator, never a value. */
  counts: OperatorCounts;
  /** Some personal data was left in clear by an `allow` operator: forwarding it is a transfer to check. */
  personalDataRemains: boolean;
}

/** Shorter values are too likely to occur by chance to be masked wherever they appear. */
const MIN_REMEMBERED_LENGTH = 4;
const REMEMBERED_PATTERN = 'conversation-memory';

/**
 * Applies the policy to a set of texts that one model call reads, sharing one vault so that a value gets the
 * same pseudonym everywhere. A value detected anywhere in the conversation (now or in an earlier turn) is
 * masked at every other occurrence too, even where its context alone would not reveal it: "Dossier de BK482913"
 * in a tool result after "CIN BK482913" in the question. Fails closed: any detection failure refuses the
 * request rather than forwarding raw text.
 */
export function protectTexts(
  texts: readonly string[],
  options: {
    scan: (text: string) => Entity[];
    policy: PrivacyPolicy;
    vault: ConversationVault;
    hashKey?: Uint8Array;
  },
): { texts: string[]; protection: Protection } {
  const found = texts.map((text) => detect(text, options.scan));
  const remembered = new Map<string, EntityType>();
  for (const entry of options.vault.entries()) remembered.set(entry.value, entry.type);
  for (const entities of found) for (const e of entities) remembered.set(e.text, e.type);

  const counts: OperatorCounts = {};
  let personalDataRemains = false;
  const protectedTexts = texts.map((text, i) => {
    const entities = withRemembered(text, found[i]!, remembered);
    if (entities.length === 0) return text;
    const applied = applyOperators(text, entities, options.policy, options.vault, {
      hashKey: options.hashKey,
    });
    for (const [type, byOperator] of Object.entries(applied.counts)) {
      const total = (counts[type as EntityType] ??= {});
      for (const [operator, n] of Object.entries(byOperator)) {
        total[operator as keyof typeof total] = (total[operator as keyof typeof total] ?? 0) + n;
      }
    }
    if (applied.applied.some((a) => a.operator === 'allow')) personalDataRemains = true;
    return applied.text;
  });
  return { texts: protectedTexts, protection: { counts, personalDataRemains } };
}

function detect(text: string, scan: (text: string) => Entity[]): Entity[] {
  if (text === '') return [];
  try {
    return scan(text);
  } catch (error) {
    throw isMizanError(error) ? error : privacyErrors.detectionFailed(error);
  }
}

/** Adds every occurrence of a remembered value that detection did not already cover. */
function withRemembered(
  text: string,
  entities: Entity[],
  remembered: ReadonlyMap<string, EntityType>,
): Entity[] {
  const extra: Entity[] = [];
  const taken = (start: number, end: number) =>
    [...entities, ...extra].some((e) => start < e.end && e.start < end);
  for (const [value, type] of remembered) {
    if (value.length < MIN_REMEMBERED_LENGTH) continue;
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      const end = at + value.length;
      if (taken(at, end)) continue;
      extra.push({
        type,
        start: at,
        end,
        text: value,
        score: 1,
        explanation: { recognizer: type, pattern: REMEMBERED_PATTERN, baseScore: 1 },
      });
    }
  }
  return extra.length === 0 ? entities : [...entities, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * Every text a model would read — message contents, text parts, tool-call arguments and tool results — is
 * protected in one pass, then put back in place.
 */
export function protectMessages(
  messages: readonly ChatMessage[],
  protect: (texts: readonly string[]) => string[],
): ChatMessage[] {
  const texts: string[] = [];
  const slot = (text: string) => texts.push(text) - 1;
  const shapes = messages.map((message) => ({
    content: contentSlots(message.content, slot),
    toolCalls: message.tool_calls?.map((call) => {
      const fn = (call as { function?: { arguments?: unknown } }).function;
      return typeof fn?.arguments === 'string' ? slot(fn.arguments) : undefined;
    }),
  }));
  const out = protect(texts);
  return messages.map((message, i) => {
    const shape = shapes[i]!;
    const content = fillContent(message.content, shape.content, out);
    const toolCalls = message.tool_calls?.map((call, j) => {
      const index = shape.toolCalls?.[j];
      if (index === undefined) return call;
      const fn = (call as { function: object }).function;
      // Pseudonyms contain no quote or backslash, so spans replaced inside JSON arguments keep them valid.
      return { ...(call as object), function: { ...fn, arguments: out[index] } };
    });
    return { ...message, content, ...(toolCalls ? { tool_calls: toolCalls } : {}) };
  });
}

type ContentSlots = number | Array<number | undefined> | undefined;

function contentSlots(content: ChatMessage['content'], slot: (text: string) => number): ContentSlots {
  if (typeof content === 'string') return slot(content);
  if (!Array.isArray(content)) return undefined;
  return content.map((part) =>
    part.type === 'text' && typeof part.text === 'string' ? slot(part.text) : undefined,
  );
}

function fillContent(
  content: ChatMessage['content'],
  slots: ContentSlots,
  out: string[],
): ChatMessage['content'] {
  if (typeof slots === 'number') return out[slots]!;
  if (!Array.isArray(content) || !Array.isArray(slots)) return content;
  return content.map((part, i): ContentPart => {
    const index = slots[i];
    return index === undefined ? part : { ...part, text: out[index]! };
  });
}
