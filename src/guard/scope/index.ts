import { normalizeForSearch } from '../../language/normalize/index.js';
import { compileCues, matchKey, type Lexicon } from '../../oversight/review/sensitive-topics.js';
import type { GuardFinding } from '../types.js';
import {
  OFF_PURPOSE_ACRONYMS,
  OFF_PURPOSE_LEXICON,
  PUBLIC_SERVICE_ACRONYMS,
  PUBLIC_SERVICE_LEXICON,
  SERVED_BY,
  type OffPurposeTopic,
  type PublicServiceTopic,
} from './topics.js';

export {
  isPublicServiceTopic,
  OFF_PURPOSE_TOPICS,
  PUBLIC_SERVICE_TOPICS,
  type OffPurposeTopic,
  type PublicServiceTopic,
} from './topics.js';

/** Cues are phrases chosen to be unambiguous (see topics.ts): a match is a confident call, above the block line. */
const SCOPE_SCORE = 0.9;

/** Topics that name no one service: they keep a request in scope but never narrow an assistant's scope. */
const GENERIC_TOPICS: ReadonlySet<PublicServiceTopic> = new Set(['general_administration']);

interface TopicMatcher<T> {
  topic: T;
  /** Cue phrases, on the spelling-folded key. */
  cues: RegExp;
  /** Acronyms, on the search key (lower-cased, accents off, not folded). */
  acronyms: RegExp | undefined;
}

function matchers<T extends string>(
  lexicons: Readonly<Record<T, Lexicon>>,
  acronyms: Readonly<Partial<Record<T, readonly string[]>>>,
): TopicMatcher<T>[] {
  return (Object.entries(lexicons) as Array<[T, Lexicon]>).map(([topic, lexicon]) => {
    const words = acronyms[topic];
    return {
      topic,
      cues: compileCues(Object.values(lexicon).flat()),
      acronyms: words && new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
    };
  });
}

const PUBLIC_MATCHERS = matchers(PUBLIC_SERVICE_LEXICON, PUBLIC_SERVICE_ACRONYMS);
const OFF_PURPOSE_MATCHERS = matchers(OFF_PURPOSE_LEXICON, OFF_PURPOSE_ACRONYMS);

export interface ScopeTopics {
  publicService: PublicServiceTopic[];
  offPurpose: OffPurposeTopic[];
}

/** Every topic a text is about, in taxonomy order. */
export function classifyScopeTopics(text: string): ScopeTopics {
  const key = matchKey(text);
  const searchKey = normalizeForSearch(text);
  const found = <T>(topics: readonly TopicMatcher<T>[]): T[] =>
    topics.filter((m) => m.cues.test(key.key) || m.acronyms?.test(searchKey) === true).map((m) => m.topic);
  return { publicService: found(PUBLIC_MATCHERS), offPurpose: found(OFF_PURPOSE_MATCHERS) };
}

const finding = (detail: string): GuardFinding => ({
  reason: 'out_of_scope',
  score: SCOPE_SCORE,
  source: 'scope',
  detail,
});

/**
 * Whether a request falls outside what the assistant is for. Out of scope when the text is about an off-purpose
 * topic and about no public service ("raconte-moi une blague"), or, when `scope.topics` lists the assistant's
 * public-service topics, when every public-service topic it is about is another one (a passport question to a
 * health assistant). Anything else, a text about nothing recognized included, is in scope: a public assistant
 * does not refuse a citizen on a guess. `detail` is the topic that put the request out of scope.
 */
export function checkScope(text: string, scope: { topics?: readonly string[] }): GuardFinding | undefined {
  const { publicService, offPurpose } = classifyScopeTopics(text);
  const allowed = scope.topics && new Set(scope.topics);

  const specific = publicService.filter((topic) => !GENERIC_TOPICS.has(topic));
  if (allowed && specific.length > 0 && !specific.some((topic) => allowed.has(topic))) {
    return finding(specific[0]!);
  }
  if (publicService.length > 0) return undefined;

  const served = (topic: OffPurposeTopic) => {
    const by = SERVED_BY[topic];
    return by !== undefined && allowed?.has(by) === true;
  };
  const off = offPurpose.find((topic) => !served(topic));
  return off === undefined ? undefined : finding(off);
}
