import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PreparedAuditEvent } from '../store/audit-store.js';

/**
 * Where audit records wait, durably, while the database is unreachable: an append-only JSON-lines file, flushed to
 * disk (fdatasync) before any of its records' answers is released, and replayed in order when the database is
 * back. A crash can leave only a torn last line, whose write was never acknowledged: it is dropped.
 */
export interface AuditSpool {
  readonly path: string;
  write(batch: readonly PreparedAuditEvent[]): Promise<void>;
  /** Every record spooled and not yet cleared, oldest first. */
  read(): Promise<PreparedAuditEvent[]>;
  /** Empties the file once its records are in the database. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

interface SpoolLine {
  event: Omit<PreparedAuditEvent['event'], 'at'> & { at: string };
  content?: Omit<NonNullable<PreparedAuditEvent['content']>, 'createdAt' | 'salt'> & {
    createdAt: string;
    salt: string;
  };
}

const toLine = ({ event, content }: PreparedAuditEvent): string =>
  JSON.stringify({
    event: { ...event, at: event.at.toISOString() },
    ...(content
      ? {
          content: {
            ...content,
            createdAt: content.createdAt.toISOString(),
            salt: content.salt.toString('base64'),
          },
        }
      : {}),
  } satisfies SpoolLine) + '\n';

const fromLine = (line: SpoolLine): PreparedAuditEvent => ({
  event: { ...line.event, at: new Date(line.event.at) },
  ...(line.content
    ? {
        content: {
          ...line.content,
          createdAt: new Date(line.content.createdAt),
          salt: Buffer.from(line.content.salt, 'base64'),
        },
      }
    : {}),
});

export function createAuditSpool(path: string): AuditSpool {
  let handle: FileHandle | undefined;
  const file = async () => {
    if (!handle) {
      await mkdir(dirname(path), { recursive: true });
      handle = await open(path, 'a', 0o600);
    }
    return handle;
  };
  return {
    path,
    async write(batch) {
      const fh = await file();
      await fh.write(batch.map(toLine).join(''));
      await fh.datasync();
    },
    async read() {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      // What follows the last newline is a write that never completed: cut it, so the next write starts clean.
      const complete = bytes.lastIndexOf(0x0a) + 1;
      if (complete < bytes.length) {
        const fh = await file();
        await fh.truncate(complete);
        await fh.datasync();
      }
      return bytes
        .subarray(0, complete)
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => fromLine(JSON.parse(line) as SpoolLine));
    },
    async clear() {
      const fh = await file();
      await fh.truncate(0);
      await fh.datasync();
    },
    async close() {
      await handle?.close();
      handle = undefined;
    },
  };
}
