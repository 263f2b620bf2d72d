import { errors } from '../errors.js';
import type { AuditStore, StoredHead } from '../store/audit-store.js';
import {
  consistencyProof,
  inclusionProof,
  requiredForConsistency,
  requiredForInclusion,
  type Hash,
  type NodeRef,
  type NodeSource,
} from './merkle.js';
import type { AuditRecord } from './record.js';
import { auditRecord } from './record.js';
import type { SignedTreeHead } from './signed-head.js';

export interface InclusionProof {
  record: AuditRecord;
  leaf_index: number;
  tree_size: number;
  leaf_hash: string;
  audit_path: string[];
  signed_tree_head: SignedTreeHead;
}

export interface ConsistencyProof {
  first: number;
  second: number;
  proof: string[];
  /** The signed heads at these sizes, where heads were signed at them. */
  first_head: SignedTreeHead | null;
  second_head: SignedTreeHead | null;
}

/** Reads the stored complete subtrees a proof needs in one query, then serves them to the proof's computation. */
async function nodeSource(store: AuditStore, refs: NodeRef[]): Promise<NodeSource> {
  const found = new Map((await store.nodes(refs)).map((n) => [`${n.level}:${n.index}`, n.hash]));
  return (ref) => {
    const hash = found.get(`${ref.level}:${ref.index}`);
    if (!hash)
      throw errors.internal('audit_tree_incomplete', `the audit tree lacks node ${ref.level}:${ref.index}`);
    return hash;
  };
}

const hex = (hashes: Hash[]) => hashes.map((h) => h.toString('hex'));

export function createProofs(store: AuditStore, toSigned: (head: StoredHead) => SignedTreeHead) {
  const latest = async () => {
    const head = await store.latestHead();
    if (!head) throw errors.unavailable('audit_log_empty', 'the audit log has no signed head yet', 1);
    return head;
  };
  const headFor = async (treeSize: number | undefined) => {
    if (treeSize === undefined) return latest();
    const head = await store.headAt(treeSize);
    if (!head)
      throw errors.notFound('head_not_found', `no signed tree head of size ${treeSize}`, 'tree_size');
    return head;
  };

  return {
    latest,
    headFor,

    /** The audit path of one record to a signed head (the latest, or the one of `treeSize`). */
    async inclusion(
      event: Parameters<typeof auditRecord>[0] & { leafIndex: number | null },
      treeSize?: number,
    ): Promise<InclusionProof> {
      if (event.leafIndex === null) {
        throw errors.conflict(
          'record_not_integrated',
          'this record is durable but not yet in the tree; its proof is available within a few seconds',
          'record',
        );
      }
      const head = await headFor(treeSize);
      if (event.leafIndex >= head.treeSize) {
        throw errors.invalidRequest(
          'proof_out_of_range',
          `record ${event.id} is leaf ${event.leafIndex}, beyond the head of size ${head.treeSize}`,
          'tree_size',
        );
      }
      const source = await nodeSource(store, [
        { level: 0, index: event.leafIndex },
        ...requiredForInclusion(event.leafIndex, head.treeSize),
      ]);
      return {
        record: auditRecord(event),
        leaf_index: event.leafIndex,
        tree_size: head.treeSize,
        leaf_hash: source({ level: 0, index: event.leafIndex }).toString('hex'),
        audit_path: hex(inclusionProof(event.leafIndex, head.treeSize, source)),
        signed_tree_head: toSigned(head),
      };
    },

    /** Proves that the tree of size `first` is a prefix of the tree of size `second`. */
    async consistency(first: number, second: number): Promise<ConsistencyProof> {
      const head = await latest();
      if (!(first >= 1 && first <= second && second <= head.treeSize)) {
        throw errors.invalidRequest(
          'proof_out_of_range',
          `a consistency proof needs 1 <= first <= second <= ${head.treeSize} (the latest head's size)`,
          'first',
        );
      }
      const source = await nodeSource(store, requiredForConsistency(first, second));
      const [firstHead, secondHead] = await Promise.all([store.headAt(first), store.headAt(second)]);
      return {
        first,
        second,
        proof: hex(consistencyProof(first, second, source)),
        first_head: firstHead ? toSigned(firstHead) : null,
        second_head: secondHead ? toSigned(secondHead) : null,
      };
    },
  };
}

export type Proofs = ReturnType<typeof createProofs>;
