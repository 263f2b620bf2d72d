import { errors } from '../errors.js';
import { isEntityType, type EntityType } from './types.js';

/**
 * Pseudonyms look like `⟦MA_CIN_1⟧`: mathematical white square brackets (U+27E6, U+27E7), which ordinary text and
 * identifiers never contain, around the entity type and a number counted per type within one conversation.
 * Both brackets are single UTF-16 code units, so a stream can be cut anywhere without splitting one.
 */
export const TOKEN_OPEN = '\u27e6';
export const TOKEN_CLOSE = '\u27e7';

/**
 * A pseudonym of any conversation: `⟦TYPE_N⟧`. Only the vault knows whether it is one of its own. Global: use it
 * with `replace` or `matchAll`, which do not depend on its `lastIndex`.
 */
export const PSEUDONYM_PATTERN = /\u27e6([A-Z][A-Z_]*)_([1-9][0-9]*)\u27e7/g;
const PSEUDONYM_EXACT = /^\u27e6([A-Z][A-Z_]*)_([1-9][0-9]*)\u27e7$/;

export const formatPseudonym = (type: EntityType, n: number): string =>
  `${TOKEN_OPEN}${type}_${n}${TOKEN_CLOSE}`;

/** The type and number of a pseudonym, or undefined when `token` is not one. */
export const parsePseudonym = (token: string): { type: EntityType; n: number } | undefined => {
  const match = PSEUDONYM_EXACT.exec(token);
  if (!match || !isEntityType(match[1]!)) return undefined;
  const n = Number(match[2]);
  return Number.isSafeInteger(n) ? { type: match[1], n } : undefined;
};

/** One pseudonym and the value it stands for, as the user first wrote it in the conversation. */
export interface VaultEntry {
  readonly token: string;
  readonly type: EntityType;
  readonly value: string;
}

/** The (tenant, conversation) a vault belongs to; a store refuses to save a vault under another one. */
export interface VaultScope {
  readonly tenantId: string;
  readonly conversationId: string;
}

// Zero-width characters, direction marks and embeddings that keyboards and copy-paste insert into identifiers.
const INVISIBLES = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Arabic diacritics (harakat, shadda, sukun, superscript alef) and tatweel: "مُحَمَّد" and "محمد" are one name.
const ARABIC_MARKS = /\u0640|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
const EASTERN_DIGIT_ZERO = 0x0660;
const PERSIAN_DIGIT_ZERO = 0x06f0;

const foldDigits = (value: string): string =>
  value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= PERSIAN_DIGIT_ZERO ? PERSIAN_DIGIT_ZERO : EASTERN_DIGIT_ZERO));
  });

/** Morocco's country calling code; `+212 6…`, `00212 6…`, `+212 (0)6…` and `06…` are one number. */
const MOROCCO_CALLING_CODE = '212';
/** A national number without its leading 0 has 9 digits, so an international one is 212 + 9 digits or more. */
const INTERNATIONAL_PHONE_MIN_DIGITS = MOROCCO_CALLING_CODE.length + 9;

const canonicalPhone = (digits: string): string => {
  let national = digits;
  if (national.startsWith(`00${MOROCCO_CALLING_CODE}`))
    national = national.slice(2 + MOROCCO_CALLING_CODE.length);
  else if (national.startsWith(MOROCCO_CALLING_CODE) && national.length >= INTERNATIONAL_PHONE_MIN_DIGITS) {
    national = national.slice(MOROCCO_CALLING_CODE.length);
  }
  return national.startsWith('0') ? national : `0${national}`;
};

const NUMERIC_TYPES: ReadonlySet<EntityType> = new Set(['MA_RIB', 'MA_CNSS', 'MA_ICE', 'PAYMENT_CARD']);
/** Letters and digits: separators dropped, letters upper-cased. */
const CODE_TYPES: ReadonlySet<EntityType> = new Set([
  'MA_CIN',
  'IBAN',
  'MA_MASSAR',
  'MA_PASSPORT',
  'MA_PLATE',
]);

/**
 * The form under which two writings of one value are the same value: digits only for numeric identifiers
 * (phone numbers in their national form), letters and digits upper-cased for codes (CIN, IBAN, Massar, passport,
 * plate), lower-cased for e-mail and IP addresses, and whitespace collapsed, lower-cased and without Arabic
 * diacritics for names, addresses, dates and sensitive spans. Every type first gets NFKC, ASCII digits and no
 * invisible characters. Deterministic and free of any key: the vault compares with it and the store hashes it.
 */
export const canonicalValue = (type: EntityType, value: string): string => {
  const base = foldDigits(value.normalize('NFKC').replace(INVISIBLES, ''));
  const canonical = canonicalOf(type, base);
  // A span with nothing the rule keeps (no digit in a "phone") is compared as written, never merged with others.
  return canonical === '' ? base : canonical;
};

const canonicalOf = (type: EntityType, base: string): string => {
  if (type === 'MA_PHONE') {
    const digits = base.replace(/\D/g, '');
    return digits === '' ? '' : canonicalPhone(digits);
  }
  if (NUMERIC_TYPES.has(type)) return base.replace(/\D/g, '');
  if (CODE_TYPES.has(type)) return base.replace(/[\s\-./|_]/g, '').toUpperCase();
  if (type === 'EMAIL' || type === 'IP_ADDRESS') return base.trim().toLowerCase();
  return base.replace(ARABIC_MARKS, '').replace(/\s+/g, ' ').trim().toLowerCase();
};

const lookupKey = (type: EntityType, canonical: string): string => `${type}\u0000${canonical}`;

/**
 * The pseudonyms of one conversation, in memory for one request: the same (type, value) always gets the same
 * token, numbered per type in order of first appearance (`⟦MA_CIN_1⟧`, `⟦MA_CIN_2⟧`, `⟦PERSON_1⟧`). A vault
 * belongs to one (tenant, conversation) and shares nothing with any other vault; it only grows.
 */
export class ConversationVault {
  readonly scope: VaultScope | undefined;
  readonly #byToken = new Map<string, VaultEntry>();
  readonly #byValue = new Map<string, VaultEntry>();
  readonly #lastNumber = new Map<EntityType, number>();
  #longestToken = 0;

  /** Empty, or holding entries persisted earlier (a store's `load`); numbering continues after them. */
  constructor(entries: Iterable<VaultEntry> = [], scope?: VaultScope) {
    this.scope = scope === undefined ? undefined : { ...scope };
    for (const entry of entries) this.#add(entry);
  }

  #add(entry: VaultEntry): void {
    const parsed = parsePseudonym(entry.token);
    if (parsed === undefined || parsed.type !== entry.type) {
      throw errors.internal(
        'vault_entry_invalid',
        `vault entry ${JSON.stringify(entry.token)} is not a pseudonym of type ${entry.type}`,
      );
    }
    if (this.#byToken.has(entry.token)) {
      throw errors.internal('vault_entry_invalid', `vault entry ${entry.token} appears twice`);
    }
    const frozen: VaultEntry = Object.freeze({ token: entry.token, type: entry.type, value: entry.value });
    this.#byToken.set(frozen.token, frozen);
    // Two tokens for one value can come from concurrent requests of one conversation: both restore, the first
    // is the one reused.
    const key = lookupKey(frozen.type, canonicalValue(frozen.type, frozen.value));
    if (!this.#byValue.has(key)) this.#byValue.set(key, frozen);
    this.#lastNumber.set(frozen.type, Math.max(this.#lastNumber.get(frozen.type) ?? 0, parsed.n));
    this.#longestToken = Math.max(this.#longestToken, frozen.token.length);
  }

  /** The token for this value, created (and numbered) on first appearance. */
  tokenFor(type: EntityType, value: string): string {
    const existing = this.#byValue.get(lookupKey(type, canonicalValue(type, value)));
    if (existing !== undefined) return existing.token;
    const token = formatPseudonym(type, (this.#lastNumber.get(type) ?? 0) + 1);
    this.#add({ token, type, value });
    return token;
  }

  /** The value behind one of this vault's tokens, as first written; undefined for any other string. */
  valueOf(token: string): string | undefined {
    return this.#byToken.get(token)?.value;
  }

  has(token: string): boolean {
    return this.#byToken.has(token);
  }

  /** In order of creation (persisted ones first, in the order they were loaded). */
  entries(): VaultEntry[] {
    return [...this.#byToken.values()];
  }

  get size(): number {
    return this.#byToken.size;
  }

  /** Length of this vault's longest token (0 when empty): no restorer ever needs to hold back more. */
  get longestTokenLength(): number {
    return this.#longestToken;
  }
}
