/**
 * Readers for the data files assurance packs draw on: CSV (RFC 4180) and JSON Lines. The public sets live outside
 * the repository, in a shared data folder whose location a deployment gives in `MIZAN_SHARED_DATA`; a pack that
 * needs one of them expands to nothing when the folder is absent, it does not fail.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { errors } from '../errors.js';

export type Row = Record<string, unknown>;

const MALFORMED = 'assurance_data_malformed';

/** The shared data folder: the explicit one, else `MIZAN_SHARED_DATA`, else none. `null` means none on purpose. */
export function resolveDataDir(
  explicit?: string | null,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (explicit !== undefined) return explicit;
  const fromEnv = env.MIZAN_SHARED_DATA;
  return fromEnv === undefined || fromEnv === '' ? null : fromEnv;
}

/**
 * Records of an RFC 4180 text: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, line breaks and doubled quotes. A byte-order mark is dropped. A quote inside an unquoted field is
 * kept as a character (lenient, as spreadsheets write them); an unterminated quoted field is an error.
 */
export function parseCsv(text: string, source = 'CSV'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Where the current record started, for the error message of an unterminated quote.
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (quoted)
    throw errors.unprocessable(
      MALFORMED,
      `${source}: unterminated quoted field in the record at line ${recordLine}`,
    );
  // A final record without a line break; a trailing line break does not start an empty record.
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * CSV records as objects keyed by the header row. Blank records (an empty line, or only empty fields) are skipped;
 * a short record has empty strings for its missing fields, and empty fields beyond the header are dropped (a
 * spreadsheet's trailing commas); a non-empty field beyond the header is an error, since the quoting went wrong.
 */
export function csvRecords(text: string, source = 'CSV'): Record<string, string>[] {
  const [header, ...body] = parseCsv(text, source);
  if (!header) return [];
  const names = header.map((name) => name.trim());
  const rows: Record<string, string>[] = [];
  body.forEach((fields, index) => {
    if (fields.every((f) => f === '')) return;
    if (fields.slice(names.length).some((f) => f !== '')) {
      throw errors.unprocessable(
        MALFORMED,
        `${source}: record ${index + 1} has ${fields.length} fields, the header has ${names.length}`,
      );
    }
    rows.push(Object.fromEntries(names.map((name, k) => [name, fields[k] ?? ''])));
  });
  return rows;
}

/** One JSON object a line; blank lines are skipped, anything else is an error naming the line. */
export function parseJsonl(text: string, source = 'JSONL'): Row[] {
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw errors.unprocessable(MALFORMED, `${source}: line ${index + 1} is not valid JSON`, null, cause);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw errors.unprocessable(MALFORMED, `${source}: line ${index + 1} is not a JSON object`);
    }
    rows.push(value as Row);
  });
  return rows;
}

/** The rows of a `.csv` or `.jsonl` file. */
export function readRows(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return csvRecords(text, path);
  if (extension === '.jsonl') return parseJsonl(text, path);
  throw errors.unprocessable(MALFORMED, `${path}: expected a .csv or .jsonl file`);
}
