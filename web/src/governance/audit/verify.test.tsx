import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { canonicalJson as serverCanonicalJson } from '../../../../src/audit/canonical.js';
import {
  consistencyProof,
  inclusionProof,
  recordLeafHash as serverRecordLeafHash,
  TreeBuilder,
  type Hash,
  type NodeRef,
} from '../../../../src/audit/merkle.js';
import { generateSigningKey, signTreeHead } from '../../../../src/audit/signed-head.js';
import {
  canonicalJson,
  checkConsistency,
  checkInclusion,
  recordLeafHash,
  toHex,
  verifyTreeHead,
  type InclusionProof,
  type LogKey,
  type SignedTreeHead,
} from './verify.js';

/**
 * The browser's checks against the server's own code: heads signed by src/audit/signed-head.ts and proofs computed
 * by src/audit/merkle.ts must verify in verify.ts, and any change to them must not.
 */

const LOG_ID = 'mizan-test';
const { key } = generateSigningKey();
const KEYS: LogKey[] = [{ key_id: key.keyId, algorithm: 'Ed25519', public_key: key.publicKeyPem }];

const record = (i: number) => ({
  id: `aud_${i}`,
  at: new Date(Date.UTC(2026, 10, 24, 10, 0, i)).toISOString(),
  tenant_id: 'ten_1',
  application_id: i % 3 === 0 ? null : 'app_1',
  kind: 'flow',
  action: 'chat.completed',
  actor: 'application:app_1',
  subject: null,
  data_subject: i % 2 ? `u${i}` : null,
  // Integer-like keys, Arabic and Tifinagh text, escapes and numbers: what canonical JSON must order and write.
  detail: {
    outcome: i % 4 === 0 ? 'blocked' : 'answered',
    data_categories: { CIN: 1, '10': 2, '9': 3, phone: i },
    model: { id: 'atlas', country: 'MA' },
    note: `سؤال ⵜⴰⵎⴰⵣⵉⵖⵜ "quoted" \\ \n ${i} 😀`,
    ratio: i / 7,
    tags: ['b', 'a', { z: true, a: false }],
  },
});

/** A log of `size` records, as the server builds it: every complete subtree kept, heads signed. */
function buildLog(size: number) {
  const records = Array.from({ length: size }, (_, i) => record(i));
  const nodes = new Map<string, Hash>();
  const builder = new TreeBuilder();
  const roots: Hash[] = [];
  for (const [i, r] of records.entries()) {
    const leaf = serverRecordLeafHash(r);
    nodes.set(`0:${i}`, leaf);
    for (const made of builder.append(leaf)) nodes.set(`${made.level}:${made.index}`, made.hash);
    roots.push(builder.root());
  }
  const get = (ref: NodeRef) => nodes.get(`${ref.level}:${ref.index}`)!;
  const head = (treeSize: number): SignedTreeHead =>
    signTreeHead(key, LOG_ID, treeSize, roots[treeSize - 1]!, new Date(Date.UTC(2026, 10, 24, 11, treeSize)));
  const inclusion = (index: number, treeSize: number): InclusionProof => ({
    record: records[index]!,
    leaf_index: index,
    tree_size: treeSize,
    leaf_hash: get({ level: 0, index }).toString('hex'),
    audit_path: inclusionProof(index, treeSize, get).map((h) => h.toString('hex')),
    signed_tree_head: head(treeSize),
  });
  const consistency = (first: number, second: number) => ({
    first,
    second,
    proof: consistencyProof(first, second, get).map((h) => h.toString('hex')),
    first_head: head(first),
    second_head: head(second),
  });
  return { records, head, inclusion, consistency };
}

const flipHex = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

describe('canonical JSON and leaf hashes, as the server computes them', () => {
  test('the browser writes every record exactly as the server does', () => {
    for (let i = 0; i < 12; i++) assert.equal(canonicalJson(record(i)), serverCanonicalJson(record(i)));
    const odd = { '\ud800': 'lone', b: [1, -0, 1e21, 0.1], a: { '2': null, '10': undefined, '1': 'x' } };
    assert.equal(canonicalJson(odd), serverCanonicalJson(odd));
  });

  test('a record hashes to the leaf the server put in the tree', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal(toHex(await recordLeafHash(record(i))), serverRecordLeafHash(record(i)).toString('hex'));
  });
});

describe('signed tree heads, checked with WebCrypto Ed25519', () => {
  const head = buildLog(5).head(5);

  test('a head signed by the log key verifies', async () => {
    assert.equal(await verifyTreeHead(head, KEYS), 'valid');
  });

  test('a head with any signed field changed fails', async () => {
    const changes: Partial<SignedTreeHead>[] = [
      { log_id: 'another-log' },
      { tree_size: 6 },
      { root_hash: flipHex(head.root_hash) },
      { timestamp: '2026-11-24T11:05:00.001Z' },
    ];
    for (const change of changes)
      assert.equal(await verifyTreeHead({ ...head, ...change }, KEYS), 'invalid_signature');
  });

  test('a head signed by another key, or a key listed under a false id, fails', async () => {
    const stranger = generateSigningKey().key;
    const forged = signTreeHead(stranger, LOG_ID, 5, Buffer.from(head.root_hash, 'hex'), new Date());
    assert.equal(await verifyTreeHead(forged, KEYS), 'unknown_key');
    // The stranger's key listed under the log key's id.
    const impostor: LogKey = { ...KEYS[0]!, public_key: stranger.publicKeyPem };
    assert.equal(await verifyTreeHead(head, [impostor]), 'key_id_mismatch');
    assert.equal(await verifyTreeHead({ ...forged, key_id: key.keyId }, KEYS), 'invalid_signature');
  });

  test('a head out of shape is malformed before any signature check', async () => {
    assert.equal(await verifyTreeHead({ ...head, root_hash: 'xyz' }, KEYS), 'malformed');
    assert.equal(await verifyTreeHead({ ...head, signature: 'AAAA' }, KEYS), 'malformed');
  });
});

describe('inclusion proofs', () => {
  const log = buildLog(13);

  test('every record of logs of every size up to 13 is proven in its head', async () => {
    for (let size = 1; size <= 13; size++) {
      for (let index = 0; index < size; index++) {
        const check = await checkInclusion(log.inclusion(index, size), KEYS);
        assert.deepEqual(check, { leafMatches: true, pathLeadsToRoot: true, head: 'valid', valid: true });
      }
    }
  });

  test('a tampered record, path, position or head fails, and says which check failed', async () => {
    const proof = log.inclusion(6, 13);
    const tamperedRecord = { ...proof, record: { ...proof.record, action: 'chat.blocked' } };
    assert.deepEqual(await checkInclusion(tamperedRecord, KEYS), {
      leafMatches: false,
      pathLeadsToRoot: false,
      head: 'valid',
      valid: false,
    });
    const tamperedPath = { ...proof, audit_path: proof.audit_path.map((h, i) => (i === 1 ? flipHex(h) : h)) };
    assert.equal((await checkInclusion(tamperedPath, KEYS)).pathLeadsToRoot, false);
    assert.equal((await checkInclusion({ ...proof, leaf_index: 7 }, KEYS)).valid, false);
    const otherHead = { ...proof, signed_tree_head: log.head(12), tree_size: 12 };
    assert.equal((await checkInclusion(otherHead, KEYS)).pathLeadsToRoot, false);
    const forgedRoot = {
      ...proof,
      signed_tree_head: { ...proof.signed_tree_head, root_hash: flipHex(proof.signed_tree_head.root_hash) },
    };
    const forged = await checkInclusion(forgedRoot, KEYS);
    assert.equal(forged.head, 'invalid_signature');
    assert.equal(forged.valid, false);
  });
});

describe('consistency proofs', () => {
  const log = buildLog(16);

  test('every earlier head is proven a prefix of every later one', async () => {
    for (let second = 1; second <= 16; second++) {
      for (let first = 1; first <= second; first++) {
        const proof = log.consistency(first, second);
        const check = await checkConsistency(proof, proof.first_head, proof.second_head, KEYS);
        assert.ok(check.valid, `${first} → ${second}`);
      }
    }
  });

  test('a rewritten history fails: another first root, a changed proof node, swapped heads', async () => {
    const proof = log.consistency(5, 11);
    const otherFirst = signTreeHead(
      key,
      LOG_ID,
      5,
      Buffer.from(flipHex(proof.first_head.root_hash), 'hex'),
      new Date(),
    );
    const check = await checkConsistency(proof, otherFirst, proof.second_head, KEYS);
    assert.deepEqual(check, { firstHead: 'valid', secondHead: 'valid', proofHolds: false, valid: false });
    const changed = { ...proof, proof: proof.proof.map((h, i) => (i === 0 ? flipHex(h) : h)) };
    assert.equal((await checkConsistency(changed, proof.first_head, proof.second_head, KEYS)).valid, false);
    assert.equal((await checkConsistency(proof, proof.second_head, proof.first_head, KEYS)).valid, false);
  });
});
