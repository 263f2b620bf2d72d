import { createInterface } from 'node:readline';
import { UsageError } from './output.js';

export interface StdinRecord {
  id: string | number | null;
  text: string;
}

/**
 * What commands that process text read on standard input: the whole input as one `document`, one record per
 * non-empty line (`lines`, id = line number), every line blank ones included (`every-line`, for converters whose
 * output must line up with the input), or one `{id, text}` JSON object per line (`jsonl`, id defaults to the line
 * number). A malformed JSON line stops the command with its line number; what came before was written.
 */
export async function* stdinRecords(
  mode: 'document' | 'lines' | 'every-line' | 'jsonl',
): AsyncGenerator<StdinRecord> {
  if (mode === 'document') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    yield { id: null, text: Buffer.concat(chunks).toString('utf8') };
    return;
  }
  let line = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    line++;
    if (mode === 'every-line') {
      yield { id: line, text: raw };
      continue;
    }
    if (raw.trim() === '') continue;
    if (mode === 'lines') {
      yield { id: line, text: raw };
      continue;
    }
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(raw) as typeof record;
    } catch {
      throw new UsageError(`line ${line}: not a JSON object`);
    }
    if (typeof record?.text !== 'string') throw new UsageError(`line ${line}: "text" must be a string`);
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : line;
    yield { id, text: record.text };
  }
}
