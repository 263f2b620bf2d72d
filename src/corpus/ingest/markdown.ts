import { isMap, isScalar, parseDocument } from 'yaml';

/** A Markdown document split into its YAML front matter (parsed) and its body (the Markdown text, untouched). */
export interface MarkdownParts {
  body: string;
  metadata: Record<string, unknown>;
  /** The front matter `title`, else the text of the first level-1 `# heading`. */
  title?: string;
}

/** Why the front matter could not be read; the caller turns it into a coded error naming the file. */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
}

/** `---` alone on the first line opens front matter; `---` or `...` alone on a later line closes it. */
const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
/** YAML aliases expand: bound them so a few lines of front matter cannot expand into gigabytes. */
const MAX_ALIASES = 100;

/**
 * Splits `text` (already normalized: `\n` line ends, no BOM) into front matter and body. A `---` first line with no
 * closing line is a thematic break, not front matter: the text is then all body.
 */
export function splitMarkdown(text: string): MarkdownParts {
  let body = text;
  let metadata: Record<string, unknown> = {};
  const opening = OPENING.exec(text);
  if (opening) {
    const yamlStart = opening[0].length;
    let lineStart = yamlStart;
    while (lineStart <= text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      if (CLOSING.test(text.slice(lineStart, lineEnd))) {
        metadata = parseFrontMatter(text.slice(yamlStart, lineStart));
        body = newline === -1 ? '' : text.slice(newline + 1);
        break;
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
  }
  const title = stringTitle(metadata['title']) ?? firstLevelOneHeading(body);
  return title === undefined ? { body, metadata } : { body, metadata, title };
}

/**
 * Parses front matter with YAML's core schema, keeping each top-level number whose source differs from its value as
 * the string the author wrote (`version: 1.0` stays `'1.0'`, `code: 007` stays `'007'`): provenance is verbatim.
 */
function parseFrontMatter(yamlText: string): Record<string, unknown> {
  if (yamlText.trim() === '') return {};
  const document = parseDocument(yamlText, { prettyErrors: false });
  const [firstError] = document.errors;
  if (firstError) throw new FrontMatterError(firstError.message.split('\n')[0] ?? 'YAML syntax error');
  const contents = document.contents;
  if (contents === null) return {};
  if (!isMap(contents)) throw new FrontMatterError('it must be a mapping of fields to values');
  let metadata: Record<string, unknown>;
  try {
    metadata = document.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch (error) {
    throw new FrontMatterError(error instanceof Error ? error.message : 'YAML error');
  }
  for (const pair of contents.items) {
    const { key, value } = pair;
    if (!isScalar(key) || !isScalar(value) || typeof value.value !== 'number') continue;
    if (value.source !== undefined && String(value.value) !== value.source) {
      metadata[String(key.value)] = value.source;
    }
  }
  return metadata;
}

const stringTitle = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const title = String(value).trim();
  return title === '' ? undefined : title;
};

/** The first `# heading` outside fenced code. */
function firstLevelOneHeading(body: string): string | undefined {
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^ {0,3}#(?:[ \t]+|$)/.exec(line);
    if (heading) {
      const title = stripClosingHashes(line.slice(heading[0].length)).trim();
      if (title !== '') return title;
    }
  }
  return undefined;
}

/** `# Title ##` → `# Title`: closing hashes must follow a space. Linear, no backtracking. */
export function stripClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '#') end--;
  if (end === trimmed.length) return trimmed;
  if (end === 0) return '';
  const before = trimmed[end - 1];
  return before === ' ' || before === '\t' ? trimmed.slice(0, end).trimEnd() : trimmed;
}
