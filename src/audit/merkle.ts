import { hash } from 'node:crypto';
import { errors } from '../errors.js';
import { canonicalJson } from './canonical.js';

/**
 * The Merkle tree of RFC 6962 (Certificate Transparency) section 2.1, with the proof checks of RFC 9162 2.1.3-2.1.4.
 * The store keeps every complete subtree ("node": 2^level leaves from leaf index * 2^level). Any range a proof
 * needs is a complete subtree or splits into them (the left part of every split is complete), so a proof is a
 * handful of stored hashes read in one query, and nothing is recomputed from the leaves.
 */
export type Hash = Buffer;

/** A complete subtree: 2^level leaves starting at leaf index * 2^level. Level 0 = a leaf. */
export interface NodeRef {
  level: number;
  index: number;
}

/** Accessor for stored complete-subtree hashes (level 0 = leaf hashes). */
export type NodeSource = (ref: NodeRef) => Hash;

const sha256 = (data: string | Uint8Array): Hash => hash('sha256', data, 'buffer') as Buffer;

export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/** SHA-256(0x00 || data), a string as UTF-8. */
export function leafHash(data: string | Uint8Array): Hash {
  // U+0000 is the single byte 0x00 in UTF-8, so a string leaf is hashed without copying it into a buffer.
  if (typeof data === 'string') return sha256(`\u0000${data}`);
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

// Hashing is synchronous, so one scratch buffer serves every node of two SHA-256 children.
const nodeInput = Buffer.alloc(65, 0x01);

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  if (left.length === 32 && right.length === 32) {
    nodeInput.set(left, 1);
    nodeInput.set(right, 33);
    return sha256(nodeInput);
  }
  const input = Buffer.allocUnsafe(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** The leaf of a record: the hash of its canonical JSON, so it depends on the content and not on its writing. */
export const recordLeafHash = (record: unknown): Hash => leafHash(canonicalJson(record));

const outOfRange = (message: string) => errors.invalidRequest('proof_out_of_range', message);

const checkInteger = (name: string, n: number, min: number) => {
  if (!Number.isSafeInteger(n) || n < min) throw outOfRange(`${name} must be an integer >= ${min}, not ${n}`);
};

/** The largest power of two strictly below n (n >= 2): where RFC 6962 splits a tree of n leaves. */
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

// Math.log2 is exact on powers of two; rounding then checking keeps huge non-powers from passing.
const isPowerOfTwo = (n: number): boolean => n >= 1 && 2 ** Math.round(Math.log2(n)) === n;

/** MTH(D[start:end]) from stored complete subtrees; every range a proof asks for splits into aligned ones. */
function rangeHash(start: number, end: number, get: NodeSource): Hash {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) return get({ level: Math.log2(n), index: start / n });
  const k = split(n);
  return nodeHash(rangeHash(start, start + k, get), rangeHash(start + k, end, get));
}

/** RFC 6962 PATH(m, D[start:end]), leaf to root. */
function path(m: number, start: number, end: number, get: NodeSource): Hash[] {
  if (end - start <= 1) return [];
  const k = split(end - start);
  return m < k
    ? [...path(m, start, start + k, get), rangeHash(start + k, end, get)]
    : [...path(m - k, start + k, end, get), rangeHash(start, start + k, get)];
}

/** RFC 6962 SUBPROOF(m, D[start:end], b). */
function subproof(m: number, start: number, end: number, whole: boolean, get: NodeSource): Hash[] {
  const n = end - start;
  if (m === n) return whole ? [] : [rangeHash(start, end, get)];
  const k = split(n);
  return m <= k
    ? [...subproof(m, start, start + k, whole, get), rangeHash(start + k, end, get)]
    : [...subproof(m - k, start + k, end, false, get), rangeHash(start, start + k, get)];
}

/** RFC 6962 PATH(index, D[size]): the audit path of a leaf, leaf-to-root order. */
export function inclusionProof(index: number, size: number, get: NodeSource): Hash[] {
  checkInteger('tree size', size, 1);
  checkInteger('leaf index', index, 0);
  if (index >= size) throw outOfRange(`leaf ${index} is not in a tree of ${size} leaves`);
  return path(index, 0, size, get);
}

/** RFC 6962 PROOF(first, D[second]): that the tree of `first` leaves is a prefix of the one of `second`. */
export function consistencyProof(first: number, second: number, get: NodeSource): Hash[] {
  checkInteger('first tree size', first, 1);
  checkInteger('second tree size', second, 1);
  if (first > second) throw outOfRange(`the first tree (${first}) is larger than the second (${second})`);
  return subproof(first, 0, second, true, get);
}

/** The complete subtrees whose concatenation is leaves [0, size), leftmost (largest) first. */
export function edgeNodes(size: number): NodeRef[] {
  checkInteger('tree size', size, 0);
  const refs: NodeRef[] = [];
  let offset = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
    const width = 2 ** level;
    if (size - offset >= width) {
      refs.push({ level, index: offset / width });
      offset += width;
    }
  }
  return refs;
}

/** Folds complete-subtree roots, largest first, into the root of their concatenation. */
const foldEdge = (edge: Hash[]): Hash =>
  edge.length === 0 ? EMPTY_ROOT : edge.reduceRight((right, left) => nodeHash(left, right));

/** MTH(D[size]) from the stored complete subtrees of `edgeNodes(size)`. */
export const rootFromNodes = (size: number, get: NodeSource): Hash => foldEdge(edgeNodes(size).map(get));

/** Runs a computation against a recording source: the nodes it reads, each once, in reading order. */
function recordReads(compute: (get: NodeSource) => unknown): NodeRef[] {
  const seen = new Map<string, NodeRef>();
  const placeholder = Buffer.alloc(32);
  compute((ref) => {
    seen.set(`${ref.level}:${ref.index}`, ref);
    return placeholder;
  });
  return [...seen.values()];
}

/** Every stored node `inclusionProof(index, size, …)` reads (not the leaf itself). */
export const requiredForInclusion = (index: number, size: number): NodeRef[] =>
  recordReads((get) => inclusionProof(index, size, get));

/** Every stored node `consistencyProof(first, second, …)` reads. */
export const requiredForConsistency = (first: number, second: number): NodeRef[] =>
  recordReads((get) => consistencyProof(first, second, get));

/** Every stored node `rootFromNodes(size, …)` reads. */
export const requiredForRoot = (size: number): NodeRef[] => edgeNodes(size);

/** Appends leaves one at a time keeping only the right edge (a compact range): O(log n) memory. */
export class TreeBuilder {
  #size: number;
  readonly #edge: Array<NodeRef & { hash: Hash }>;

  /** Resumes from a stored state: `edge` = the hashes of `edgeNodes(size)`, largest (leftmost) first. */
  constructor(size = 0, edge: Hash[] = []) {
    const refs = edgeNodes(size);
    if (refs.length !== edge.length)
      throw errors.internal(
        'audit_tree_incomplete',
        `a tree of ${size} leaves has ${refs.length} edge nodes, not ${edge.length}`,
      );
    this.#size = size;
    this.#edge = refs.map((ref, i) => ({ ...ref, hash: edge[i]! }));
  }

  get size(): number {
    return this.#size;
  }

  /** Adds a leaf hash; returns every complete subtree (level >= 1) it completed, with its hash, smallest first. */
  append(leaf: Hash): Array<NodeRef & { hash: Hash }> {
    const made: Array<NodeRef & { hash: Hash }> = [];
    let node = { level: 0, index: this.#size, hash: leaf };
    while (this.#edge.length > 0 && this.#edge.at(-1)!.level === node.level) {
      const left = this.#edge.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      made.push(node);
    }
    this.#edge.push(node);
    this.#size++;
    return made;
  }

  /** MTH of all leaves so far (EMPTY_ROOT when none). */
  root(): Hash {
    return foldEdge(this.edge());
  }

  edge(): Hash[] {
    return this.#edge.map((node) => node.hash);
  }
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** RFC 9162 2.1.3.2: does `proof` place `leaf` at `index` in the tree of `size` leaves whose root is `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: Hash[], root: Hash): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2: does `proof` show the tree of `first` leaves (`firstRoot`) is a prefix of `second`'s? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  proof: Hash[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second)
    return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (proof.length === 0) return false;
  const hashes = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = hashes[0]!;
  let sr = hashes[0]!;
  for (const c of hashes.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
