import { createHash, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMizanError } from '../errors.js';
import {
  BlockReader,
  forEachLine,
  HEADS_FILE,
  KEYS_FILE,
  MANIFEST_FILE,
  parseKeys,
  parseManifest,
  RECORDS_FILE,
  type ExportManifest,
} from './export-format.js';
import { TreeBuilder } from './merkle.js';
import { publicKeyFrom, verifyTreeHead, type SignedTreeHead } from './signed-head.js';
import { createBlockHasher, defaultWorkers, type BlockResult, type LineNote } from './verify-records.js';

export interface VerifyOptions {
  /** The log's public keys as the auditor obtained them, apart from the export; heads must be signed by one. */
  pinnedKeys?: ReadonlyMap<string, KeyObject>;
  /** Heads the auditor saved before (from the transparency page, a proof, an earlier export). */
  earlierHeads?: SignedTreeHead[];
  /** Worker threads that hash records (default: one a core for a large export, none for a small one). */
  workers?: number;
  /** Bytes of records.jsonl read at a time (default 1 MiB). */
  blockBytes?: number;
}

export interface VerifyProblem {
  code: string;
  message: string;
  index?: number;
  record_id?: string;
  tree_size?: number;
}

export interface VerifyReport {
  valid: boolean;
  tree_size: number;
  records_in_full: number;
  /** Signed heads whose signature verified and whose root equals the tree recomputed from the records. */
  heads_checked: number;
  /** The root recomputed from records.jsonl (hex), null when the records could not be read. */
  root_hash: string | null;
  problems: VerifyProblem[];
  warnings: string[];
}

export const MAX_PROBLEMS = 100;
/** Below this size, threads would cost more to start than they save. */
const PARALLEL_FROM_BYTES = 16 << 20;

// Where a problem sits in the log, to report problems in log order: the export as a whole first, then records by
// position with each head just after its last leaf, then what concerns the end of the log.
const EXPORT_LEVEL = -1;
const END_OF_LOG = Number.POSITIVE_INFINITY;
const afterLeaves = (treeSize: number) => treeSize - 0.5;

class Problems {
  readonly #found: Array<{ at: number; problem: VerifyProblem }> = [];
  #left = 0;

  add(at: number, problem: VerifyProblem): void {
    if (this.#found.length < MAX_PROBLEMS) this.#found.push({ at, problem });
    else this.#left++;
  }

  get any(): boolean {
    return this.#found.length > 0;
  }

  get left(): number {
    return this.#left;
  }

  inLogOrder(): VerifyProblem[] {
    // Array.prototype.sort is stable: problems at the same place keep the order they were found in.
    return this.#found.sort((a, b) => a.at - b.at).map((p) => p.problem);
  }
}

const fileProblem = (error: unknown, file: string): VerifyProblem => ({
  code: 'export_malformed',
  message:
    (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? `${file} is missing`
      : isMizanError(error)
        ? error.message
        : `${file} cannot be read: ${(error as Error).message}`,
});

const withId = (id: string | undefined) => (id === undefined ? {} : { record_id: id });
const nameRecord = (index: number, id: string | undefined) =>
  `record ${index}${id === undefined ? '' : ` (${id})`}`;

/**
 * Where each line's index falls, given the lines before it. Indices skipped so far are kept as [start, end)
 * ranges in ascending order: a skipped index that comes later was reordered, one that never comes is missing, and
 * one that comes again was duplicated. Only the line where the order breaks is reported, not each line of a run
 * that follows it (a record moved far away is one problem, not hundreds).
 */
class IndexOrder {
  readonly skipped: Array<[number, number]> = [];
  #highest = -1;
  #previous = -1;

  place(index: number): 'in_order' | 'reordered' | 'duplicated' {
    const breaksOrder = index !== this.#previous + 1;
    this.#previous = index;
    if (index > this.#highest) {
      if (index > this.#highest + 1) this.skipped.push([this.#highest + 1, index]);
      this.#highest = index;
      return 'in_order';
    }
    const at = this.#skippedRange(index);
    if (at === -1) return breaksOrder ? 'duplicated' : 'in_order';
    const [start, end] = this.skipped[at]!;
    const rest: Array<[number, number]> = [];
    if (start < index) rest.push([start, index]);
    if (index + 1 < end) rest.push([index + 1, end]);
    this.skipped.splice(at, 1, ...rest);
    return breaksOrder ? 'reordered' : 'in_order';
  }

  #skippedRange(index: number): number {
    let [low, high] = [0, this.skipped.length - 1];
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = this.skipped[mid]!;
      if (index < start) high = mid - 1;
      else if (index >= end) low = mid + 1;
      else return mid;
    }
    return -1;
  }
}

type HeadStatus = ReturnType<typeof verifyTreeHead>;

/** heads.jsonl, read a head at a time as the records reach their sizes, each checked once, in file order. */
class HeadCursor {
  readonly reader: BlockReader;
  readonly #blocks: AsyncIterator<Uint8Array>;
  #lines: string[] = [];
  #lineNumber = 0;
  #previous: SignedTreeHead | undefined;
  /** The largest size of a usable head, undefined while there is none. */
  largest: number | undefined;
  /** False once the file turned out missing or unreadable. */
  readable = true;

  constructor(
    path: string,
    private readonly check: (head: unknown, what: string) => HeadStatus,
    private readonly logId: string,
    private readonly problems: Problems,
  ) {
    this.reader = new BlockReader(path);
    this.#blocks = this.reader[Symbol.asyncIterator]();
  }

  /** The next head whose root can be compared (well formed, signed by a trusted key, in order), if any. */
  async next(): Promise<SignedTreeHead | undefined> {
    while (this.readable) {
      const text = await this.#nextLine();
      if (text === undefined) return undefined;
      const head = this.#usable(text, `line ${this.#lineNumber} of ${HEADS_FILE}`);
      if (head) return head;
    }
    return undefined;
  }

  async #nextLine(): Promise<string | undefined> {
    while (this.#lines.length === 0) {
      try {
        const block = await this.#blocks.next();
        if (block.done) return undefined;
        forEachLine(block.value, (text) => this.#lines.push(text));
        this.#lines.reverse();
      } catch (error) {
        this.problems.add(EXPORT_LEVEL, fileProblem(error, HEADS_FILE));
        this.readable = false;
        return undefined;
      }
    }
    this.#lineNumber++;
    return this.#lines.pop();
  }

  #usable(text: string, what: string): SignedTreeHead | undefined {
    let head: unknown;
    try {
      head = JSON.parse(text);
    } catch {
      head = undefined;
    }
    if (this.check(head, what) !== 'valid') return undefined;
    const valid = head as SignedTreeHead;
    const named = `the head of size ${valid.tree_size} (${what})`;
    const problem = (code: string, message: string) =>
      this.problems.add(afterLeaves(valid.tree_size), { code, message, tree_size: valid.tree_size });
    if (valid.log_id !== this.logId) {
      problem('head_malformed', `${named} belongs to log ${valid.log_id}, not ${this.logId}`);
      return undefined;
    }
    this.largest = Math.max(this.largest ?? 0, valid.tree_size);
    const previous = this.#previous;
    if (previous && valid.tree_size < previous.tree_size) {
      problem('heads_out_of_order', `${named} comes after the head of size ${previous.tree_size}`);
      return undefined;
    }
    if (previous && valid.timestamp < previous.timestamp)
      problem(
        'heads_out_of_order',
        `${named} is dated ${valid.timestamp}, before the head before it (${previous.timestamp})`,
      );
    this.#previous = valid;
    return valid;
  }
}

/**
 * Verifies an export folder offline: the manifest and file hashes, every signed head's signature, every record's
 * leaf hash, the Merkle tree recomputed from all leaves against every signed head, and heads the auditor saved
 * earlier. One pass over the files in O(log n) memory (record hashing spread over worker threads for a large
 * export); it never reports valid when anything is off.
 */
export async function verifyExport(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems = new Problems();
  const warnings: string[] = [];
  const report = { tree_size: 0, records_in_full: 0, heads_checked: 0, root_hash: null as string | null };
  const finish = (): VerifyReport => {
    if (problems.left > 0)
      warnings.push(`${problems.left} more problems were found; only the first ${MAX_PROBLEMS} are listed`);
    return { valid: !problems.any, ...report, problems: problems.inLogOrder(), warnings };
  };

  let manifest: ExportManifest;
  try {
    manifest = parseManifest(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    problems.add(EXPORT_LEVEL, fileProblem(error, MANIFEST_FILE));
    return finish();
  }
  const { tree_size: treeSize, log_id: logId } = manifest;
  report.tree_size = treeSize;
  const checkFileHash = (file: string, actual: string) => {
    if (actual !== manifest.files[file])
      problems.add(EXPORT_LEVEL, {
        code: 'file_hash_mismatch',
        message: `${file} does not have the SHA-256 the manifest gives: it was changed after the export was made`,
      });
  };

  // The keys that may sign heads: the auditor's pinned keys, else (weaker) the export's own.
  const exportKeys = new Map<string, KeyObject>();
  try {
    const bytes = await readFile(join(dir, KEYS_FILE));
    checkFileHash(KEYS_FILE, createHash('sha256').update(bytes).digest('hex'));
    for (const key of parseKeys(bytes.toString('utf8'))) {
      const { keyId, publicKey } = publicKeyFrom(key.public_key);
      if (keyId === key.key_id) exportKeys.set(keyId, publicKey);
      else
        problems.add(EXPORT_LEVEL, {
          code: 'export_malformed',
          message: `${KEYS_FILE} lists key ${key.key_id}, but that public key's id is ${keyId}`,
        });
    }
  } catch (error) {
    problems.add(EXPORT_LEVEL, fileProblem(error, KEYS_FILE));
  }
  const trusted = options.pinnedKeys ?? exportKeys;
  if (!options.pinnedKeys)
    warnings.push(
      `the signing key was not pinned: heads were checked against the keys in ${KEYS_FILE}, which whoever made the ` +
        'export could have replaced after rewriting the log; pass the public key you obtained separately',
    );

  /** Checks a head's signature, reporting what is wrong at `at` in the log. */
  const checkSignature = (head: unknown, what: string, at: (size: number) => number): HeadStatus => {
    const status = verifyTreeHead(head as SignedTreeHead, trusted);
    if (status === 'valid') return status;
    const { tree_size: size, key_id: keyId } = (head ?? {}) as { tree_size?: unknown; key_id?: unknown };
    const sized = typeof size === 'number' && Number.isFinite(size) ? { tree_size: size } : {};
    const where = sized.tree_size === undefined ? EXPORT_LEVEL : at(sized.tree_size);
    const message = {
      malformed: `${what} is not a well-formed signed tree head`,
      unknown_key: options.pinnedKeys
        ? `${what} is signed by key ${String(keyId)}, which is not a pinned key`
        : `${what} is signed by key ${String(keyId)}, which ${KEYS_FILE} does not list`,
      invalid_signature: `${what} has a signature that does not verify`,
    }[status];
    const code = {
      malformed: 'head_malformed',
      unknown_key: 'unknown_key',
      invalid_signature: 'head_signature_invalid',
    }[status];
    problems.add(where, { code, message, ...sized });
    return status;
  };

  // Heads the auditor saved: checked against the same keys, then against the tree at their size.
  const earlier: SignedTreeHead[] = [];
  for (const head of options.earlierHeads ?? []) {
    const size = (head as { tree_size?: unknown } | null)?.tree_size;
    const what = `the saved head of size ${String(size)}`;
    if (checkSignature(head, what, () => END_OF_LOG) !== 'valid') continue;
    if (head.log_id !== logId)
      problems.add(END_OF_LOG, {
        code: 'earlier_head_inconsistent',
        message: `${what} belongs to log ${head.log_id}, not ${logId}`,
        tree_size: head.tree_size,
      });
    else if (head.tree_size > treeSize)
      problems.add(END_OF_LOG, {
        code: 'earlier_head_beyond_export',
        message: `${what} is beyond this export's ${treeSize} records: the export is older than that head, or the log was cut back`,
        tree_size: head.tree_size,
      });
    else earlier.push(head);
  }
  earlier.sort((a, b) => a.tree_size - b.tree_size);

  const heads = new HeadCursor(
    join(dir, HEADS_FILE),
    (head, what) => checkSignature(head, what, afterLeaves),
    logId,
    problems,
  );
  const builder = new TreeBuilder();
  let root: { size: number; hex: string } | undefined;
  const rootNow = () => {
    if (root?.size !== builder.size) root = { size: builder.size, hex: builder.root().toString('hex') };
    return root.hex;
  };
  let matchedSize = 0;
  let mismatchReported = false;
  const compareHead = (head: SignedTreeHead) => {
    const size = head.tree_size;
    if (head.root_hash === rootNow()) {
      report.heads_checked++;
      matchedSize = size;
    } else if (!mismatchReported) {
      // Every later head differs too once the tree has diverged: the first one locates the change.
      mismatchReported = true;
      problems.add(afterLeaves(size), {
        code: 'head_root_mismatch',
        tree_size: size,
        message:
          size === matchedSize
            ? `the head of size ${size} disagrees with another signed head of the same size`
            : `the head of size ${size} does not match the records: a record between index ${matchedSize} and ${size - 1} was altered, dropped, added or reordered`,
      });
    }
  };
  const compareEarlier = (head: SignedTreeHead) => {
    if (head.root_hash !== rootNow())
      problems.add(afterLeaves(head.tree_size), {
        code: 'earlier_head_inconsistent',
        tree_size: head.tree_size,
        message: `the saved head of size ${head.tree_size} (${head.timestamp}) does not match this export's tree at that size: the log was rewritten or forked since`,
      });
  };

  let pendingHead = await heads.next();
  let earlierAt = 0;
  /** Compares every head due at the current size (one below it was out of order, and is reported); the next size due. */
  const checkDue = async () => {
    while (pendingHead && pendingHead.tree_size <= builder.size) {
      if (pendingHead.tree_size === builder.size) compareHead(pendingHead);
      pendingHead = await heads.next();
    }
    for (; earlierAt < earlier.length && earlier[earlierAt]!.tree_size <= builder.size; earlierAt++)
      if (earlier[earlierAt]!.tree_size === builder.size) compareEarlier(earlier[earlierAt]!);
    return Math.min(pendingHead?.tree_size ?? Infinity, earlier[earlierAt]?.tree_size ?? Infinity);
  };
  let checkAt = await checkDue();

  const order = new IndexOrder();
  const noteProblem = (note: LineNote, position: number): VerifyProblem => {
    const line = `line ${position + 1} of ${RECORDS_FILE}`;
    switch (note.kind) {
      case 'malformed':
        return { code: 'record_malformed', message: `${line}: ${note.detail}`, index: position };
      case 'no_canonical_form':
        return {
          code: 'record_malformed',
          message: `${line}: ${nameRecord(note.index, note.id)} holds a number JSON cannot represent`,
          index: note.index,
          ...withId(note.id),
        };
      case 'altered':
        return {
          code: 'record_altered',
          message: `${nameRecord(note.index, note.id)} does not match its leaf hash: its content was changed`,
          index: note.index,
          ...withId(note.id),
        };
    }
  };
  /** Places a block's leaves in the tree in order, with the checks that need the order. */
  const place = async (block: BlockResult) => {
    report.records_in_full += block.inFull;
    const ids = new Map(block.ids);
    let note = 0;
    for (let line = 0; line < block.lines; line++) {
      const position = builder.size;
      for (; block.notes[note]?.line === line; note++)
        problems.add(position, noteProblem(block.notes[note]!, position));
      const index = block.indices[line]!;
      if (index >= treeSize && position < treeSize) {
        const id = ids.get(line);
        problems.add(position, {
          code: 'record_malformed',
          message: `line ${position + 1} of ${RECORDS_FILE}: ${nameRecord(index, id)} is beyond the tree's ${treeSize} records`,
          index,
          ...withId(id),
        });
      } else if (index >= 0) {
        const placed = order.place(index);
        if (placed !== 'in_order') {
          const id = ids.get(line);
          problems.add(position, {
            code: placed === 'reordered' ? 'record_reordered' : 'record_duplicated',
            message:
              placed === 'reordered'
                ? `${nameRecord(index, id)} comes at line ${position + 1}, after records with higher indices`
                : `${nameRecord(index, id)} appears again at line ${position + 1}`,
            index,
            ...withId(id),
          });
        }
      }
      builder.append(Buffer.from(block.leaves.buffer, block.leaves.byteOffset + line * 32, 32));
      if (builder.size >= checkAt) checkAt = await checkDue();
    }
  };

  const recordsPath = join(dir, RECORDS_FILE);
  const size = await stat(recordsPath).then(
    (s) => s.size,
    (error: unknown) => {
      problems.add(EXPORT_LEVEL, fileProblem(error, RECORDS_FILE));
      return undefined;
    },
  );
  const records = new BlockReader(recordsPath, options.blockBytes);
  if (size !== undefined) {
    const workers = options.workers ?? (size >= PARALLEL_FROM_BYTES ? defaultWorkers() : 0);
    const hasher = createBlockHasher(workers);
    // Blocks are hashed ahead, a couple a worker, while the leaves of the oldest are placed in order.
    const ahead: Array<Promise<BlockResult>> = [];
    try {
      for await (const block of records) {
        const hashed = hasher.run(block);
        hashed.catch(() => undefined); // awaited in turn below; a worker's failure must not go unhandled meanwhile
        ahead.push(hashed);
        if (ahead.length > workers * 2) await place(await ahead.shift()!);
      }
      while (ahead.length > 0) await place(await ahead.shift()!);
    } finally {
      await hasher.close();
    }
  }
  // Heads past the last record are still read, for their signatures and order.
  while (pendingHead) pendingHead = await heads.next();

  const count = builder.size;
  if (size !== undefined) {
    report.root_hash = builder.root().toString('hex');
    checkFileHash(RECORDS_FILE, records.sha256());
    for (const [start, end] of order.skipped)
      problems.add(start, {
        code: 'record_missing',
        index: start,
        message:
          end - start === 1
            ? `record ${start} is missing: no line of ${RECORDS_FILE} has that index`
            : `records ${start} to ${end - 1} are missing: no line of ${RECORDS_FILE} has those indices`,
      });
    if (count < treeSize)
      problems.add(END_OF_LOG, {
        code: 'export_truncated',
        message: `${RECORDS_FILE} has ${count} of ${treeSize} records`,
        tree_size: treeSize,
      });
    else if (count > treeSize)
      problems.add(END_OF_LOG, {
        code: 'export_malformed',
        message: `${RECORDS_FILE} has ${count} records, but the manifest says the tree has ${treeSize}`,
        tree_size: treeSize,
      });
    else if (report.records_in_full !== manifest.records_in_full)
      problems.add(END_OF_LOG, {
        code: 'export_malformed',
        message: `${RECORDS_FILE} has ${report.records_in_full} records in full, but the manifest says ${manifest.records_in_full}`,
      });
  }
  if (heads.readable) {
    checkFileHash(HEADS_FILE, heads.reader.sha256());
    const largest = heads.largest;
    if (largest === undefined)
      problems.add(END_OF_LOG, {
        code: 'export_truncated',
        message: `${HEADS_FILE} has no usable signed head: nothing vouches for the records`,
      });
    else if (largest < treeSize)
      problems.add(END_OF_LOG, {
        code: 'export_truncated',
        message: `the last signed head covers ${largest} of ${treeSize} records: nothing signed vouches for records ${largest} to ${treeSize - 1}`,
        tree_size: largest,
      });
    else if (largest > treeSize)
      problems.add(END_OF_LOG, {
        code: 'export_truncated',
        message: `a signed head of size ${largest} goes beyond the export's ${treeSize} records: signed records were left out`,
        tree_size: largest,
      });
  }
  return finish();
}
