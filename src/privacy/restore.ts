import { PSEUDONYM_PATTERN, TOKEN_CLOSE, TOKEN_OPEN, type ConversationVault } from './vault.js';

export interface RestoreOptions {
  /**
   * The text is JSON, or a piece of a JSON document (streamed tool-call arguments): values are written as the
   * content of a JSON string, so a quote, backslash or newline in a value cannot break the document.
   */
  json?: boolean;
}

const asJsonStringContent = (value: string): string => JSON.stringify(value).slice(1, -1);

/**
 * Replaces this vault's pseudonyms by the values they stand for. Anything else is left exactly as it is: a
 * pseudonym the model invented, one from another conversation, a redaction label or a hash.
 */
export const restoreText = (text: string, vault: ConversationVault, options: RestoreOptions = {}): string => {
  if (vault.size === 0 || !text.includes(TOKEN_OPEN)) return text;
  return text.replace(PSEUDONYM_PATTERN, (token) => {
    const value = vault.valueOf(token);
    if (value === undefined) return token;
    return options.json ? asJsonStringContent(value) : value;
  });
};

export interface StreamRestorer {
  /** The restored text that can be released now; may be empty while a possible token is incomplete. */
  push(delta: string): string;
  /** Whatever is still held back, restored (an unfinished token is released as written). Call once at the end. */
  flush(): string;
}

/**
 * Restores a stream of text deltas. Only the suffix that could still grow into one of this vault's tokens is
 * held back (it starts at a `⟦` and is a proper prefix of a token of the vault), so a token cut anywhere — `⟦MA_`
 * then `CIN_1⟧` — is restored whole, and the concatenated output always equals `restoreText` of the whole text.
 * A `⟦` that cannot begin one of the vault's tokens (or is followed by more than the longest token) is released
 * at once; with an empty vault nothing is ever held.
 */
export const createStreamRestorer = (
  vault: ConversationVault,
  options: RestoreOptions = {},
): StreamRestorer => {
  let pending = '';
  let prefixes = new Set<string>();
  let prefixesOfSize = -1;

  /** Every proper prefix of every token of the vault; rebuilt only if the vault grew since the last look. */
  const tokenPrefixes = (): ReadonlySet<string> => {
    if (prefixesOfSize !== vault.size) {
      prefixes = new Set();
      for (const { token } of vault.entries()) {
        for (let length = 1; length < token.length; length++) prefixes.add(token.slice(0, length));
      }
      prefixesOfSize = vault.size;
    }
    return prefixes;
  };

  /**
   * Where the held-back suffix starts (the text's length when nothing is held). Tokens hold `⟦` only as their
   * first character, so only the last `⟦` can start a suffix that is still a token prefix.
   */
  const holdFrom = (text: string): number => {
    const open = text.lastIndexOf(TOKEN_OPEN);
    if (open === -1 || text.length - open >= vault.longestTokenLength) return text.length;
    const suffix = text.slice(open);
    return !suffix.includes(TOKEN_CLOSE) && tokenPrefixes().has(suffix) ? open : text.length;
  };

  return {
    push(delta) {
      const text = pending + delta;
      const cut = holdFrom(text);
      pending = text.slice(cut);
      return restoreText(text.slice(0, cut), vault, options);
    },
    flush() {
      const rest = pending;
      pending = '';
      return restoreText(rest, vault, options);
    },
  };
};

/** A string holding a JSON object or array (tool-call `arguments`), parsed; undefined for any other string. */
const parseJsonContainer = (text: string): unknown => {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const restoreJsonString = (text: string, vault: ConversationVault): string => {
  const restored = restoreText(text, vault);
  if (restored === text) return text;
  const parsed = parseJsonContainer(text);
  // JSON inside a string (OpenAI's `function.arguments`) is restored value by value and encoded again, so a
  // value with quotes or newlines stays valid JSON, however deep the encoding is nested.
  return parsed === undefined ? restored : JSON.stringify(restoreJson(parsed, vault));
};

/**
 * Restores every string of a JSON value (tool calls, tool results), keys included, and the strings inside
 * JSON-encoded strings such as `arguments`. Returns a new value; strings without a token of the vault are kept
 * as they are (a JSON-encoded string is only re-encoded when it holds a token).
 */
export const restoreJson = <T>(value: T, vault: ConversationVault): T => {
  if (typeof value === 'string') return restoreJsonString(value, vault) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => restoreJson(item, vault)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [restoreText(key, vault), restoreJson(item, vault)]),
    ) as T;
  }
  return value;
};
