import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ingestErrors } from './errors.js';

/**
 * PDF text extraction with PDF.js (the legacy build, the one meant for Node). It runs in this process (no worker
 * thread of its own), never evaluates code from the document, and reads its character maps and standard-font data
 * from the installed package: nothing is fetched.
 */

export interface PdfText {
  /** Pages in order, each page's lines joined with `\n`, blank lines where the layout leaves a paragraph gap. */
  pages: string[];
  /** The document information dictionary's Title, when it has one. */
  title?: string;
}

/** The part of a PDF.js text item this module reads (marked-content items have no `str`). */
interface TextRun {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** A vertical move of more than this fraction of the font size starts a new line. */
const NEW_LINE_RATIO = 0.5;
/** A vertical move of more than this many font sizes leaves a paragraph gap (an empty line). */
const PARAGRAPH_GAP_RATIO = 1.8;
/** A horizontal gap wider than this fraction of the font size between two runs is a space. */
const SPACE_GAP_RATIO = 0.15;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;
/** PDF.js is loaded on first use: most requests never read a PDF. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const packageDir = (): string =>
  dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + '/';

export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const assets = packageDir();
  const task = getDocument({
    // PDF.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's bytes.
    data: new Uint8Array(bytes),
    cMapUrl: join(assets, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(assets, 'standard_fonts') + '/',
    wasmUrl: join(assets, 'wasm') + '/',
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw isPasswordError(error)
      ? ingestErrors.encrypted(fileName)
      : ingestErrors.corrupt(fileName, 'PDF', error);
  }
  try {
    const title = await documentTitle(document);
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) if (isTextRun(item)) runs.push(item);
      pages.push(pageText(runs));
      page.cleanup();
    }
    return title === undefined ? { pages } : { pages, title };
  } catch (error) {
    throw ingestErrors.corrupt(fileName, 'PDF', error);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

const isPasswordError = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'PasswordException' || /password/i.test(error.message));

const isTextRun = (item: unknown): item is TextRun =>
  typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string';

async function documentTitle(document: {
  getMetadata(): Promise<{ info: object }>;
}): Promise<string | undefined> {
  try {
    const { info } = await document.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
  } catch {
    return undefined; // a damaged information dictionary costs the title, not the text
  }
}

/**
 * Rebuilds a page's lines from its text runs, in content-stream order: a run that PDF.js marks as ending a line, or
 * a move to another baseline, ends the line; a horizontal gap between runs on one line becomes a space; a vertical
 * gap wider than a line leaves an empty line (a paragraph break for the chunker).
 */
export function pageText(runs: readonly TextRun[]): string {
  const lines: string[] = [];
  let line = '';
  let lineY: number | undefined;
  let lineSize = 0;
  let endsLine = false;
  let previous: TextRun | undefined;
  for (const run of runs) {
    if (run.str.trim() === '') {
      // A space run: a space inside the current line, never the start of a line of its own.
      if (previous && !endsLine && !/\s$/.test(line)) line += ' ';
      if (run.hasEOL && lineY !== undefined) endsLine = true;
      continue;
    }
    const y = run.transform[5] ?? 0;
    const size = fontSize(run);
    if (lineY !== undefined) {
      const rise = Math.abs(y - lineY);
      const unit = Math.max(size, lineSize);
      if (endsLine || rise > unit * NEW_LINE_RATIO) {
        lines.push(line);
        if (rise > unit * PARAGRAPH_GAP_RATIO) lines.push('');
        line = '';
        lineY = undefined;
      } else if (previous && needsSpace(line, run, previous, size)) {
        line += ' ';
      }
    }
    if (lineY === undefined) {
      lineY = y;
      lineSize = size;
    }
    line += run.str;
    previous = run;
    endsLine = run.hasEOL;
  }
  lines.push(line);
  return lines
    .map((text) => text.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const fontSize = (run: TextRun): number =>
  Math.abs(run.height) || Math.hypot(run.transform[2] ?? 0, run.transform[3] ?? 0) || 1;

function needsSpace(line: string, run: TextRun, previous: TextRun, size: number): boolean {
  if (/\s$/.test(line) || /^\s/.test(run.str)) return false;
  const x = run.transform[4] ?? 0;
  const previousX = previous.transform[4] ?? 0;
  // The gap between the two runs' boxes, whichever way the text runs (right to left for Arabic).
  const gap = Math.max(x - (previousX + previous.width), previousX - (x + run.width));
  return gap > size * SPACE_GAP_RATIO;
}
