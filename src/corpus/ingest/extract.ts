import { extractDocx } from './docx.js';
import { ingestErrors } from './errors.js';
import { htmlToText } from './html.js';
import { FrontMatterError, splitMarkdown } from './markdown.js';
import { extractPdf } from './pdf.js';
import { decodeText, normalizeText, TextDecodeError } from './text.js';

/**
 * A document's bytes to the text Mizan stores, chunks, cites and hashes: detection of the format, extraction, one
 * normalization for every format (see normalizeText), and the refusals (too large, unsupported, damaged, encrypted,
 * empty) as coded errors naming the file.
 */

export type DocumentFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['markdown', 'text', 'html', 'pdf', 'docx'];

export interface ExtractedDocument {
  format: DocumentFormat;
  /** The document's text as Mizan stores, chunks, cites and hashes it (UTF-8, \n line ends, NFC). */
  text: string;
  /**
   * A title when the document states one: Markdown front matter `title`, first `# heading`, HTML <title>/<h1>, PDF
   * info Title, DOCX first heading.
   */
  title?: string;
  /**
   * Markdown YAML front matter fields (provenance: id, title, publisher, source_uri, licence, language,
   * classification, version, valid_from, valid_to, demo…), verbatim; {} otherwise.
   */
  metadata: Record<string, unknown>;
}

export interface ExtractOptions {
  /** Largest document accepted, in bytes (default 20 MiB); checked before any parsing. */
  maxBytes?: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** PDF readers accept the `%PDF-` header anywhere in the first KiB (ISO 32000-1, annex H.3 note 3). */
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
/** The part every WordprocessingML package has (ECMA-376 part 1, 11.3.10); zip entry names are stored uncompressed. */
const DOCX_MAIN_PART = Buffer.from('word/document.xml', 'latin1');
/** How far into a file to look for an HTML start when its name says nothing. */
const HTML_SNIFF_WINDOW = 512;

/**
 * The document's format: by its bytes first (a PDF header; a zip package holding word/document.xml), then by the
 * extension of its name (.md .markdown .txt .html .htm .pdf .docx), then, for a name without a known extension,
 * by an HTML start (`<!doctype html`, `<html`). Undefined when none of these says.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byExtension = EXTENSIONS[extensionOf(fileName)];
  const pdfHeader = buffer.subarray(0, PDF_HEADER_WINDOW).indexOf(PDF_MAGIC);
  // A header further in counts only when the name does not say text: a Markdown page may well mention "%PDF-".
  if (pdfHeader === 0 || (pdfHeader > 0 && !isTextFormat(byExtension))) return 'pdf';
  if (ZIP_MAGIC.every((byte, i) => buffer[i] === byte) && buffer.indexOf(DOCX_MAIN_PART) !== -1) {
    return 'docx';
  }
  if (byExtension !== undefined) return byExtension;
  const start = buffer.subarray(0, HTML_SNIFF_WINDOW).toString('latin1').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return undefined;
}

const isTextFormat = (format: DocumentFormat | undefined): boolean =>
  format === 'markdown' || format === 'text' || format === 'html';

const extensionOf = (fileName: string): string => {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
};

export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (bytes.byteLength > maxBytes) throw ingestErrors.tooLarge(fileName, bytes.byteLength, maxBytes);
  const format = detectFormat(bytes, fileName);
  if (format === undefined) {
    throw ingestErrors.unsupportedFormat(
      fileName,
      'unknown document format; send Markdown (.md), text (.txt), HTML (.html), PDF (.pdf) or Word (.docx)',
    );
  }
  const extracted = await extractByFormat(format, bytes, fileName);
  if (extracted.text.trim() === '') {
    throw ingestErrors.empty(
      fileName,
      format === 'pdf'
        ? 'the PDF has no text layer (a scanned document?); OCR is not supported: upload a PDF with text, or the text itself'
        : 'the document holds no text',
    );
  }
  return extracted;
}

async function extractByFormat(
  format: DocumentFormat,
  bytes: Uint8Array,
  fileName: string,
): Promise<ExtractedDocument> {
  switch (format) {
    case 'markdown': {
      const text = normalizeText(decode(bytes, fileName));
      let parts;
      try {
        parts = splitMarkdown(text);
      } catch (error) {
        if (error instanceof FrontMatterError) throw ingestErrors.invalidFrontMatter(fileName, error.message);
        throw error;
      }
      return withTitle({ format, text: normalizeText(parts.body), metadata: parts.metadata }, parts.title);
    }
    case 'text':
      return { format, text: normalizeText(decode(bytes, fileName)), metadata: {} };
    case 'html': {
      const html = htmlToText(decode(bytes, fileName, declaredCharset(bytes)));
      return withTitle(
        { format, text: normalizeText(html.text, { trimLines: true }), metadata: {} },
        html.title ?? html.firstH1,
      );
    }
    case 'pdf': {
      const pdf = await extractPdf(bytes, fileName);
      const text = normalizeText(pdf.pages.filter((page) => page.trim() !== '').join('\n\n'), {
        trimLines: true,
      });
      return withTitle({ format, text, metadata: {} }, pdf.title);
    }
    case 'docx': {
      const docx = await extractDocx(bytes, fileName);
      return withTitle(
        { format, text: normalizeText(docx.text, { trimLines: true }), metadata: {} },
        docx.firstHeading,
      );
    }
  }
}

function decode(bytes: Uint8Array, fileName: string, charset?: string): string {
  try {
    return decodeText(bytes, charset);
  } catch (error) {
    if (error instanceof TextDecodeError) throw ingestErrors.unsupportedFormat(fileName, error.message);
    throw error;
  }
}

/** How far browsers look for a `<meta charset>` (HTML Living Standard, "prescan a byte stream"). */
const CHARSET_PRESCAN_BYTES = 1024;

/** The charset an HTML document declares in its first KiB, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CHARSET_PRESCAN_BYTES));
  const match = /<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(
    head.toString('latin1'),
  );
  return match?.[1];
}

function withTitle(document: ExtractedDocument, title: string | undefined): ExtractedDocument {
  const clean = title?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return clean ? { ...document, title: clean } : document;
}
