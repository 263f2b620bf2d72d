/**
 * The audit log's proofs, checked in the browser with WebCrypto alone, so an auditor need not trust the server
 * that serves the page: the Ed25519 signature of a signed tree head (src/audit/signed-head.ts), and the RFC 6962
 * Merkle proofs that place a record in a head (inclusion) and one head's tree inside a later one (consistency),
 * checked as RFC 9162 2.1.3-2.1.4 say (src/audit/merkle.ts does the same on the server).
 */

/** A signed tree head as `GET /v1/audit/sth` gives it. */
export interface SignedTreeHead {
  log_id: string;
  tree_size: number;
  /** SHA-256 root, 64 lowercase hex digits. */
  root_hash: string;
  /** ISO 8601, UTC, with milliseconds. */
  timestamp: string;
  key_id: string;
  /** Base64 Ed25519 signature. */
  signature: string;
}

/** One of the log's keys as `GET /v1/audit/keys` gives it: SubjectPublicKeyInfo in PEM. */
export interface LogKey {
  key_id: string;
  algorithm: string;
  public_key: string;
}

/** `GET /v1/audit/proof/inclusion`: a record, its position, and the audit path to a signed head. */
export interface InclusionProof {
  record: Record<string, unknown>;
  leaf_index: number;
  tree_size: number;
  leaf_hash: string;
  audit_path: string[];
  signed_tree_head: SignedTreeHead;
}

/** `GET /v1/audit/proof/consistency`. */
export interface ConsistencyProof {
  first: number;
  second: number;
  proof: string[];
  first_head: SignedTreeHead | null;
  second_head: SignedTreeHead | null;
}

/** Names the message format of a head's signature (the server's HEAD_TYPE). */
const HEAD_TYPE = 'mizan-audit-sth/v1';
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// The same shape checks as the server's isWellFormedHead: a head out of shape is not worth a signature check.
const ROOT_HASH = /^[0-9a-f]{64}$/;
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ED25519_SIGNATURE_BYTES = 64;

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not hexadecimal: ${hex.slice(0, 16)}`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

const sha256 = async (data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** RFC 6962 2.1: SHA-256(0x00 || data). */
export const leafHash = (data: Uint8Array) => sha256(concat(Uint8Array.of(LEAF_PREFIX), data));

/** RFC 6962 2.1: SHA-256(0x01 || left || right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array) =>
  sha256(concat(Uint8Array.of(NODE_PREFIX), left, right));

/**
 * Canonical JSON as the server writes it (RFC 8785 for plain JSON data): members sorted by UTF-16 code units, no
 * whitespace, strings and numbers as ECMAScript writes them. Written out by hand because a JavaScript object lists
 * integer-like keys ("9", "10") in numeric order, not in the order the canonical form needs.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a non-finite number has no canonical JSON form');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const members = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new Error(`a ${typeof value} has no canonical JSON form`);
}

/** The leaf of a record: the hash of its canonical JSON (UTF-8). */
export const recordLeafHash = (record: unknown) => leafHash(new TextEncoder().encode(canonicalJson(record)));

/** What a head's signature covers: the head without its signature, under the format's type, canonical JSON. */
export const signedHeadBytes = (head: SignedTreeHead): Uint8Array =>
  new TextEncoder().encode(
    canonicalJson({
      type: HEAD_TYPE,
      log_id: head.log_id,
      tree_size: head.tree_size,
      root_hash: head.root_hash,
      timestamp: head.timestamp,
      key_id: head.key_id,
    }),
  );

export function isWellFormedHead(head: unknown): head is SignedTreeHead {
  if (typeof head !== 'object' || head === null) return false;
  const h = head as Record<string, unknown>;
  return (
    typeof h.log_id === 'string' &&
    Number.isSafeInteger(h.tree_size) &&
    (h.tree_size as number) >= 0 &&
    typeof h.root_hash === 'string' &&
    ROOT_HASH.test(h.root_hash) &&
    typeof h.timestamp === 'string' &&
    UTC_MILLIS.test(h.timestamp) &&
    !Number.isNaN(Date.parse(h.timestamp)) &&
    typeof h.key_id === 'string' &&
    h.key_id.length > 0 &&
    typeof h.signature === 'string' &&
    BASE64.test(h.signature) &&
    fromBase64(h.signature).length === ED25519_SIGNATURE_BYTES
  );
}

/** The DER bytes of a PEM public key (SubjectPublicKeyInfo). */
export function spkiOfPem(pem: string): Uint8Array {
  const body = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem)?.[1];
  if (!body) throw new Error('not a PEM public key');
  return fromBase64(body.replace(/\s+/g, ''));
}

/** A key's id as the server names it: the first 8 bytes of the SHA-256 of its SPKI DER, in hex. */
export const keyIdOf = async (spki: Uint8Array) => toHex(await sha256(spki)).slice(0, 16);

export type HeadCheck = 'valid' | 'malformed' | 'unknown_key' | 'key_id_mismatch' | 'invalid_signature';

/**
 * Checks a head's Ed25519 signature with the log key it names. The key's id is recomputed from the key itself, so
 * a key listed under another key's id cannot pass for it.
 */
export async function verifyTreeHead(head: SignedTreeHead, keys: readonly LogKey[]): Promise<HeadCheck> {
  if (!isWellFormedHead(head)) return 'malformed';
  const key = keys.find((k) => k.key_id === head.key_id);
  if (!key) return 'unknown_key';
  let spki: Uint8Array;
  try {
    spki = spkiOfPem(key.public_key);
  } catch {
    return 'key_id_mismatch';
  }
  if ((await keyIdOf(spki)) !== head.key_id) return 'key_id_mismatch';
  try {
    const publicKey = await crypto.subtle.importKey(
      'spki',
      spki as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      publicKey,
      fromBase64(head.signature) as Uint8Array<ArrayBuffer>,
      signedHeadBytes(head) as Uint8Array<ArrayBuffer>,
    );
    return valid ? 'valid' : 'invalid_signature';
  } catch {
    // A key of another algorithm under that id cannot have made this signature.
    return 'invalid_signature';
  }
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);
const isPowerOfTwo = (n: number) => n >= 1 && (n & (n - 1)) === 0;

/** RFC 9162 2.1.3.2: does `proof` place `leaf` at `index` in the tree of `size` leaves whose root is `root`? */
export async function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = await nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameBytes(r, root);
}

/** RFC 9162 2.1.4.2: does `proof` show the tree of `first` leaves (`firstRoot`) is a prefix of `second`'s? */
export async function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): Promise<boolean> {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second)
    return false;
  if (first === second) return proof.length === 0 && sameBytes(firstRoot, secondRoot);
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
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = await nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameBytes(fr, firstRoot) && sameBytes(sr, secondRoot);
}

/** What an inclusion check found, step by step, for the page to show. */
export interface InclusionCheck {
  /** The record's canonical JSON hashes to the leaf hash the server gave. */
  leafMatches: boolean;
  /** The audit path leads from that leaf to the head's root. */
  pathLeadsToRoot: boolean;
  /** The head the proof is against is signed by the log's key. */
  head: HeadCheck;
  valid: boolean;
}

export async function checkInclusion(
  proof: InclusionProof,
  keys: readonly LogKey[],
): Promise<InclusionCheck> {
  const head = await verifyTreeHead(proof.signed_tree_head, keys);
  const leaf = await recordLeafHash(proof.record);
  const leafMatches = toHex(leaf) === proof.leaf_hash;
  const pathLeadsToRoot =
    head !== 'malformed' &&
    proof.tree_size === proof.signed_tree_head.tree_size &&
    (await verifyInclusion(
      leaf,
      proof.leaf_index,
      proof.tree_size,
      proof.audit_path.map(fromHex),
      fromHex(proof.signed_tree_head.root_hash),
    ));
  return { leafMatches, pathLeadsToRoot, head, valid: leafMatches && pathLeadsToRoot && head === 'valid' };
}

export interface ConsistencyCheck {
  firstHead: HeadCheck;
  secondHead: HeadCheck;
  /** The proof shows the first head's tree is a prefix of the second's. */
  proofHolds: boolean;
  valid: boolean;
}

/** Checks a consistency proof between two signed heads (each head's signature, then the proof between them). */
export async function checkConsistency(
  proof: ConsistencyProof,
  firstHead: SignedTreeHead,
  secondHead: SignedTreeHead,
  keys: readonly LogKey[],
): Promise<ConsistencyCheck> {
  const [first, second] = await Promise.all([
    verifyTreeHead(firstHead, keys),
    verifyTreeHead(secondHead, keys),
  ]);
  const proofHolds =
    first !== 'malformed' &&
    second !== 'malformed' &&
    proof.first === firstHead.tree_size &&
    proof.second === secondHead.tree_size &&
    (await verifyConsistency(
      proof.first,
      proof.second,
      fromHex(firstHead.root_hash),
      fromHex(secondHead.root_hash),
      proof.proof.map(fromHex),
    ));
  return {
    firstHead: first,
    secondHead: second,
    proofHolds,
    valid: first === 'valid' && second === 'valid' && proofHolds,
  };
}
