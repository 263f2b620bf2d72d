/**
 * Payloads hidden in an encoding a model can read back: base64, hex, percent-encoding, HTML character references,
 * and ROT13 or reversed text when the message says to read it so. Each decoded payload is a reading of its own;
 * a segment that does not decode to mostly printable UTF-8 text is ignored, so long words and identifiers cost a
 * failed decode and nothing more.
 */

export interface DecodedPayload {
  transform: 'base64' | 'hex' | 'url' | 'entities' | 'rot13' | 'reversed';
  text: string;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');
/** Characters of ordinary text: letters, marks, digits, punctuation, symbols, spaces and line breaks. */
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}\s]/gu;
const LETTER = /\p{L}/gu;
const MIN_PRINTABLE_SHARE = 0.9;
const MIN_LETTERS = 4;

/** The bytes as text when they are valid UTF-8 that reads as text, else undefined. */
function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  const length = [...text].length;
  const printable = text.match(PRINTABLE)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  return letters >= MIN_LETTERS && printable >= MIN_PRINTABLE_SHARE * length ? text : undefined;
}

/**
 * 16 characters or more of the standard or the URL-safe alphabet: shorter runs are ordinary words, unless padding
 * ends them ("YmdoaXQgbm1vdXQ=", a short phrase).
 */
const BASE64_SEGMENT =
  /[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_-]{16,}={0,2}|(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{8,15}={1,2}/g;
/** Eight bytes or more written as hex pairs, run together or split by spaces, colons, commas, \x or 0x. */
const HEX_SEGMENT = /(?<![0-9a-z])(?:\\x|0x)?[0-9a-f]{2}(?:[ :,]?(?:\\x|0x)?[0-9a-f]{2}){7,}(?![0-9a-z])/gi;
const HEX_PREFIX = /\\x|0x|[ :,]/gi;
const PERCENT_RUN = /(?:%[0-9a-f]{2})+/gi;
const PERCENT_ESCAPES = /%[0-9a-f]{2}/gi;
const MIN_PERCENT_ESCAPES = 3;
const ENTITY = /&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi;
const MIN_ENTITIES = 3;
/** The message says how to read it: "rot13", "ROT-13", "rot 13". */
const ROT13_CUE = /\brot[\s-]?13\b/i;
/** The message says to read it backwards, in one of the platform's languages. */
const REVERSED_CUE =
  /(?<!\p{L})(?:reversed?|backwards?|(?:à|a) l['’]envers|invers(?:é|e)e?s?|right to left|de droite (?:à|a) gauche|m9loub|bel3ks)(?!\p{L})|معكوس|مقلوب|بالعكس|من اليمين (?:الى|إلى) اليسار/iu;

const HEX_PAIR = /[0-9a-f]{2}/gi;

function decodeBase64(segment: string): string | undefined {
  return asText(
    Buffer.from(segment, segment.includes('-') || segment.includes('_') ? 'base64url' : 'base64'),
  );
}

function decodeHex(segment: string): string | undefined {
  const pairs = segment.replace(HEX_PREFIX, '').match(HEX_PAIR) ?? [];
  return asText(Uint8Array.from(pairs, (pair) => parseInt(pair, 16)));
}

function decodePercent(text: string): string | undefined {
  if ((text.match(PERCENT_ESCAPES)?.length ?? 0) < MIN_PERCENT_ESCAPES) return undefined;
  return text.replace(PERCENT_RUN, (run) =>
    LENIENT_UTF8.decode(Uint8Array.from(run.match(HEX_PAIR) ?? [], (pair) => parseInt(pair, 16))),
  );
}

function decodeEntities(text: string): string | undefined {
  if ((text.match(ENTITY)?.length ?? 0) < MIN_ENTITIES) return undefined;
  return text.replace(ENTITY, (entity, hex: string | undefined, decimal: string | undefined) => {
    const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

const rot13 = (text: string): string =>
  text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });

/** At most this many payloads per text, so that a message packed with segments costs a bounded time. */
const MAX_PAYLOADS = 8;

/** Decodings of segments (base64, hex), which may hold another encoding, then of the whole text. */
export function decodedPayloads(text: string): DecodedPayload[] {
  const payloads: DecodedPayload[] = [];
  const add = (transform: DecodedPayload['transform'], decoded: string | undefined) => {
    if (decoded !== undefined && decoded !== text && payloads.length < MAX_PAYLOADS)
      payloads.push({ transform, text: decoded });
  };
  for (const [segment] of text.matchAll(BASE64_SEGMENT)) add('base64', decodeBase64(segment));
  for (const [segment] of text.matchAll(HEX_SEGMENT)) add('hex', decodeHex(segment));
  if (text.includes('%')) add('url', decodePercent(text));
  if (text.includes('&#')) add('entities', decodeEntities(text));
  if (ROT13_CUE.test(text)) add('rot13', rot13(text));
  if (REVERSED_CUE.test(text)) add('reversed', [...text].reverse().join(''));
  return payloads;
}
