import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forEachLine, parseExportLine } from './export-format.js';
import { leafHash, recordLeafHash } from './merkle.js';

/**
 * The part of export verification that needs no order: reading each line of records.jsonl and checking a record's
 * leaf hash (parse, canonical JSON, SHA-256). It is most of the work, so large exports spread it over worker threads
 * a block of lines at a time, while the caller places the leaves in the tree in order.
 */

/** Something about one line that the report must name. `line` counts from 0 within the block. */
export type LineNote =
  | { line: number; kind: 'malformed'; detail: string }
  | { line: number; kind: 'no_canonical_form'; index: number; id?: string }
  | { line: number; kind: 'altered'; index: number; id?: string };

export interface BlockResult {
  lines: number;
  /** 32 bytes a line: the leaf hash to place in the tree (the record's own hash when it is in full). */
  leaves: Uint8Array<ArrayBuffer>;
  /** The index each line claims; -1 for a line that could not be read. */
  indices: Float64Array<ArrayBuffer>;
  inFull: number;
  notes: LineNote[];
  /** Record ids of the lines whose index does not follow the line before (and of the first line), to name them. */
  ids: Array<[line: number, id: string]>;
}

/**
 * A full line as `exportLine` writes it: canonical JSON, so the record is last and its text is its canonical form,
 * the very bytes its leaf hash commits to. Those bytes are hashed as they stand, with no parse; only a line whose
 * hash does not match (or that is written otherwise) is parsed, to tell an alteration from another spelling.
 */
const CANONICAL_FULL_LINE = /^\{"index":(0|[1-9]\d*),"leaf_hash":"([0-9a-f]{64})","record":/;

/** Where a line's leaf is unknown (the line could not be read): a hash no leaf has, so the heads cannot match. */
const UNUSABLE = new Uint8Array(32);

export function hashBlock(block: Uint8Array): BlockResult {
  const notes: LineNote[] = [];
  const ids: Array<[number, string]> = [];
  const leaves: Uint8Array[] = [];
  const indices: number[] = [];
  let inFull = 0;
  let previous = Number.NaN;
  forEachLine(block, (text, line) => {
    const canonical = CANONICAL_FULL_LINE.exec(text);
    if (canonical && text.endsWith('}')) {
      const index = Number(canonical[1]);
      const leaf = leafHash(text.slice(canonical[0].length, -1));
      // A line out of order takes the long way, which reads the record's id to name it.
      if (index === previous + 1 && leaf.toString('hex') === canonical[2]) {
        previous = index;
        indices.push(index);
        inFull++;
        leaves.push(leaf);
        return;
      }
    }
    const parsed = parseExportLine(text);
    if (typeof parsed === 'string') {
      notes.push({ line, kind: 'malformed', detail: parsed });
      leaves.push(UNUSABLE);
      indices.push(-1);
      previous = Number.NaN;
      return;
    }
    const { index, record } = parsed;
    const id = typeof record?.id === 'string' ? record.id : undefined;
    if (id !== undefined && index !== previous + 1) ids.push([line, id]);
    previous = index;
    indices.push(index);
    if (record === undefined) {
      leaves.push(Buffer.from(parsed.leaf_hash, 'hex'));
      return;
    }
    inFull++;
    let leaf: Buffer;
    try {
      leaf = recordLeafHash(record);
    } catch {
      // Only a number JSON.parse read as Infinity (1e400) has no canonical form.
      notes.push({ line, kind: 'no_canonical_form', index, ...(id === undefined ? {} : { id }) });
      leaves.push(UNUSABLE);
      return;
    }
    if (leaf.toString('hex') !== parsed.leaf_hash)
      notes.push({ line, kind: 'altered', index, ...(id === undefined ? {} : { id }) });
    leaves.push(leaf);
  });
  const packed = new Uint8Array(leaves.length * 32);
  leaves.forEach((leaf, i) => packed.set(leaf, i * 32));
  return { lines: leaves.length, leaves: packed, indices: Float64Array.from(indices), inFull, notes, ids };
}

export interface BlockHasher {
  /** Hashes a block (on a worker when there are some); results resolve in any order, the caller keeps its own. */
  run(block: Uint8Array): Promise<BlockResult>;
  close(): Promise<void>;
}

/**
 * The worker's file sits beside this one: .js once compiled. Under tsx (development, tests) it is .ts, and the
 * worker must register tsx itself, since Node does not apply `--import` to worker threads.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./verify-worker.js', import.meta.url));
  const worker = JSON.stringify(new URL('./verify-worker.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${worker}); });`, {
    eval: true,
  });
}

export const defaultWorkers = (): number => availableParallelism();

interface Job {
  block: Uint8Array;
  resolve: (result: BlockResult) => void;
  reject: (error: Error) => void;
}

/**
 * A pool of `workers` threads (none: every block hashed here, in turn). A worker is given blocks once it has
 * said it is ready; one that cannot start leaves the work to the others, or to this thread when none could.
 * Blocks are moved to the worker, not copied, so a worker that fails on a block fails the verification.
 */
export function createBlockHasher(workers: number): BlockHasher {
  const starting = new Set<Worker>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.block, [job.block.buffer as ArrayBuffer]);
    }
    if (starting.size + idle.length + busy.size === 0)
      for (const job of queue.splice(0)) job.resolve(hashBlock(job.block));
  };

  for (let i = 0; i < workers; i++) {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      continue;
    }
    starting.add(worker);
    worker.unref();
    worker.on('message', (message: BlockResult | 'ready') => {
      if (message === 'ready') starting.delete(worker);
      else {
        busy.get(worker)!.resolve(message);
        busy.delete(worker);
      }
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => {
      starting.delete(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      busy.get(worker)?.reject(error);
      busy.delete(worker);
      dispatch();
    });
  }

  return {
    run(block) {
      return new Promise((resolve, reject) => {
        queue.push({ block, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all([...starting, ...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
