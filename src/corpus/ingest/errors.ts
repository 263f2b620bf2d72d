import { errors, MizanError } from '../../errors.js';

/**
 * Coded errors of document extraction. Messages name the file and the format, never the document's text: a
 * document may hold personal data, and an error may be logged.
 */
export const INGEST_ERROR_CODES = {
  /** Neither the bytes nor the file name say which supported format this is, or a text file is not UTF-8. */
  unsupportedFormat: 'unsupported_format',
  /** The document is larger than the ingestion limit (checked before parsing). */
  tooLarge: 'document_too_large',
  /** The document holds no text: whitespace only, or a PDF without a text layer (OCR is not supported). */
  empty: 'empty_document',
  /** The bytes claim a format (PDF, DOCX) but cannot be parsed as it. */
  corrupt: 'corrupt_document',
  /** The PDF needs a password to be read. */
  encrypted: 'encrypted_document',
  /** The Markdown front matter is not a YAML mapping. */
  invalidFrontMatter: 'invalid_front_matter',
} as const;

export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[keyof typeof INGEST_ERROR_CODES];

/** HTTP 415 Unsupported Media Type: no shared constructor in src/errors.ts has this status. */
const UNSUPPORTED_MEDIA_TYPE = 415;

export const ingestErrors = {
  unsupportedFormat: (fileName: string, detail: string): MizanError =>
    new MizanError(INGEST_ERROR_CODES.unsupportedFormat, `${quote(fileName)}: ${detail}`, {
      status: UNSUPPORTED_MEDIA_TYPE,
      type: 'invalid_request_error',
      param: 'file',
    }),
  tooLarge: (fileName: string, size: number, maxBytes: number): MizanError =>
    errors.tooLarge(
      INGEST_ERROR_CODES.tooLarge,
      `${quote(fileName)} is ${size} bytes; documents may be at most ${maxBytes} bytes`,
    ),
  empty: (fileName: string, detail = 'the document holds no text'): MizanError =>
    errors.unprocessable(INGEST_ERROR_CODES.empty, `${quote(fileName)}: ${detail}`, 'file'),
  corrupt: (fileName: string, format: string, cause?: unknown): MizanError =>
    errors.unprocessable(
      INGEST_ERROR_CODES.corrupt,
      `${quote(fileName)} cannot be read as ${format}: the file is damaged or not a ${format} document`,
      'file',
      cause,
    ),
  encrypted: (fileName: string): MizanError =>
    errors.unprocessable(
      INGEST_ERROR_CODES.encrypted,
      `${quote(fileName)} is password-protected; remove the protection and upload it again`,
      'file',
    ),
  invalidFrontMatter: (fileName: string, detail: string): MizanError =>
    errors.unprocessable(
      INGEST_ERROR_CODES.invalidFrontMatter,
      `${quote(fileName)}: invalid YAML front matter (${detail})`,
      'file',
    ),
};

/** File names come from uploads: keep them short and printable in messages. */
const MAX_NAME_IN_MESSAGE = 120;
const quote = (fileName: string): string => {
  // eslint-disable-next-line no-control-regex
  const printable = fileName.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(
    printable.length > MAX_NAME_IN_MESSAGE ? `${printable.slice(0, MAX_NAME_IN_MESSAGE)}…` : printable,
  );
};
