/**
 * Bytes to text, and the one normalization every extracted document goes through before Mizan stores, chunks,
 * cites and hashes it: no byte-order mark, `\n` line ends, Unicode NFC, no control characters but tab and line feed,
 * no leading blank lines, no trailing whitespace.
 */

/** Why bytes could not be decoded as text; the caller turns it into a coded error naming the file. */
export class TextDecodeError extends Error {
  override readonly name = 'TextDecodeError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, i) => bytes[i] === byte);

/**
 * Decodes a text file: UTF-8 (the default, strictly: invalid sequences are refused, not replaced), or UTF-16 when a
 * byte-order mark says so, or the `charset` a caller read from the document itself (an HTML `<meta charset>`).
 * Bytes holding NUL are binary, not text.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string): string {
  let text: string;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    const label = startsWith(bytes, UTF16LE_BOM) ? 'utf-16le' : 'utf-16be';
    text = decodeWith(label, bytes.subarray(2), true);
  } else if (startsWith(bytes, UTF8_BOM)) {
    text = decodeWith('utf-8', bytes.subarray(3), true);
  } else {
    const label = declaredCharset === undefined ? 'utf-8' : supportedLabel(declaredCharset);
    text = decodeWith(label, bytes, label === 'utf-8');
  }
  if (text.includes('\u0000')) throw new TextDecodeError('the file holds binary data, not text');
  return text;
}

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TextDecodeError(`the file is not valid ${label.toUpperCase()} text; save it as UTF-8`);
  }
}

/** A charset label the runtime decodes; an unknown one falls back to UTF-8 (then decoded strictly). */
function supportedLabel(label: string): string {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return 'utf-8';
  }
}

// Control characters other than tab (09) and line feed (0A); carriage returns are folded before this runs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
// Form feed (a page break in text files) ends a line too.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /\r\n?|[\u000c\u2028\u2029\u0085]/g;

export interface NormalizeOptions {
  /** Remove trailing spaces on every line (for text Mizan generated from a layout: PDF, HTML, DOCX). */
  trimLines?: boolean;
}

/** The canonical form of a document's text (see the module comment). Linear in the length of the text. */
export function normalizeText(raw: string, options: NormalizeOptions = {}): string {
  let text = raw.startsWith('\ufeff') ? raw.slice(1) : raw;
  text = text.replace(LINE_BREAKS, '\n').replace(CONTROL, '').normalize('NFC');
  if (options.trimLines) {
    text = text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  }
  return stripLeadingBlankLines(text.trimEnd());
}

/** Removes whole blank lines at the start, keeping the indentation of the first line that has text. */
function stripLeadingBlankLines(text: string): string {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') start = i + 1;
    else if (c !== ' ' && c !== '\t') break;
  }
  return text.slice(start);
}
